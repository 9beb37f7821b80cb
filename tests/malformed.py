"""Malformed mail of the kinds real mail servers pass on, built here so every test uses the
same corpus: broken boundaries, missing headers, attachment-only mail, attached mails,
unknown and lying charsets, bad and missing dates, NUL bytes, 8-bit headers, 1 MB
header lines, deep nesting, thousands of parts, control characters and odd line ends.

Each mail has a subject of its own (where it has a subject at all), so no two are the
same mail and every outcome can be counted.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage

CRLF = b"\r\n"


def _head(n: str, *extra: bytes, date: bytes = b"Mon, 16 Nov 2026 10:00:00 +0100") -> bytes:
    lines = [
        b"From: Borger " + n.encode() + b" <borger" + n.encode() + b"@example.dk>",
        b"To: ishojkommune@ishoj.dk, sah@ishoj.dk",
        b"Subject: Sag " + n.encode(),
        b"Date: " + date,
        b"Message-ID: <" + n.encode() + b"@malformed.example.dk>",
        *extra,
    ]
    return CRLF.join(line for line in lines if line) + CRLF


def _multipart(n: str, boundary_header: bytes, body_boundary: bytes, closing: bool = True) -> bytes:
    body = (
        b"--"
        + body_boundary
        + CRLF
        + b"Content-Type: text/plain; charset=utf-8"
        + CRLF
        + CRLF
        + f"Hullet i vejen ved nr. {n} er stadig ikke lavet.".encode()
        + CRLF
        + b"--"
        + body_boundary
        + CRLF
        + b"Content-Type: application/pdf"
        + CRLF
        + b'Content-Disposition: attachment; filename="bilag.pdf"'
        + CRLF
        + CRLF
        + b"%PDF-1.4 "
        + n.encode()
        + CRLF
    )
    if closing:
        body += b"--" + body_boundary + b"--" + CRLF
    return (
        _head(n, b"MIME-Version: 1.0", b"Content-Type: multipart/mixed; " + boundary_header)
        + CRLF
        + body
    )


def _boundaries() -> dict[str, bytes]:
    return {
        "boundary_unquoted_with_equals": _multipart(
            "b1", b"boundary=----=_Part_1", b"----=_Part_1"
        ),
        "boundary_quote_not_closed": _multipart("b2", b'boundary="abc', b"abc"),
        "boundary_missing": _multipart("b3", b"", b"xyz"),
        "boundary_wrong": _multipart("b4", b'boundary="declared"', b"actual"),
        "boundary_never_closed": _multipart("b5", b'boundary="open"', b"open", closing=False),
        "boundary_with_spaces": _multipart("b6", b'boundary="a b c"', b"a b c"),
        "boundary_too_long": _multipart("b7", b'boundary="' + b"x" * 150 + b'"', b"x" * 150),
        "boundary_empty": _multipart("b8", b'boundary=""', b"none"),
        "boundary_semicolon": _multipart("b9", b"boundary=semi;", b"semi"),
        "boundary_uppercase_param": _multipart("b10", b"BOUNDARY=Up", b"Up"),
    }


def _plain(
    n: str, body: bytes, *extra: bytes, date: bytes = b"Mon, 16 Nov 2026 10:00:00 +0100"
) -> bytes:
    return _head(n, *extra, date=date) + CRLF + body + CRLF


def _missing_headers() -> dict[str, bytes]:
    text = b"Hvorn\xc3\xa5r bliver cykelstien f\xc3\xa6rdig?"
    return {
        "no_from": b"Subject: Uden afsender\r\nDate: Mon, 16 Nov 2026 10:00:00 +0100\r\n\r\n"
        + text,
        "no_subject": b"From: a1@example.dk\r\nDate: Mon, 16 Nov 2026 10:00:00 +0100\r\n\r\n"
        + text,
        "no_date": b"From: a2@example.dk\r\nSubject: Uden dato\r\n\r\n" + text,
        "no_message_id": b"From: a3@example.dk\r\nSubject: Uden id\r\nDate: Mon, 16 Nov 2026 10:00:00 +0100\r\n\r\n"
        + text,
        "only_from": b"From: a4@example.dk\r\n\r\n" + text + b" (kun afsender)",
        "no_blank_line": b"From: a5@example.dk\r\nSubject: Ingen tom linje\r\nHej med dig",
        "headers_only": b"From: a6@example.dk\r\nSubject: Kun hoveder\r\n",
        "no_known_headers": b"X-Foo: 1\r\nX-Bar: 2\r\n\r\nHej",
        "from_without_address": b"From: Bare et navn\r\nSubject: Navn uden adresse\r\n\r\n" + text,
        "from_empty_angle": b"From: <>\r\nSubject: Tom afsender\r\n\r\n" + text,
    }


def _with_attachments(
    n: str, parts: list[tuple[str, str, bytes]], text: str | None = None
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Borger {n} <borger{n}@example.dk>"
    msg["To"] = "ishojkommune@ishoj.dk, sah@ishoj.dk"
    msg["Subject"] = f"Sag {n}"
    msg["Date"] = "Mon, 16 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = f"<{n}@malformed.example.dk>"
    if text is not None:
        msg.set_content(text)
    for filename, ctype, data in parts:
        main, sub = ctype.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=filename)
    return msg.as_bytes()


def _attachment_only() -> dict[str, bytes]:
    return {
        "scanned_letter_pdf": _with_attachments(
            "a1", [("brev.pdf", "application/pdf", b"%PDF-1.4 scan")]
        ),
        "photo_only": _with_attachments(
            "a2", [("hul-i-vejen.jpg", "image/jpeg", b"\xff\xd8\xff\xe0JFIF")]
        ),
        "zip_only": _with_attachments("a3", [("bilag.zip", "application/zip", b"PK\x03\x04")]),
        "text_file_attached": _with_attachments("a4", [("klage.txt", "text/plain", b"Min klage")]),
        "many_attachments": _with_attachments(
            "a5", [(f"side{i}.pdf", "application/pdf", b"%PDF " + bytes([i])) for i in range(12)]
        ),
        "empty_attachment": _with_attachments("a6", [("tom.pdf", "application/pdf", b"")]),
        "attachment_named_by_rfc2047": _plain(
            "a7",
            b'--q\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="=?utf-8?q?br=C3=A6v.pdf?="\r\n\r\nPDF\r\n--q--',
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/mixed; boundary="q"',
        ),
    }


def _forwarded(n: str, inner: bytes, disposition: bytes = b"attachment") -> bytes:
    return _plain(
        n,
        b"--f\r\nContent-Type: text/plain\r\n\r\nSe den vedh\xc3\xa6ftede mail.\r\n"
        + b"--f\r\nContent-Type: message/rfc822\r\nContent-Disposition: "
        + disposition
        + b"\r\n\r\n"
        + inner
        + b"\r\n--f--",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/mixed; boundary="f"',
    )


def _nested() -> dict[str, bytes]:
    inner = b"From: nabo@example.dk\r\nSubject: Original\r\n\r\nMin mor har f\xc3\xa5et afslag p\xc3\xa5 hjemmehj\xc3\xa6lp."
    only_attached = _plain(
        "r4",
        b"--f\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--f--",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/mixed; boundary="f"',
    )
    return {
        "forward_as_attachment": _forwarded("r1", inner),
        "forward_inline": _forwarded("r2", inner, b"inline"),
        "forward_of_forward": _forwarded("r3", _forwarded("r3i", inner)),
        "only_an_attached_mail": only_attached,
        "attached_mail_empty": _forwarded("r5", b""),
        "attached_mail_html_only": _forwarded(
            "r6", b"Content-Type: text/html\r\nSubject: HTML\r\n\r\n<p>Hej <b>med</b> dig</p>"
        ),
        "attached_mail_broken": _forwarded(
            "r7", b'Content-Type: multipart/mixed; boundary="z"\r\n\r\n--y\r\nbroken'
        ),
    }


def _charsets() -> dict[str, bytes]:
    latin = "Vejen ved søen er ødelagt.".encode("latin-1")
    return {
        "charset_unknown": _plain("c1", latin, b"Content-Type: text/plain; charset=x-ukendt"),
        "charset_lying_utf8": _plain("c2", latin, b"Content-Type: text/plain; charset=utf-8"),
        "charset_empty": _plain("c3", latin, b'Content-Type: text/plain; charset=""'),
        "charset_utf7": _plain("c4", b"Hej +AOY-ble", b"Content-Type: text/plain; charset=utf-7"),
        "charset_gb2312": _plain(
            "c5", "你好，市议会".encode("gb2312"), b"Content-Type: text/plain; charset=gb2312"
        ),
        "charset_undeclared_8bit": _plain("c6", "Kære byråd".encode("cp1252")),
        "encoded_word_unknown_charset": _head("c7").replace(
            b"Subject: Sag c7", b"Subject: =?x-ukendt?q?Sag_c7?="
        )
        + CRLF
        + b"Hej",
        "encoded_word_broken_base64": _head("c8").replace(
            b"Subject: Sag c8", b"Subject: =?utf-8?b?////?= Sag c8"
        )
        + CRLF
        + b"Hej",
        "html_in_unknown_charset": _plain(
            "c9", b"<p>Hej</p>", b"Content-Type: text/html; charset=x-nope"
        ),
    }


def _dates() -> dict[str, bytes]:
    body = b"Hvorn\xc3\xa5r kommer skraldebilen?"
    variants = {
        "date_minus_zero": b"Mon, 16 Nov 2026 10:00:00 -0000",
        "date_no_zone": b"Mon, 16 Nov 2026 10:00:00",
        "date_garbage": b"i morgen tidlig",
        "date_year_10000": b"Mon, 16 Nov 10000 10:00:00 +0100",
        "date_future": b"Mon, 16 Nov 2099 10:00:00 +0100",
        "date_epoch": b"Thu, 01 Jan 1970 00:00:00 +0000",
        "date_day_32": b"Mon, 32 Nov 2026 10:00:00 +0100",
        "date_zone_name": b"Mon, 16 Nov 2026 10:00:00 CEST",
        "date_empty": b"",
        "date_trailing_text": b"Mon, 16 Nov 2026 10:00:00 +0100 (sendt fra min iPhone)",
        "date_two_digit_year": b"16 Nov 26 10:00 +0100",
        "date_huge_offset": b"Mon, 16 Nov 2026 10:00:00 +9999",
    }
    return {
        name: _plain(f"d{i}", body, date=value) for i, (name, value) in enumerate(variants.items())
    }


def _nul_and_controls() -> dict[str, bytes]:
    return {
        "nul_in_subject": _head("n1").replace(b"Subject: Sag n1", b"Subject: Sag\x00 n1")
        + CRLF
        + b"Hej",
        "nul_in_body": _plain("n2", b"Hej\x00 med\x00 dig"),
        "nul_in_filename": _plain(
            "n3",
            b'--q\r\nContent-Type: text/plain\r\n\r\nSe bilag\r\n--q\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="a\x00b.pdf"\r\n\r\nPDF\r\n--q--',
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/mixed; boundary="q"',
        ),
        "nul_in_from": _head("n4").replace(b"From: Borger n4", b"From: Bor\x00ger n4")
        + CRLF
        + b"Hej",
        "nul_header_name": _head("n5", b"X-\x00Weird: 1") + CRLF + b"Hej",
        "encoded_crlf_in_subject": _head("n6").replace(
            b"Subject: Sag n6", b"Subject: =?utf-8?Q?Sag_n6=0D=0ABcc:_x@example.org?="
        )
        + CRLF
        + b"Hej",
        "escape_and_c1_controls": _plain("n7", "Hej\x1b[31m rød \x85 tekst".encode()),
        "bidi_in_filename": _plain(
            "n8",
            b"--q\r\nContent-Type: text/plain\r\n\r\nFaktura\r\n--q\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''faktura%E2%80%AEfdp.exe\r\n\r\nMZ\r\n--q--",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/mixed; boundary="q"',
        ),
        "bidi_in_subject": _head("n9").replace(
            b"Subject: Sag n9", "Subject: Sag n9 \u202egnirts".encode()
        )
        + CRLF
        + b"Hej",
    }


def _eight_bit_headers() -> dict[str, bytes]:
    return {
        "utf8_raw_subject": _head("e1").replace(b"Sag e1", "Sag e1 om søen".encode())
        + CRLF
        + b"Hej",
        "latin1_raw_subject": _head("e2").replace(b"Sag e2", "Sag e2 om søen".encode("latin-1"))
        + CRLF
        + b"Hej",
        "raw_from_name": _head("e3").replace(b"Borger e3", "Søren e3".encode()) + CRLF + b"Hej",
        "raw_filename": _plain(
            "e4",
            '--q\r\nContent-Type: text/plain\r\n\r\nBilag\r\n--q\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="ansøgning.pdf"\r\n\r\nPDF\r\n--q--'.encode(),
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/mixed; boundary="q"',
        ),
        "mixed_8bit_and_encoded": _head("e5").replace(
            b"Sag e5", "Sag e5 ø =?utf-8?q?=C3=A6?= å".encode("latin-1")
        )
        + CRLF
        + b"Hej",
    }


def _huge_headers() -> dict[str, bytes]:
    mb = 1024 * 1024
    return {
        "one_mb_subject": _head("h1").replace(b"Subject: Sag h1", b"Subject: Sag h1 " + b"a" * mb)
        + CRLF
        + b"Hej",
        "one_mb_to": _head("h2").replace(
            b"To: ishojkommune@ishoj.dk, sah@ishoj.dk",
            b"To: " + b", ".join(b"x%d@example.dk" % i for i in range(70_000)),
        )
        + CRLF
        + b"Hej",
        "one_mb_folded_header": _head(
            "h3", b"X-Long: " + b"b" * 1000 + (b"\r\n " + b"c" * 1000) * 1000
        )
        + CRLF
        + b"Hej",
        "one_mb_encoded_subject": _head("h4").replace(
            b"Subject: Sag h4", b"Subject: Sag h4 " + b"=?utf-8?q?=C3=A6?= " * 60_000
        )
        + CRLF
        + b"Hej",
    }


def _deep(n: str, levels: int, kind: str = "multipart") -> bytes:
    body = b"Content-Type: text/plain\r\n\r\nBunden af " + n.encode()
    for level in range(levels):
        b = b"L%d" % level
        if kind == "multipart":
            body = (
                b'Content-Type: multipart/mixed; boundary="'
                + b
                + b'"\r\n\r\n--'
                + b
                + CRLF
                + body
                + b"\r\n--"
                + b
                + b"--"
            )
        else:
            body = b"Content-Type: message/rfc822\r\n\r\nSubject: niveau\r\n" + body
    return _head(n, b"MIME-Version: 1.0") + body + CRLF


def _many_parts(n: str, parts: int) -> bytes:
    body = b"".join(
        b"--p\r\nContent-Type: text/plain\r\n\r\nDel " + str(i).encode() + CRLF
        for i in range(parts)
    )
    return _plain(
        n, body + b"--p--", b"MIME-Version: 1.0", b'Content-Type: multipart/mixed; boundary="p"'
    )


def _structure() -> dict[str, bytes]:
    return {
        "nested_20_multiparts": _deep("s1", 20),
        "nested_30_multiparts": _deep("s2", 30),
        "nested_120_multiparts": _deep("s3", 120),
        "nested_60_attached_mails": _deep("s4", 60, "rfc822"),
        "nested_400_attached_mails": _deep("s5", 400, "rfc822"),
        "parts_450": _many_parts("s6", 450),
        "parts_600": _many_parts("s7", 600),
        "parts_2000": _many_parts("s8", 2000),
        "parts_5000": _many_parts("s9", 5000),
    }


def _odd() -> dict[str, bytes]:
    text = "Hvornår bliver vejen asfalteret?".encode()
    smime = _plain(
        "o6",
        b"MIAGCSqGSIb3DQEHA6CAMIACAQAxggE=",
        b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
        b"Content-Transfer-Encoding: base64",
    )
    signed = _plain(
        "o7",
        b"--s\r\nContent-Type: text/plain\r\n\r\nUnderskrevet tekst\r\n--s\r\nContent-Type: application/pkcs7-signature\r\n\r\nSIG\r\n--s--",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/signed; boundary="s"',
    )
    return {
        "bare_lf_line_ends": _plain("o1", text).replace(CRLF, b"\n"),
        "bare_cr_line_ends": _plain("o2", text).replace(CRLF, b"\r"),
        "invalid_base64": _plain("o3", b"!!!not base64!!!", b"Content-Transfer-Encoding: base64"),
        "invalid_quoted_printable": _plain(
            "o4", b"=C3=A6=ZZ=\r\n=", b"Content-Transfer-Encoding: quoted-printable"
        ),
        "content_type_garbage": _plain("o5", text, b"Content-Type: ;;;==="),
        "smime_encrypted": smime,
        "smime_signed": signed,
        "tnef_winmail": _with_attachments(
            "o8", [("winmail.dat", "application/ms-tnef", b"\x78\x9f\x3e\x22")], "Se bilag"
        ),
        "empty_body": _head("o9") + CRLF,
        "whitespace_body": _plain("o10", b"   \r\n\t\r\n  "),
        "html_with_script": _plain(
            "o11",
            b'<p>Hej<script>alert(1)</script><img src="https://tracker.example/p.gif"></p>',
            b"Content-Type: text/html; charset=utf-8",
        ),
        "html_only_images": _plain("o12", b'<img src="cid:1">', b"Content-Type: text/html"),
        "binary_junk": b"\x00\x01\x02 binary junk \xff\xfe",
        "text_without_headers": b"Bare en tekst\nuden nogen hoveder\n",
        "header_without_colon_space": _head("o15").replace(b"Subject: ", b"Subject:") + CRLF + text,
        "duplicate_headers": _head("o16", b"Subject: Et andet emne", b"From: anden@example.dk")
        + CRLF
        + text,
        "calendar_invite": _plain(
            "o17",
            b"BEGIN:VCALENDAR\r\nEND:VCALENDAR",
            b"Content-Type: text/calendar; method=REQUEST",
        ),
        "multipart_alternative_empty": _plain(
            "o18",
            b"--a\r\n\r\n--a--",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/alternative; boundary="a"',
        ),
        "delivery_status_report": _plain(
            "o19",
            b"--r\r\nContent-Type: text/plain\r\n\r\nMailen kunne ikke leveres\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\nFinal-Recipient: rfc822; a@b\r\n--r--",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        ),
        "very_long_body_line": _plain("o20", b"x" * 2_000_000),
    }


FAMILIES: list[Callable[[], dict[str, bytes]]] = [
    _boundaries,
    _missing_headers,
    _attachment_only,
    _nested,
    _charsets,
    _dates,
    _nul_and_controls,
    _eight_bit_headers,
    _huge_headers,
    _structure,
    _odd,
]


def corpus() -> dict[str, bytes]:
    """Every malformed mail, by a name that says what is wrong with it."""
    found: dict[str, bytes] = {}
    for family in FAMILIES:
        for name, raw in family().items():
            assert name not in found, name
            found[name] = raw
    return found


def good_mail(n: int) -> bytes:
    """A well-formed mail to mutate."""
    return _with_attachments(
        f"g{n}",
        [("bilag.pdf", "application/pdf", b"%PDF-1.4 " + bytes([n % 256]))],
        "Kære byråd. Min søn venter stadig på svar om skolebus. Hvad gør I?",
    )
