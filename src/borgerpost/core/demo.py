"""The demo municipality, its people and realistic inquiries (`borgerpost demo`).

All names, addresses and numbers are invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from borgerpost.core import demo_history
from borgerpost.core.access import actor_for
from borgerpost.core.loading import load_municipality, read_file
from borgerpost.core.models import Municipality

DEMO_PASSWORD = "demo-borgerpost"  # noqa: S105 - shown on the login page in demo mode only
DEMO_FILE = Path(__file__).with_name("demo_ishoj.yaml")

DEMO_LOGINS = [
    ("borgmester", "Borgmester (Merete Holm) – byrådsmedlem, formand for Økonomiudvalget"),
    ("formand", "Udvalgsformand (Kasper Lind) – Børne- og Skoleudvalget"),
    ("medlem", "Byrådsmedlem (Sara Ahmadi)"),
    ("medlem2", "Byrådsmedlem (Jens Bruun) – formand for Teknik- og Miljøudvalget"),
    ("sekretariat", "Sekretariatet – læser hovedpostkassen"),
    ("direktoer", "Direktør (Henrik Dahl)"),
    ("sagsbehandler", "Sagsbehandler (Louise Krogh)"),
    ("admin", "Kommunal administrator (Thomas Vang)"),
    ("dpo", "Databeskyttelsesrådgiver (Dorte Riis) – adgangslog og massevisning"),
    ("borgerraadgiver", "Borgerrådgiver for både Ishøj og Hvidovre"),
    ("hvidovre", "Byrådsmedlem i Hvidovre – en anden kommune"),
]

HVIDOVRE = {
    "slug": "hvidovre",
    "name": "Hvidovre Kommune",
    "mail_domains": ["hvidovre.dk"],
    "main_mailbox": "hvidovre@hvidovre.dk",
    "mayor": "hvidovre",
    "people": [
        {
            "username": "hvidovre",
            "name": "Anders Friis",
            "email": "afr@hvidovre.dk",
            "roles": ["council_member"],
            "password": DEMO_PASSWORD,
        },
        {
            "username": "borgerraadgiver",
            "name": "Birgit Nørgaard",
            "email": "bno@hvidovre.dk",
            "roles": ["counsellor"],
            "password": DEMO_PASSWORD,
        },
    ],
}

# (recipients, days ago received, channel, name, email, phone, subject, text)
DEMO_INQUIRIES = [
    (
        ["medlem", "formand", "borgmester"],
        3,
        "mail",
        "Camilla Jørgensen",
        "camilla.j@example.dk",
        "",
        "Skolevej ved Vibeholmskolen",
        "Kære byrådsmedlemmer\n\nHver morgen kører bilerne alt for stærkt forbi Vibeholmskolen, og "
        "der er ingen fodgængerovergang ved busstoppestedet. Jeg synes, byrådet bør prioritere en "
        "sikker skolevej i næste budget. Hvad er jeres holdning?\n\nVenlig hilsen\nCamilla Jørgensen",
    ),
    (
        ["medlem"],
        12,
        "mail",
        "Brian Olsen",
        "brian.olsen@example.dk",
        "22 33 44 55",
        "Min søns støtte i skolen",
        "Hej Sara\n\nMin søn Oliver går i 4. klasse på Strandskolen. PPR anbefalede i september, at "
        "han fik støtte i timerne, men vi har fået afslag, og sagsbehandleren svarer ikke på mine "
        "mails. Sagen har nr. 25/14032. Kan du hjælpe?\n\nBrian Olsen",
    ),
    (
        ["medlem", "medlem2"],
        1,
        "mail",
        "Ulla Sørensen",
        "ulla.s@example.dk",
        "",
        "Affald ikke tømt",
        "Hej\n\nVores skraldespand på Gadevangsvej 12 er ikke blevet tømt i tre uger. Jeg har "
        "ringet til affaldsservice to gange og fik at vide, at det ville blive rettet. Hvad gør "
        "jeg nu?\n\nUlla Sørensen",
    ),
    (
        ["formand"],
        2,
        "messenger",
        "Mads Nielsen",
        "",
        "",
        "",
        "Hej Kasper, hvorfor har min datters vuggestue lukket tidligt hele ugen? Det er "
        "tredje gang i år.",
    ),
    (
        ["medlem2"],
        0,
        "phone",
        "Karen Poulsen",
        "",
        "43 21 09 87",
        "Ønske om bænke ved søen",
        "Karen ringede og foreslog, at der sættes flere bænke op ved Ishøj Sø, så ældre kan "
        "holde pause på gåturen. Hun ønsker at høre, om det kan komme med i planerne.",
    ),
]


@transaction.atomic
def load_demo(now: dt.datetime | None = None) -> Municipality:
    from borgerpost.inquiries.actions import NewInquiry, do_register_inquiry

    municipality = load_municipality(read_file(DEMO_FILE), demo_passwords=True)
    hvidovre = load_municipality(HVIDOVRE, demo_passwords=True)
    users = {u.username: u for u in get_user_model().objects.all()}
    _load_letters(municipality, users)
    _load_counsellor(municipality, users)
    _load_counsellor(hvidovre, users)
    _load_mail_folder(municipality)
    now = now or timezone.now()
    demo_history.load_standard_texts(municipality, users)
    demo_history.hold_a_letter(municipality, users, now)
    demo_history.letters_from_a_system(municipality, now)
    if municipality.memberships.exists() and _has_inquiries(municipality):
        return municipality
    for names, days_ago, channel, name, email, phone, subject, text in DEMO_INQUIRIES:
        received = min(
            _working_hours(now - dt.timedelta(days=days_ago)), now - dt.timedelta(minutes=30)
        )
        for username in names:
            actor = actor_for(users[username], municipality)
            assert actor is not None
            do_register_inquiry(
                actor,
                NewInquiry(
                    channel=channel,
                    received_at=received,
                    body=text,
                    subject=subject,
                    citizen_name=name,
                    citizen_email=email,
                    citizen_phone=phone,
                ),
            )
    demo_history.load_history(municipality, users, now)
    return municipality


DEMO_TEMPLATES = [
    (
        "Afgørelse om hjemmehjælp",
        "Afgørelse om hjemmehjælp",
        "Du får hjælp til rengøring hver anden uge. Læs herunder, hvad det betyder for dig.",
        "Vi har vurderet din ansøgning om hjemmehjælp. Du får hjælp til rengøring hver anden uge "
        "fra den 1. i næste måned. Hjælperen ringer til dig, før første besøg.",
    ),
    (
        "Indkaldelse til samtale",
        "Indkaldelse til samtale om din plan",
        "Vi vil gerne tale med dig om din plan. Du kan tage en bisidder med.",
        "Du er indkaldt til en samtale i Jobcenter Ishøj. Ring til os, hvis tidspunktet ikke passer.",
    ),
]
DEMO_CITIZENS = [
    ("0101901234", "Ole Hansen", False, ""),
    (
        "1502754321",
        "Mette Jensen",
        True,
        "Har angst og har tidligere reageret stærkt på breve op til weekender (sagsbehandlerens "
        "kendskab til borgeren).",
    ),
]


def _load_letters(municipality: Municipality, users: dict) -> None:
    from borgerpost.letters.models import Citizen, LetterTemplate

    if LetterTemplate.objects.in_municipality(municipality).exists():
        return
    for name, title, lead, body in DEMO_TEMPLATES:
        LetterTemplate.objects.create(
            municipality=municipality, name=name, title=title, lead_text=lead, body=body
        )
    for cpr, name, vulnerable, note in DEMO_CITIZENS:
        Citizen.objects.create(
            municipality=municipality,
            cpr=cpr,
            name=name,
            vulnerable=vulnerable,
            vulnerability_note=note,
            vulnerability_assessed_by=users["sagsbehandler"] if vulnerable else None,
            vulnerability_assessed_at=timezone.now() if vulnerable else None,
        )


def _load_counsellor(municipality: Municipality, users: dict) -> None:
    """The shared counsellor and a few of her cases in each municipality."""
    from borgerpost.core.models import Membership
    from borgerpost.counsellor.actions import ensure_default_themes
    from borgerpost.counsellor.models import ComplaintTheme, CounsellorCase

    counsellor = users["borgerraadgiver"]
    Membership.objects.get_or_create(user=counsellor, municipality=municipality, role="counsellor")
    if CounsellorCase.objects.in_municipality(municipality).exists():
        return
    ensure_default_themes(municipality)
    centre = municipality.centres.first()
    elsewhere = "" if centre else "Udbetaling Danmark"
    today = timezone.localdate()
    theme = ComplaintTheme.objects.filter(
        municipality=municipality, name="Sagsbehandlingstid og manglende svar"
    ).first()
    main = CounsellorCase.objects.create(
        municipality=municipality,
        reference=f"BR-{today.year}-001",
        opened=today.replace(day=1),
        category="klage",
        handling="styrket_dialog",
        centre=centre,
        other_authority=elsewhere,
        created_by=counsellor,
        sent_to_centre=today.replace(day=1),
        citizen_contact="Borger (demo), tlf. 20 30 40 50",
    )
    if theme:
        main.themes.add(theme)
    CounsellorCase.objects.create(
        municipality=municipality,
        reference=f"BR-{today.year}-002",
        opened=today.replace(day=1),
        category="klage",
        handling="videresendt",
        centre=centre,
        other_authority=elsewhere,
        main_case=main,
        created_by=counsellor,
        reminders=1,
    )
    CounsellorCase.objects.create(
        municipality=municipality,
        reference=f"BR-{today.year}-003",
        opened=today.replace(day=1),
        category="anden",
        handling="vejvisning",
        other_authority="Udbetaling Danmark",
        created_by=counsellor,
    )


# Two mails waiting in the demo's main mailbox, a folder of .eml files: the
# administrator fetches them from the mailbox page ("Hent nye mails nu"), no mail server.
DEMO_MAILS = [
    (
        "Lone Berg <lone.berg@example.dk>",
        "Vejbump på Skovvej",
        "Hej. Bilerne kører alt for stærkt forbi børnehaven på Skovvej. Kan kommunen sætte "
        "vejbump op? Venlig hilsen Lone Berg",
    ),
    (
        "Karim Nasser <karim.nasser@example.dk>",
        "Min fars hjemmehjælp",
        "Hej. Min far har demens og får kun hjemmehjælp en gang om ugen. Hans cpr-nummer er "
        "120345-1217. Kan nogen ringe til mig? Mvh Karim Nasser",
    ),
]


def _load_mail_folder(municipality: Municipality) -> None:
    from email.message import EmailMessage
    from email.utils import format_datetime

    from borgerpost.intake.actions import do_connect_file_folder
    from borgerpost.intake.models import Mailbox

    if Mailbox.objects.in_municipality(municipality).filter(kind="main").exists():
        return
    folder = Path(settings.MAIL_FOLDERS) / municipality.slug
    folder.mkdir(parents=True, exist_ok=True)
    for number, (sender, subject, text) in enumerate(DEMO_MAILS, start=1):
        mail = EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = sender, municipality.main_mailbox, subject
        mail["Date"] = format_datetime(timezone.now() - dt.timedelta(hours=number))
        mail["Message-ID"] = f"<demo-{number}@{municipality.slug}.example>"
        mail.set_content(text)
        (folder / f"demo-{number}.eml").write_bytes(mail.as_bytes())
    do_connect_file_folder(municipality, str(folder))


def _has_inquiries(municipality: Municipality) -> bool:
    from borgerpost.inquiries.models import Inquiry

    return Inquiry.objects.in_municipality(municipality).exists()


def _working_hours(moment: dt.datetime) -> dt.datetime:
    local = timezone.localtime(moment)
    return local.replace(hour=9, minute=30, second=0, microsecond=0)
