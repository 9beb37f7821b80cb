"""The guard: nothing sensitive leaves on an insecure channel.

Every acknowledgement, reply, advance notice, forward and answer is scanned before it
leaves. When it holds sensitive data and the channel is not secure (mail outside the
municipality's internal domains, SMS, Messenger, Facebook), sending is blocked and the
person is shown each finding and the ways out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from borgerpost.core.models import Municipality
from borgerpost.pure.scanner import CATEGORY_LABELS, Finding, Scanner, Term, default_scanner
from borgerpost.pure.scanner.lexicon import W

from .models import FalsePositive, GuardTerm, TermKind

INSECURE_CHANNELS = {"facebook", "messenger", "sms"}
SECURE_CHANNELS = {"digital_post", "internal", "phone", "meeting", "letter"}


class GuardBlocked(Exception):
    """Sending refused by the guard; carries what was found and why."""

    def __init__(self, result: GuardResult) -> None:
        super().__init__(result.message)
        self.result = result


@dataclass(frozen=True)
class ChannelVerdict:
    secure: bool
    reason: str


def channel_verdict(municipality: Municipality, channel: str, address: str = "") -> ChannelVerdict:
    if channel == "mail":
        if address and municipality.is_internal_address(address):
            domains = ", ".join("@" + d for d in municipality.mail_domains)
            return ChannelVerdict(
                True, f"Mail mellem kommunens egne adresser ({domains}) er krypteret."
            )
        return ChannelVerdict(
            False,
            "Almindelig mail til en adresse uden for kommunen kan "
            "sendes ukrypteret og læses af uvedkommende.",
        )
    if channel in INSECURE_CHANNELS:
        return ChannelVerdict(False, "SMS, Messenger og Facebook er ikke sikre kanaler.")
    if channel == "digital_post":
        return ChannelVerdict(True, "Digital Post er krypteret og sendes til borgerens CPR-nummer.")
    return ChannelVerdict(True, "Kanalen sender ikke teksten elektronisk uden for kommunen.")


@dataclass(frozen=True)
class GuardFinding:
    finding: Finding
    signature: str
    repeats_inquiry: bool

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.finding.category]


@dataclass
class GuardResult:
    verdict: ChannelVerdict
    findings: list[GuardFinding] = field(default_factory=list)
    text: str = ""

    @property
    def blocked(self) -> bool:
        return bool(self.findings) and not self.verdict.secure

    @property
    def repeats(self) -> bool:
        return any(f.repeats_inquiry for f in self.findings)

    @property
    def message(self) -> str:
        labels = sorted({f.label.lower() for f in self.findings})
        return (
            "Beskeden blev ikke sendt: den indeholder "
            + ", ".join(labels)
            + ". "
            + self.verdict.reason
        )

    def highlighted(self) -> SafeString:
        """The text with every finding marked, safe to put in a page."""
        out: list[str] = []
        pos = 0
        for item in sorted(self.findings, key=lambda f: f.finding.start):
            f = item.finding
            if f.start < pos:
                continue
            out.append(escape(self.text[pos : f.start]))
            shown = f.excerpt  # the words, a CPR number in them masked
            out.append(f'<mark class="finding" title="{escape(item.label)}">{escape(shown)}</mark>')
            pos = f.end
        out.append(escape(self.text[pos:]))
        return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def signature(finding: Finding, text: str) -> str:
    """Identifies one finding in one text, without holding the text."""
    raw = f"{finding.category}:{finding.start}:{finding.end}:{text[finding.start : finding.end]}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


_SCANNERS: dict[tuple[int, Any], Scanner] = {}


def scanner_for(municipality: Municipality) -> Scanner:
    """The scanner with the municipality's own terms and exceptions, compiled once per change."""
    rows = list(
        GuardTerm.objects.in_municipality(municipality).values_list(
            "kind", "text", "category", "pk"
        )
    )
    if not rows:
        return default_scanner()
    key = (municipality.pk, tuple(rows))
    if key not in _SCANNERS:
        extra = tuple(
            Term(
                f"municipality.{pk}",
                category or "social_economic",
                re.escape(text.lower()) + W,
                0.8,
                f"et ord, {municipality.name} har markeret som følsomt",
            )
            for kind, text, category, pk in rows
            if kind == TermKind.TERM
        )
        exceptions = tuple(text for kind, text, _, _ in rows if kind == TermKind.EXCEPTION)
        for old in [k for k in _SCANNERS if k[0] == municipality.pk]:
            del _SCANNERS[old]  # the municipality's previous rule set
        _SCANNERS[key] = Scanner(extra_terms=extra, exceptions=exceptions)
    return _SCANNERS[key]


def check(
    municipality: Municipality,
    channel: str,
    address: str,
    text: str,
    inquiry_text: str = "",
    accepted: frozenset[str] = frozenset(),
) -> GuardResult:
    scanner = scanner_for(municipality)
    inquiry_words = (
        {text_of(f, inquiry_text) for f in scanner.scan(inquiry_text)} if inquiry_text else set()
    )
    findings = [
        GuardFinding(f, signature(f, text), text_of(f, text) in inquiry_words)
        for f in scanner.scan(text)
    ]
    findings = [f for f in findings if f.signature not in accepted]
    return GuardResult(channel_verdict(municipality, channel, address), findings, text)


def text_of(finding: Finding, text: str) -> str:
    return re.sub(r"\W", "", text[finding.start : finding.end]).casefold()


def enforce(
    actor: Any,
    channel: str,
    address: str,
    text: str,
    inquiry_text: str = "",
    accepted: frozenset[str] = frozenset(),
) -> GuardResult:
    """Raise GuardBlocked when sensitive data would leave on an insecure channel.

    Findings the user marked as false positives (`accepted` signatures) are counted
    and then let through.
    """
    municipality = actor.municipality
    if accepted:
        before = check(municipality, channel, address, text, inquiry_text)
        for item in before.findings:
            if item.signature in accepted:
                FalsePositive.objects.create(
                    municipality=municipality,
                    user=actor.user,
                    category=item.finding.category,
                    rule=item.finding.rule,
                )
    result = check(municipality, channel, address, text, inquiry_text, accepted)
    if result.blocked:
        raise GuardBlocked(result)
    return result
