"""A working day's worth of history for the demo (`borgerpost demo`): four months of
inquiries, most answered in time, some late, one overdue now; inquiries given to a
caseworker with notes; standard texts; and a letter held for a vulnerable citizen, so
every page has something to show on any day of the week. Everything is written
through the same actions a person would use. All names are invented."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from borgerpost.core.access import actor_for
from borgerpost.core.models import Municipality

TOPICS = [
    (
        "Hul i cykelstien",
        "Der er et stort hul i cykelstien langs Ishøj Strandvej. Hvornår bliver det lavet?",
    ),
    ("Lukket legeplads", "Legepladsen ved Vejleåparken har været lukket i en måned. Hvorfor?"),
    ("Bus 128", "Bus 128 kører ikke længere om aftenen. Kan byrådet se på det?"),
    (
        "Støj fra byggepladsen",
        "Byggepladsen på Torvet larmer fra kl. 6 om morgenen. Er det tilladt?",
    ),
    (
        "Plads i børnehave",
        "Vi har ventet på en børnehaveplads i fire måneder. Hvornår får vi svar?",
    ),
    ("Gadelys", "Gadelyset på Gildbrovej har været slukket i tre uger."),
    ("Affaldssortering", "Hvorfor skal vi have ti skraldespande? Der er ikke plads i haven."),
    ("Skoleskift", "Min datter vil gerne skifte skole. Hvordan gør vi det?"),
]
SENDERS = ["Jonas Holm", "Maria Krogh", "Peter Lund", "Aisha Rahimi", "Henrik Bak", "Sofie Winther"]


def load_history(municipality: Municipality, users: dict[str, Any], now: dt.datetime) -> None:
    from borgerpost.inquiries import actions
    from borgerpost.inquiries.models import Inquiry

    rng = random.Random(18)
    member, secretariat = (
        _actor(users["medlem"], municipality),
        _actor(users["sekretariat"], municipality),
    )
    caseworker = _actor(users["sagsbehandler"], municipality)
    centres = list(municipality.centres.all())
    for n in range(28):
        days_ago = 15 + n * 4  # four months back, about two a week
        received = _morning(now - dt.timedelta(days=days_ago))
        title, text = TOPICS[n % len(TOPICS)]
        inquiry = actions.do_register_inquiry(
            member,
            actions.NewInquiry(
                channel=rng.choice(["mail", "mail", "phone", "letter"]),
                received_at=received,
                subject=title,
                body=text,
                citizen_name=SENDERS[n % len(SENDERS)],
                citizen_email=f"demo.borger{n}@example.dk",
            ),
        ).inquiry
        late = n % 5 == 0  # one in five answered after the deadline
        answered = municipality.calendar.add_working_days(
            received.date(), rng.randint(11, 16) if late else rng.randint(1, 9)
        )
        if n % 2:
            _through_administration(
                actions, member, secretariat, caseworker, inquiry, centres[n % len(centres)]
            )
        else:
            actions.do_triage(
                member,
                inquiry,
                actions.TriageDecision("political", "personal", None, False, "not_relevant"),
            )
            actions.do_send_reply(member, inquiry, "phone", "Talt med borgeren i telefonen.")
            actions.do_close(member, inquiry)
        moment = timezone.make_aware(dt.datetime.combine(answered, dt.time(14)))
        Inquiry.objects.filter(pk=inquiry.pk).update(answered_at=moment, closed_at=moment)
    _assigned_and_noted(actions, municipality, users, now)


def _through_administration(
    actions: Any, member: Any, secretariat: Any, caseworker: Any, inquiry: Any, centre: Any
) -> None:
    decision = actions.TriageDecision("case", "administration", None, False, "not_relevant")
    actions.do_triage(member, inquiry, decision)
    actions.do_forward_to_administration(member, inquiry)
    actions.do_assign_in_administration(
        secretariat,
        inquiry,
        centre,
        "phone",
        False,
        f"00.01.00-A00-{inquiry.pk}-26",
        caseworker.user,
    )
    actions.do_administration_answer(
        caseworker, inquiry, "phone", "Ringet til borgeren og forklaret sagen."
    )


def _assigned_and_noted(
    actions: Any, municipality: Municipality, users: dict[str, Any], now: dt.datetime
) -> None:
    """Two open inquiries with the administration: one given to the caseworker with a
    note, one with the director involved; and one overdue with no answer yet."""
    member = _actor(users["medlem2"], municipality)
    secretariat = _actor(users["sekretariat"], municipality)
    centre = municipality.centres.filter(name="Center for Teknik og Miljø").first()
    open_ones = []
    for days_ago, title, text in [
        (
            4,
            "Oversvømmet kælder",
            "Vores kælder på Vejleåvej blev oversvømmet ved skybruddet. Hvem betaler?",
        ),
        (6, "Træ ud over fortovet", "Et stort træ hænger ud over fortovet ved Ishøj Bycenter."),
        (
            21,
            "Parkering ved stationen",
            "Der er aldrig plads på p-pladsen ved Ishøj Station om morgenen.",
        ),
    ]:
        inquiry = actions.do_register_inquiry(
            member,
            actions.NewInquiry(
                channel="mail",
                received_at=_morning(now - dt.timedelta(days=days_ago)),
                subject=title,
                body=text,
                citizen_name="Demo Borger",
                citizen_email=f"demo.aaben{days_ago}@example.dk",
            ),
        ).inquiry
        decision = actions.TriageDecision("case", "administration", None, False, "not_relevant")
        actions.do_triage(member, inquiry, decision)
        actions.do_forward_to_administration(member, inquiry)
        open_ones.append(inquiry)
    flooded, tree, _overdue = open_ones
    actions.do_assign_in_administration(
        secretariat, flooded, centre, "written", False, "", users["sagsbehandler"]
    )
    actions.do_add_note(
        _actor(users["sagsbehandler"], municipality),
        flooded,
        "Forsikringen skal have besked først. Jeg ringer til borgeren i morgen.",
        "administration",
    )
    actions.do_assign_in_administration(secretariat, tree, centre, "phone", True, "", None)
    actions.do_add_note(
        member, tree, "Har selv set træet. Det er farligt for barnevogne.", "member"
    )


def load_standard_texts(municipality: Municipality, users: dict[str, Any]) -> None:
    from borgerpost.inquiries import actions
    from borgerpost.inquiries.models import StandardText

    if StandardText.objects.in_municipality(municipality).exists():
        return
    secretariat = _actor(users["sekretariat"], municipality)
    for kind, name, body in [
        (
            "acknowledgement",
            "Kvittering med frist",
            "Kære {borger}\n\nTak for din henvendelse om »{emne}« ({nummer}). Du kan forvente "
            "svar senest {frist}.\n\nVenlig hilsen\n{afsender}\n{kommune}",
        ),
        (
            "extension_notice",
            "Længere svartid",
            "Kære {borger}\n\nVi kan desværre ikke svare på din henvendelse ({nummer}) inden "
            "{frist}, som vi har oplyst. Det skyldes, at {venter_paa}. Du kan forvente et svar "
            "senest {ny_frist}.\n\nVenlig hilsen\n{afsender}\n{kommune}",
        ),
        (
            "answer",
            "Svar efter telefonsamtale",
            "Kære {borger}\n\nTak for en god snak i telefonen om »{emne}«. Her er kort, hvad vi "
            "aftalte:\n\n\n\nVenlig hilsen\n{afsender}\n{kommune}",
        ),
    ]:
        actions.do_save_standard_text(secretariat, StandardText(kind=kind, name=name, body=body))


def hold_a_letter(municipality: Municipality, users: dict[str, Any], now: dt.datetime) -> None:
    """A letter to the vulnerable citizen, sent as if next Friday afternoon: held until
    the Monday after, which is always still to come."""
    from borgerpost.letters import actions as letters
    from borgerpost.letters.models import Citizen, Letter, LetterStatus

    if Letter.objects.in_municipality(municipality).filter(status=LetterStatus.HELD).exists():
        return
    citizen = Citizen.objects.in_municipality(municipality).filter(vulnerable=True).first()
    if citizen is None:
        return
    caseworker = _actor(users["sagsbehandler"], municipality)
    letter = letters.do_save_letter(
        caseworker,
        Letter(
            citizen=citizen,
            title="Ny tid til samtale",
            body="Din samtale er flyttet til tirsdag kl. 10.",
        ),
    )
    local = timezone.localtime(now)
    friday = local + dt.timedelta(days=(4 - local.weekday()) % 7 or 7)
    at = friday.replace(hour=15, minute=0, second=0, microsecond=0)
    letters.do_send_letter(
        caseworker, letter, letters.SendRequest(considered_questions=True), now=at
    )


def letters_from_a_system(municipality: Municipality, now: dt.datetime) -> None:
    """The job centre's system registered with the Digital Post gateway, and two of its
    letters to the vulnerable citizen: one held as if handed over next Friday afternoon,
    one sent at once with a generic title (so »Afsendersystemer« has something to show)."""
    from borgerpost.api.actions import do_create_token
    from borgerpost.letters import gateway
    from borgerpost.letters.models import Citizen, SendingSystem

    if SendingSystem.objects.in_municipality(municipality).exists():
        return
    citizen = Citizen.objects.in_municipality(municipality).filter(vulnerable=True).first()
    if citizen is None:
        return
    token, _ = do_create_token(None, municipality, "Jobcentrets system", "", "digital-post")
    system = SendingSystem.objects.get(token=token)
    actor = _actor(token.account, municipality)
    local = timezone.localtime(now)
    friday = local + dt.timedelta(days=(4 - local.weekday()) % 7 or 7)
    for title, has_deadline, at in (
        ("Indkaldelse til samtale om dit forløb", False, friday.replace(hour=15, minute=30)),
        ("Brev fra kommunen", True, now),
    ):
        gateway.do_receive_system_letter(
            actor,
            system,
            gateway.Submission(
                recipient=citizen.cpr,
                title=title,
                body="Du er indkaldt til en samtale i jobcentret tirsdag kl. 10.",
                contact="Ring til jobcentret på 43 57 70 00 mellem 9 og 12."
                if not has_deadline
                else "",
                has_deadline=has_deadline,
                kind="Indkaldelse",
            ),
            now=at,
        )


def _actor(user: Any, municipality: Municipality) -> Any:
    actor = actor_for(user, municipality)
    assert actor is not None
    return actor


def _morning(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment).replace(hour=9, minute=30, second=0, microsecond=0)
