"""Writes to the citizen counsellor's register, each with its audit entry in the same
transaction. Only the counsellor writes here (the views check the role); each action
checks that the case or recommendation belongs to the counsellor's municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.forms import ModelForm
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality

from . import importing
from .models import (
    DEFAULT_THEMES,
    Activity,
    CaseStep,
    Category,
    ComplaintTheme,
    CounsellorCase,
    CounsellorMail,
    Criticism,
    ImportMapping,
    Limit,
    Recommendation,
    RecommendationFollowUp,
    ReportText,
    StepKind,
    TimeAgreement,
    TimeEntry,
)


def ensure_default_themes(municipality: Municipality) -> None:
    """The seed's complaint themes, the first time the counsellor opens a case form."""
    with transaction.atomic():
        if not ComplaintTheme.objects.filter(municipality=municipality).exists():
            ComplaintTheme.objects.bulk_create(
                [ComplaintTheme(municipality=municipality, name=n) for n in DEFAULT_THEMES]
            )


def do_save_case(actor: Actor, form: ModelForm) -> CounsellorCase:
    """Save a validated case form (new or changed) in the counsellor's municipality."""
    with transaction.atomic():
        case: CounsellorCase = form.save(commit=False)
        if case.pk is not None:
            locked = CounsellorCase.objects.select_for_update().get(pk=case.pk)
            if locked.municipality_id != actor.municipality.pk:
                raise RuleError("Sagen hører til en anden kommune.")
        case.municipality = actor.municipality
        if case.created_by_id is None:
            case.created_by = actor.user
        case.save()
        form.save_m2m()
        record(actor, "counsellor_case.saved", case, handling=case.handling)
    return case


def report_text(place: Municipality, year: int) -> ReportText:
    """The year's texts; a new year starts with the »Fakta« of the latest year before it."""
    with transaction.atomic():
        text, created = ReportText.objects.get_or_create(municipality=place, year=year)
        if created:
            earlier = (
                ReportText.objects.in_municipality(place)
                .filter(year__lt=year)
                .exclude(facts="")
                .order_by("-year")
                .first()
            )
            if earlier is not None:
                text.facts = earlier.facts
                text.save(update_fields=["facts"])
    return text


def do_record_activity(actor: Actor, activity: Activity) -> Activity:
    if activity.on > timezone.localdate():
        raise RuleError("Datoen ligger i fremtiden.")
    with transaction.atomic():
        activity.municipality = actor.municipality
        activity.created_by = actor.user
        activity.save()
        record(actor, "counsellor_activity.recorded", activity, kind=activity.kind)
    return activity


def do_save_report_text(actor: Actor, form: ModelForm, year: int) -> ReportText:
    with transaction.atomic():
        text: ReportText = form.save(commit=False)
        if text.municipality_id != actor.municipality.pk:
            raise RuleError("Teksten hører til en anden kommune.")
        text.save()
        record(actor, "counsellor_report.text_saved", text, year=year)
    return text


def do_add_recommendation(actor: Actor, rec: Recommendation) -> Recommendation:
    place = actor.municipality
    with transaction.atomic():
        # Locking the municipality row serialises two counsellors' numbering at once.
        Municipality.objects.select_for_update().get(pk=place.pk)
        if Recommendation.objects.filter(
            municipality=place, year=rec.year, number=rec.number
        ).exists():
            raise RuleError("Der er allerede en anbefaling med det nummer i året.")
        rec.municipality = place
        rec.save()
        record(actor, "recommendation.created", rec)
    return rec


def do_follow_up(actor: Actor, rec: Recommendation, data: dict[str, Any]) -> None:
    with transaction.atomic():
        rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
        if rec.municipality_id != actor.municipality.pk:
            raise RuleError("Anbefalingen hører til en anden kommune.")
        RecommendationFollowUp.objects.update_or_create(
            recommendation=rec,
            year=data["year"],
            defaults={"status": data["status"], "note": data["note"]},
        )
        record(actor, "recommendation.followed_up", rec, status=data["status"])


@dataclass(frozen=True)
class NewStep:
    kind: str
    on: dt.date
    note: str = ""
    takes_position: bool | None = None
    limits: tuple[str, ...] = ()
    criticism: str = ""


def do_record_step(actor: Actor, case: CounsellorCase, step: NewStep) -> CaseStep:
    """Record one step of a case, in the order the dialogue principle requires (seed 003
    §3.5.2.1): a complaint goes to the centre first, and the counsellor's investigation
    can start only after the centre has answered and the limits have been gone through;
    a statement ends an investigation, with the criticism scale."""
    if step.kind not in StepKind.values:
        raise RuleError("Vælg et trin.")
    if step.on > timezone.localdate():
        raise RuleError("Datoen ligger i fremtiden.")
    with transaction.atomic():
        case = CounsellorCase.objects.for_actor(actor).select_for_update().get(pk=case.pk)
        if step.on < case.opened:
            raise RuleError("Datoen ligger før sagen blev oprettet.")
        earlier = set(case.steps.values_list("kind", flat=True))
        _check_order(case, step, earlier)
        made = CaseStep.objects.create(
            case=case,
            kind=step.kind,
            on=step.on,
            note=step.note.strip(),
            takes_position=step.takes_position if step.kind == StepKind.CENTRE_ANSWER else None,
            limits=list(step.limits),
            criticism=step.criticism if step.kind == StepKind.STATEMENT else "",
            created_by=actor.user,
        )
        _update_case(case, made)
        record(actor, "counsellor_case.step", case, kind=step.kind)
    return made


def _check_order(case: CounsellorCase, step: NewStep, earlier: set[str]) -> None:
    complaint = case.category == Category.COMPLAINT
    if step.kind == StepKind.CENTRE_ANSWER:
        if StepKind.FORWARDED not in earlier:
            raise RuleError("Registrér først, at klagen er videresendt til centret.")
        if complaint and step.takes_position is None:
            raise RuleError(
                "Angiv, om centrets svar tager stilling til, om klagen er berettiget "
                "(anbefaling 4)."
            )
    if step.kind in (StepKind.INVESTIGATION, StepKind.DECLINED) and not complaint:
        raise RuleError("Kun en konkret klagesag kan undersøges.")
    if step.kind == StepKind.INVESTIGATION:
        if StepKind.CENTRE_ANSWER not in earlier:
            raise RuleError(
                "Dialogprincippet: klagen skal først forelægges centret, og undersøgelsen kan "
                "først begynde, når centret har svaret."
            )
        if set(step.limits) != set(Limit.values):
            raise RuleError(
                "Gå begrænsningerne igennem, før undersøgelsen begynder: sæt kryds ved hver, "
                "der ikke gælder. Gælder en af dem, afvises undersøgelsen med grunden."
            )
    if step.kind == StepKind.DECLINED and not (step.limits and step.note.strip()):
        raise RuleError("Angiv, hvilken begrænsning der gælder, og skriv grunden til afvisningen.")
    if step.kind == StepKind.STATEMENT:
        if StepKind.INVESTIGATION not in earlier:
            raise RuleError("En udtalelse afslutter en undersøgelse: iværksæt undersøgelsen først.")
        if step.criticism not in Criticism.values:
            raise RuleError("Vælg et trin på kritikskalaen (eller »Ingen kritik«).")
        if not step.note.strip():
            raise RuleError("Skriv udtalelsen.")


def _update_case(case: CounsellorCase, step: CaseStep) -> None:
    """The case's own dates and codes follow its steps, so the annual report counts them."""
    fields: list[str] = []
    if step.kind == StepKind.FORWARDED and case.sent_to_centre is None:
        case.sent_to_centre, fields = step.on, [*fields, "sent_to_centre"]
    if step.kind == StepKind.CENTRE_ANSWER:
        case.centre_answered, fields = step.on, [*fields, "centre_answered"]
    if step.kind == StepKind.REMINDER:
        case.reminders, fields = case.reminders + 1, [*fields, "reminders"]
    if step.kind == StepKind.STATEMENT:
        case.criticism, fields = step.criticism, [*fields, "criticism"]
    if fields:
        case.save(update_fields=fields)


def do_record_time(
    actor: Actor, places: Any, place: Municipality, on: dt.date, hours: Any, note: str = ""
) -> TimeEntry:
    """Hours spent on one of the municipalities the counsellor serves (`places`)."""
    if not places.filter(pk=place.pk).exists():
        raise RuleError("Du er ikke borgerrådgiver for den kommune.")
    if not 0 < hours <= 24:
        raise RuleError("Timerne skal være mellem 0 og 24.")
    if on > timezone.localdate():
        raise RuleError("Datoen ligger i fremtiden.")
    with transaction.atomic():
        entry = TimeEntry.objects.create(
            municipality=place, counsellor=actor.user, on=on, hours=hours, note=note.strip()
        )
        record(actor, "counsellor_time.recorded", entry, municipality=place, hours=str(hours))
    return entry


def do_save_agreement(actor: Actor, places: Any, agreement: TimeAgreement) -> TimeAgreement:
    """The agreed split for one municipality, from a date (a new agreement for a later
    date replaces it from then)."""
    if not places.filter(pk=agreement.municipality_id).exists():
        raise RuleError("Du er ikke borgerrådgiver for den kommune.")
    if not 0 <= agreement.share <= 100:
        raise RuleError("Andelen skal være mellem 0 og 100 %.")
    with transaction.atomic():
        agreement.counsellor = actor.user
        agreement.save()
        record(
            actor,
            "counsellor_agreement.saved",
            agreement,
            municipality=agreement.municipality,
            share=agreement.share,
        )
    return agreement


def do_import_with_mapping(
    actor: Actor, places: Any, text: str, mapping: dict[str, str]
) -> importing.ImportSummary:
    """Import the statistics module's file through the columns the counsellor confirmed,
    into the counsellor's own municipalities only; the mapping is kept for next time."""
    allowed = set(places.values_list("slug", flat=True))
    with transaction.atomic():
        summary = importing.import_cases(text, mapping, allowed)
        ImportMapping.objects.update_or_create(
            municipality=actor.municipality, defaults={"columns": mapping}
        )
        record(
            actor,
            "counsellor_import.done",
            actor.municipality,
            created=summary.created,
            updated=summary.updated,
            unchanged=summary.unchanged,
        )
    return summary


def do_send_statement(actor: Actor, case: CounsellorCase, step: CaseStep) -> None:
    """The counsellor's statement to its parties by the secure channels: the citizen by
    Digital Post (a PDF), the centre's director by mail inside the municipality, which
    the guard checks like every mail. Neither is shown to the secretariat: the
    counsellor's cases are the counsellor's (seed 003)."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from borgerpost.digitalpost.memo import LetterContent, build_message
    from borgerpost.guard import service as guard
    from borgerpost.outgoing.models import Purpose
    from borgerpost.outgoing.queue import enqueue_digital_post, enqueue_mail

    with transaction.atomic():
        case = CounsellorCase.objects.for_actor(actor).select_for_update().get(pk=case.pk)
        step = CaseStep.objects.for_actor(actor).select_for_update().get(pk=step.pk, case=case)
        if step.kind != StepKind.STATEMENT:
            raise RuleError("Kun en udtalelse sendes til sagens parter.")
        if step.sent_at is not None:
            raise RuleError("Udtalelsen er allerede sendt.")
        if not case.citizen_cpr:
            raise RuleError(
                "Angiv borgerens CPR-nummer på sagen, så udtalelsen kan sendes med Digital Post."
            )
        director = case.centre.director if case.centre else None
        if director is None or not director.email:
            raise RuleError(
                "Centret har ingen direktør med en mailadresse at sende udtalelsen til."
            )
        municipality = case.municipality
        title = f"Udtalelse fra borgerrådgiveren i sag {case.reference}"
        context = {"case": case, "step": step, "municipality": municipality, "title": title}
        pdf = HTML(string=render_to_string("counsellor/statement.html", context)).write_pdf()
        enqueue_digital_post(
            message=build_message(
                LetterContent(
                    sender_id=municipality.cvr or "00000000",
                    sender_label=f"Borgerrådgiveren, {municipality.name}",
                    recipient_id=case.citizen_cpr,
                    recipient_label="Borgeren",
                    title=title,
                    pdf=pdf,
                    filename="udtalelse.pdf",
                )
            ),
            municipality=municipality,
            recipient_label=f"{case.citizen_cpr[:6]}-XXXX",
            about=case,
            author=actor.user,
        )
        body = (
            f"Borgerrådgiverens udtalelse i sag {case.reference} "
            f"({step.get_criticism_display() or 'ingen kritik'}):\n\n{step.note}\n"
        )
        checked = guard.check(municipality, "mail", director.email, body)
        if checked.blocked:
            raise guard.GuardBlocked(checked)
        enqueue_mail(
            to=director.email,
            subject=title,
            body=body,
            municipality=municipality,
            about=case,
            author=actor.user,
            purpose=Purpose.INTERNAL,
        )
        step.sent_at = timezone.now()
        step.save(update_fields=["sent_at"])
        record(actor, "counsellor_statement.sent", case, criticism=step.criticism)


def receive_mail(municipality: Municipality, counsellor: Any, parsed: Any) -> CounsellorMail:
    """A mail from the counsellor's own mailbox (the intake calls this inside the mail's
    transaction): kept for the counsellor alone until it is registered as a case."""
    mail = CounsellorMail.objects.create(
        municipality=municipality,
        counsellor=counsellor,
        received_at=parsed.date or timezone.now(),
        sender_name=parsed.sender_name[:200],
        sender_email=parsed.sender_email[:300],
        subject=parsed.subject[:300],
        body=parsed.body,
        attachment_names=[a.filename for a in parsed.attachments][:50],
    )
    record(None, "counsellor_mail.received", mail, municipality=municipality)
    return mail


def do_link_mail(actor: Actor, mail: CounsellorMail, case: CounsellorCase) -> None:
    """The mail is now a case: its text lives on in the case's notes, so the mail keeps
    only that it came and where it went."""
    with transaction.atomic():
        mail = CounsellorMail.objects.for_actor(actor).select_for_update().get(pk=mail.pk)
        case = CounsellorCase.objects.for_actor(actor).get(pk=case.pk)
        mail.case = case
        mail.body = ""
        mail.content_deleted_at = timezone.now()
        mail.save(update_fields=["case", "body", "content_deleted_at"])
        record(actor, "counsellor_mail.registered", case)


def mail_as_case_notes(mail: CounsellorMail) -> str:
    sender = (
        f"{mail.sender_name} <{mail.sender_email}>".strip()
        if mail.sender_email
        else mail.sender_name
    )
    return f"Mail fra {sender}, {timezone.localtime(mail.received_at):%d.%m.%Y %H.%M}\nEmne: {mail.subject}\n\n{mail.body}"
