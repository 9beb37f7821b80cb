"""Inquiry pages. Every view is wrapped by `municipality_view` and reads through
`Inquiry.objects.for_actor(actor)`, so access is decided in one place."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as djforms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from borgerpost.audit.log import record_list
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.models import ADMINISTRATION_ROLES, Role
from borgerpost.guard.service import GuardBlocked
from borgerpost.outgoing.queue import states_for
from borgerpost.pure import placeholders, searchwords, workdays
from borgerpost.pure.mailparse import MailParseError, ParsedAttachment, parse_eml
from borgerpost.pure.text import clean_filename
from borgerpost.retention.rules import waiting_for_case_number
from borgerpost.search import export as export_csv
from borgerpost.search import finder

from . import actions, forms, navigation, paging
from .models import (
    CHANNEL_LABELS,
    AgendaProposal,
    AnswerPath,
    Attachment,
    DraftReply,
    DraftStatus,
    FollowUp,
    Inquiry,
    InquiryRecipient,
    Message,
    MessageKind,
    Note,
    ProposalStatus,
    StandardText,
    Status,
    of_visible_inquiry,
)
from .rules import (
    RuleError,
    acknowledgement_duty,
    why_not_acknowledge,
    why_not_close,
    why_not_request_draft,
)

logger = logging.getLogger("borgerpost.inquiries")

MEMBER = (Role.COUNCIL_MEMBER,)
ADMINISTRATION = tuple(ADMINISTRATION_ROLES)
READERS = (Role.COUNCIL_MEMBER, *ADMINISTRATION_ROLES)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


def _visible(actor: Actor, pk: int) -> Inquiry:
    return get_object_or_404(
        Inquiry.objects.for_actor(actor).select_related(
            "municipality", "committee", "centre", "assigned_to"
        ),
        pk=pk,
    )


def _detail_url(actor: Actor, inquiry: Inquiry) -> str:
    return reverse("inquiry-detail", args=[actor.municipality.slug, inquiry.pk])


@municipality_view(*READERS)
def inbox(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    if actor.is_administration and not actor.is_council_member:
        return redirect("administration-queue", actor.municipality.slug)
    listing = _list_page(request, actor, BY_ARRIVAL, with_recipients=True)
    rows = _with_status(actor, listing.page)
    record_list(actor, "inquiries", len(rows))
    return render(request, "inquiries/inbox.html", _list_context(actor, listing, rows))


def _list_context(actor: Actor, listing: Listing, rows: list[Any]) -> dict[str, Any]:
    return {
        "rows_html": _rows_html(actor, rows),
        "show": listing.show,
        "page": listing.page,
        "finder": listing.wanted,
        "filters_html": _filters_html(listing.form) if listing.form else "",
        "best_only": _best_only(listing),
        "tab_query": listing.tab_query,
    }


def _filters_html(form: finder.FinderForm) -> str:
    template = engines["jinja2"].get_template("inquiries/filters.html")
    return mark_safe(template.render({"fields": finder.panel(form)}))  # noqa: S308 (escaped)


def _best_only(listing: Listing) -> int:
    """How many of a wide search's results are offered, if not all of them."""
    offered = paging.MAX_RANKED_PAGES * PAGE_SIZE
    return offered if listing.wanted.ranked and listing.page.count > offered else 0


def _with_status(actor: Actor, page: Any) -> list[tuple[Inquiry, workdays.DeadlineStatus]]:
    """Each row with how its deadline stands: once per deadline day, not once per row."""
    today, calendar = timezone.localdate(), actor.municipality.calendar
    by_deadline: dict[Any, workdays.DeadlineStatus] = {}
    rows = []
    for inquiry in page.rows:
        if inquiry.status == Status.CLOSED:
            rows.append((inquiry, inquiry.deadline_status(today)))
            continue
        if inquiry.deadline not in by_deadline:
            by_deadline[inquiry.deadline] = workdays.deadline_status(
                inquiry.deadline, today, calendar
            )
        rows.append((inquiry, by_deadline[inquiry.deadline]))
    return rows


ROW_LABELS = {
    "channel": CHANNEL_LABELS,
    "status": dict(Status.choices),
    "path": dict(AnswerPath.choices),
}


def _rows_html(actor: Actor, rows: list[tuple[Inquiry, Any]]) -> str:
    """The list's rows, rendered by Jinja2: the hot loop of the list pages (core/jinja.py)."""
    prefix = reverse("inbox", args=[actor.municipality.slug])
    template = engines["jinja2"].get_template("inquiries/rows.html")
    context = {"rows": rows, "prefix": prefix, "labels": ROW_LABELS}
    return mark_safe(template.render(context))  # noqa: S308 (escaped)


PAGE_SIZE = 50
SHORT_LIST = 20  # the work lists above a queue: the oldest, and how many in all


@dataclass
class Listing:
    show: str  # the tab: aabne, overskredne or alle
    page: paging.Page
    wanted: finder.Finder
    form: finder.FinderForm | None  # the filters, when shown
    tab_query: str  # the search and filters, for the tabs' links (each tab starts at page 1)


def _list_page(
    request: HttpRequest, actor: Actor, order: paging.Order, with_recipients: bool = False
) -> Listing:
    """The inquiries the person may see, filtered by the tab (`?vis=`), the search and
    the filters (`?q=`, search/finder.py), and paged.

    Without a search or filter each tab's total is the navigation's counter (counts.py),
    so nothing is counted, and each tab reads in the order of an index (models.Inquiry's
    indexes) from the key of the last row shown (paging.py). A search is ranked and its
    pages numbered; filters keep the keyset order and count their result.
    """
    show, inquiries = _tab(actor, request.GET.get("vis", "aabne"))
    count = navigation.numbers(request)[TAB_TOTALS[show]]
    if show == "overskredne":
        # The longest overdue first, in every list: what is most late comes first, and
        # the open rows by deadline are an index (by arrival, a million inquiries made
        # the database pass every open one not yet due before the first overdue one).
        order = BY_DEADLINE
    params = request.GET.copy()
    params["vis"] = show
    wanted = finder.read(params, actor)
    # What the page's rows are read from; counting and ranking use `inquiries` itself.
    shown = _with_recipient_count if with_recipients else (lambda rows: rows)
    if not wanted.active:
        page = paging.page_of(shown(inquiries), order, params, PAGE_SIZE, count)
    elif wanted.ranked:
        counted, best_first = finder.ranked_matches(inquiries, wanted, actor)
        rows_of = _rows_in_order(shown(inquiries))
        page = paging.ranked_page(best_first, rows_of, params, PAGE_SIZE)
    else:
        counted = finder.summary(inquiries, wanted, actor, tab=show)
        chosen = SORT_ORDERS.get(wanted.sort, order)
        found = finder.apply(inquiries, wanted, actor)
        page = paging.page_of(shown(found), chosen, params, PAGE_SIZE, counted.count)
    if wanted.active:
        assert wanted.form is not None
        wanted.form.count(counted.facets)
    for inquiry in page.rows:
        inquiry.municipality = actor.municipality  # one municipality: not read per row
    if wanted.by_words:
        _attach_snippets(page.rows, wanted)
    kept = params.copy()
    for name in ("vis", *paging.PAGING):
        kept.pop(name, None)
    # The filters are shown when in use or asked for (»Vis filtre«): building their
    # options is a third of a plain list page's time.
    form = wanted.form if wanted.filtering or params.get("filtre") else None
    if form is None and params.get("filtre"):
        form = finder.FinderForm(params, actor=actor)
    return Listing(show, page, wanted, form, kept.urlencode() + "&" if kept else "")


TAB_TOTALS = {"aabne": "open", "overskredne": "overdue", "alle": "all"}


def _tab(actor: Actor, show: str) -> tuple[str, Any]:
    """The tab asked for (an unknown one is »Alle«) and its rows, only a row's columns."""
    inquiries = Inquiry.objects.for_actor(actor).select_related("centre").only(*ROW_FIELDS)
    if show == "overskredne":
        return show, inquiries.overdue()
    if show == "aabne":
        return show, inquiries.open()
    return "alle", inquiries


@municipality_view(*READERS)
def export(request: HttpRequest) -> HttpResponse:
    """The list as the person sees it (tab, search, filters) as CSV, audited like a list
    of that many records seen."""
    actor = _actor(request)
    _, inquiries = _tab(actor, request.GET.get("vis", "alle"))
    wanted = finder.read(request.GET, actor)
    found = finder.ordered(
        finder.apply(inquiries.only(*ROW_FIELDS, "records_case_number"), wanted, actor), wanted
    )
    rows = list(found[: export_csv.MAX_ROWS])
    for inquiry in rows:
        inquiry.municipality = actor.municipality
    record_list(actor, "csv-export", len(rows))
    body = export_csv.as_csv(
        _with_status(actor, paging.Page(rows, 1, 1, len(rows), None, None)), ROW_LABELS
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="henvendelser-{day}.csv"'
    return response


def _rows_in_order(inquiries: Any) -> Callable[[list[int]], list[Inquiry]]:
    def rows_of(ids: list[int]) -> list[Inquiry]:
        by_pk = {row.pk: row for row in inquiries.filter(pk__in=ids)}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    return rows_of


def _attach_snippets(rows: list[Inquiry], wanted: finder.Finder) -> None:
    """The words that matched, in their sentence: from the text, else the subject or
    the citizen's name (read for the page's rows only; the list reads no text)."""
    texts = Inquiry.objects.filter(pk__in=[r.pk for r in rows]).values_list(
        "pk", "body", "citizen_name"
    )
    by_pk = {pk: (body, name) for pk, body, name in texts}
    for row in rows:
        body, name = by_pk.get(row.pk, ("", ""))
        stems = wanted.query.stems
        row.snippet = (  # type: ignore[attr-defined]
            searchwords.snippet(body, stems)
            or searchwords.snippet(row.subject, stems)
            or searchwords.snippet(name, stems)
        )


# What a list row shows (inquiries/rows.html): not the text, attachments or JSON fields.
ROW_FIELDS = (
    "municipality_id",
    "channel",
    "received_at",
    "subject",
    "deadline",
    "status",
    "path",
    "centre__name",
)
BY_ARRIVAL = paging.Order("received_at", descending=True)  # the member's inbox
BY_DEADLINE = paging.Order("deadline", descending=False)  # the administration's queue
SORT_ORDERS = {
    "nyeste": BY_ARRIVAL,
    "aeldste": paging.Order("received_at", descending=False),
    "frist": BY_DEADLINE,
}


def _with_recipient_count(inquiries: Any) -> Any:
    """Each row with how many members got it, counted in the page's own query."""
    per_inquiry = (
        InquiryRecipient.objects.filter(inquiry=OuterRef("pk"))
        .order_by()
        .values("inquiry")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return inquiries.annotate(recipient_count=Coalesce(Subquery(per_inquiry), 0))


@municipality_view(*MEMBER)
def register(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    form = forms.RegisterInquiryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        attachments = [
            ParsedAttachment(f.name, f.content_type or "application/octet-stream", f.read())
            for f in data["attachments"]
        ]
        new = actions.NewInquiry(
            channel=data["channel"],
            received_at=data["received_at"],
            body=data["body"],
            subject=data["subject"],
            citizen_name=data["citizen_name"],
            citizen_email=data["citizen_email"].lower(),
            citizen_phone=data["citizen_phone"],
            citizen_address=data["citizen_address"],
            attachments=attachments,
        )
        try:
            registration = actions.do_register_inquiry(actor, new)
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            _announce(request, registration)
            return redirect(_detail_url(actor, registration.inquiry))
    return render(request, "inquiries/register.html", {"form": form})


def _announce(request: HttpRequest, registration: actions.Registration) -> None:
    if registration.outcome == "created":
        messages.success(request, "Henvendelsen er registreret.")
        for note in registration.notes:
            messages.warning(request, note)
    elif registration.outcome == "added_recipient":
        messages.info(
            request,
            "Samme henvendelse var allerede modtaget af et andet byrådsmedlem. Den er ikke "
            "oprettet igen – du er tilføjet som modtager af den samme henvendelse.",
        )
    elif registration.outcome == "follow_up":
        messages.info(
            request,
            f"Mailen er borgerens svar i {registration.inquiry.reference} og er lagt på den "
            "henvendelse.",
        )
    else:
        messages.warning(request, "Du har allerede registreret denne henvendelse. Intet er ændret.")


def _not_stored(exc: Exception) -> str:
    """The reason a mail could not be stored, for the person: never the content. The log
    gets the kind of error under an incident number the person can give IT."""
    incident = uuid.uuid4().hex[:12]
    logger.error("incident %s: mail not stored: %s", incident, type(exc).__name__)
    return (
        "Mailen kunne ikke gemmes på grund af en teknisk fejl. Intet er gemt. Registrér "
        f"henvendelsen i hånden, og oplys fejlnummer {incident} til IT."
    )


@municipality_view(*MEMBER)
def upload_eml(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    form = forms.UploadEmlForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_eml(form.cleaned_data["eml"].read(), settings.MAX_UPLOAD_BYTES)
            registration = actions.do_register_inquiry(actor, actions.new_inquiry_from_mail(parsed))
        except (MailParseError, RuleError) as exc:
            form.add_error("eml", str(exc))
        except Exception as exc:  # one mail must never give a server error
            form.add_error("eml", _not_stored(exc))
        else:
            _announce(request, registration)
            if parsed.body_was_html:
                messages.info(
                    request,
                    "Mailen var i HTML. Den er gjort til ren tekst; "
                    "scripts, billeder og links er fjernet.",
                )
            return redirect(_detail_url(actor, registration.inquiry))
    return render(request, "inquiries/upload.html", {"form": form})


@municipality_view(*READERS)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    inquiry = _visible(actor, pk)
    actions.do_view_inquiry(actor, inquiry)
    context = _detail_context(actor, inquiry, chosen=request.GET.get("tekst", ""))
    # The extension's form only when asked for: most visits need it not.
    context["show_extend"] = request.GET.get("frist") == "forlaeng"
    return render(request, "inquiries/detail.html", context)


def _standard_texts(
    actor: Actor, inquiry: Inquiry, chosen: str
) -> tuple[dict[str, list[StandardText]], dict[str, str]]:
    """The municipality's standard texts by kind, and the one chosen (`?tekst=`) filled
    in for this inquiry, by kind, for its form to start from."""
    by_kind: dict[str, list[StandardText]] = {}
    filled: dict[str, str] = {}
    for text in StandardText.objects.for_actor(actor):
        by_kind.setdefault(text.kind, []).append(text)
        if chosen == str(text.pk):
            filled[text.kind] = placeholders.fill(text.body, _placeholder_values(actor, inquiry))
    return by_kind, filled


def _placeholder_values(actor: Actor, inquiry: Inquiry) -> dict[str, str]:
    return {
        "borger": inquiry.citizen_name,
        "nummer": inquiry.reference,
        "emne": inquiry.subject,
        "modtaget": f"{timezone.localtime(inquiry.received_at):%d.%m.%Y}",
        "frist": f"{inquiry.deadline:%d.%m.%Y}",
        "afsender": actor.user.get_full_name() or actor.user.username,
        "kommune": actor.municipality.name,
        "ny_frist": "[ny frist]",
        "venter_paa": "[hvad henvendelsen venter på]",
    }


def _detail_context(
    actor: Actor, inquiry: Inquiry, chosen: str = "", **forms_override: Any
) -> dict[str, Any]:
    recipients = [r.member for r in inquiry.recipients.select_related("member")]
    is_recipient = any(u.pk == actor.user.pk for u in recipients)
    municipality = actor.municipality
    # Each related list is read once; the reply and the ready draft are picked from them.
    sent = list(inquiry.messages.select_related("author", "carried_reply"))
    # What the page shows of them is the messages' own access rule (MessageQuerySet);
    # the full list above only decides the member's tools (is there a reply to copy?).
    shown = list(
        Message.objects.for_actor(actor)
        .filter(inquiry=inquiry)
        .select_related("author", "carried_reply")
    )
    _attach_delivery(shown)
    replies = [m for m in sent if m.kind == MessageKind.REPLY]
    reply = replies[-1] if replies else None
    drafts = list(inquiry.drafts.select_related("requested_by", "written_by"))
    ready_draft = next((d for d in drafts if d.status == DraftStatus.READY), None)
    texts, filled = _standard_texts(actor, inquiry, chosen)
    context: dict[str, Any] = {
        "standard_texts": texts,
        "chosen_kind": next(iter(filled), ""),
        "inquiry": inquiry,
        "status": inquiry.deadline_status(),
        "recipients": recipients,
        "is_recipient": is_recipient,
        "duty": acknowledgement_duty(inquiry, recipients),
        "why_not_ack": why_not_acknowledge(actor, inquiry, recipients),
        "why_not_close": why_not_close(inquiry, has_reply=bool(replies)),
        "why_not_draft": why_not_request_draft(actor, inquiry) if is_recipient else None,
        "messages_sent": shown,
        "drafts": drafts,
        "ready_draft": ready_draft,
        "proposals": AgendaProposal.objects.for_actor(actor)
        .filter(inquiry=inquiry)
        .select_related("addressee", "committee"),
        "attachments": inquiry.attachments.all(),
        "notes": _notes(actor, inquiry),
        "follow_ups": list(FollowUp.objects.for_actor(actor).filter(inquiry=inquiry)),
        "note_form": _lazy(lambda: forms.NoteForm(prefix="note")),
        "reply": reply,
        "show_member_tools": is_recipient and inquiry.status != Status.CLOSED,
        "show_admin_tools": actor.is_administration and inquiry.administration_involved,
        "triage_form": _lazy(
            lambda: forms.TriageForm(
                municipality=municipality,
                initial={
                    "classification": inquiry.classification or inquiry.suggested_classification,
                    "path": inquiry.path,
                    "committee": inquiry.committee_id,
                    "concerns_other_citizen": inquiry.concerns_other_citizen,
                    "power_of_attorney": inquiry.power_of_attorney,
                    "is_access_request": inquiry.is_access_request,
                },
            )
        ),
        "extend_form": _lazy(
            lambda: forms.ExtendDeadlineForm(
                prefix="extend",
                initial={
                    "new_deadline": actor.municipality.calendar.add_working_days(
                        inquiry.deadline, 5
                    ),
                    "channel": "mail" if inquiry.citizen_email else "phone",
                    "body": filled.get("extension_notice")
                    or actions.extension_text(inquiry, None, "", actor.user.get_full_name()),
                },
            )
        ),
        "may_extend": inquiry.status != Status.CLOSED
        and (is_recipient or (actor.is_administration and inquiry.administration_involved)),
        "ack_form": _lazy(
            lambda: forms.MessageForm(
                prefix="ack",
                initial={
                    "channel": "mail" if inquiry.citizen_email else "phone",
                    "body": filled.get("acknowledgement")
                    or _acknowledgement_text(inquiry, actor, len(recipients)),
                },
            )
        ),
        "social_form": _lazy(
            lambda: forms.SocialMediaAnswerForm(
                prefix="social",
                initial={
                    "body": filled.get("social_media_answer")
                    or actions.social_media_answer_text(inquiry, actor.user)
                },
            )
        ),
        "notice_form": _lazy(
            lambda: forms.MessageForm(
                prefix="notice",
                initial={
                    "channel": "mail" if inquiry.citizen_email else "phone",
                    "body": filled.get("advance_notice")
                    or "Tak for din henvendelse. Jeg sender den videre til administrationen, "
                    "som vil svare dig. Du hører fra rette center hurtigst muligt.",
                },
            )
        ),
        "forward_form": _lazy(lambda: forms.ForwardForm(prefix="forward")),
        "forward_mail_form": _lazy(lambda: forms.ForwardByMailForm(prefix="fwd")),
        "reply_form": _lazy(
            lambda: forms.MessageForm(
                prefix="reply",
                initial={
                    "channel": "mail" if inquiry.citizen_email else "phone",
                    "body": ready_draft.body if ready_draft else filled.get("answer", ""),
                },
            )
        ),
        "copy_form": _lazy(
            lambda: forms.CopyForm(
                prefix="copy", initial={"answered_how": reply.channel if reply else "mail"}
            )
        ),
        "draft_form": _lazy(lambda: forms.DraftRequestForm(prefix="draft")),
        "agenda_form": _lazy(
            lambda: forms.AgendaProposalForm(
                prefix="agenda", municipality=municipality, member=actor.user
            )
        ),
        "assign_form": _lazy(
            lambda: forms.AssignForm(
                prefix="assign",
                municipality=municipality,
                initial={
                    "centre": inquiry.centre_id,
                    "assigned_to": inquiry.assigned_to_id,
                    "answer_mode": inquiry.answer_mode or "written",
                    "director_involved": inquiry.director_involved,
                    "records_case_number": inquiry.records_case_number,
                },
            )
        ),
        "admin_answer_form": _lazy(
            lambda: forms.AdministrationAnswerForm(
                prefix="answer",
                initial={
                    "channel": "phone" if inquiry.answer_mode == "phone" else "mail",
                    "body": filled.get("answer", ""),
                },
            )
        ),
        "AnswerPath": AnswerPath,
    }
    context.update(forms_override)
    return context


def _notes(actor: Actor, inquiry: Inquiry) -> dict[str, list[Note]]:
    """The notes the person may read, by thread: the administration's, and their own."""
    threads: dict[str, list[Note]] = {"administration": [], "member": []}
    for note in Note.objects.for_actor(actor).filter(inquiry=inquiry).select_related("author"):
        threads[note.visibility].append(note)
    return threads


def _lazy(build: Callable[[], Any]) -> Any:
    """A form built only if the page shows it (most panels are for one role or state)."""
    return SimpleLazyObject(build)


def _attach_delivery(sent: list[Message]) -> None:
    """Each message's state in the outbox (sent, waiting, could not be sent), one query."""
    states = states_for(sent)  # type: ignore[arg-type]
    for message in sent:
        message.delivery = states.get(message.pk)  # type: ignore[attr-defined]


def _acknowledgement_text(inquiry: Inquiry, actor: Actor, recipient_count: int) -> str:
    others = " på vegne af de byrådsmedlemmer, der har modtaget den," if recipient_count > 1 else ""
    if inquiry.path == AnswerPath.ADMINISTRATION:
        next_step = (
            "Jeg har sendt den videre til administrationen, som vil svare dig. "
            "Du hører fra rette center."
        )
    else:
        next_step = "Du hører fra mig hurtigst muligt."
    return (
        f"Tak for din henvendelse, som jeg hermed kvitterer for{others}. {next_step}\n\n"
        f"Venlig hilsen\n{actor.user.get_full_name()}"
    )


# Each form on the inquiry page has its own prefix, so field ids never clash.
FORM_PREFIXES = {
    "ack_form": "ack",
    "social_form": "social",
    "notice_form": "notice",
    "forward_form": "forward",
    "reply_form": "reply",
    "copy_form": "copy",
    "draft_form": "draft",
    "agenda_form": "agenda",
    "assign_form": "assign",
    "note_form": "note",
    "extend_form": "extend",
    "admin_answer_form": "answer",
    "forward_mail_form": "fwd",
}


def _post_action(
    form_class: type,
    form_key: str,
    run: Callable[[Actor, Inquiry, Any], object],
    done: str = "Udført.",
    roles: tuple[str, ...] = MEMBER,
    form_kwargs: Callable[[Actor], dict] | None = None,
) -> Callable[..., HttpResponseBase]:
    """A POST that validates a form, runs one action and returns to the inquiry page.

    A refused action re-renders the page with the Danish reason and nothing changed.
    `done` is the success message, unless the action itself returns a message.
    """

    @municipality_view(*roles)
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        actor = _actor(request)
        inquiry = _visible(actor, pk)
        kwargs = form_kwargs(actor) if form_kwargs else {}
        prefix = FORM_PREFIXES.get(form_key)
        form = form_class(request.POST, prefix=prefix, **kwargs)
        blocked = None
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["_accepted"] = frozenset(request.POST.getlist(f"{prefix}-false_positive"))
            try:
                result = run(actor, inquiry, data)
            except GuardBlocked as exc:
                blocked = exc.result
                form.add_error(None, str(exc))
            except RuleError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, result if isinstance(result, str) else done)
                return redirect(_detail_url(actor, inquiry))
        messages.error(request, "Handlingen blev ikke udført. Se begrundelsen nedenfor.")
        context = _detail_context(actor, inquiry, **{form_key: form})
        context["open_panel"] = form_key
        context["guard"] = blocked
        context["guard_prefix"] = prefix
        return render(request, "inquiries/detail.html", context, status=400)

    return view


def _triage(actor: Actor, inquiry: Inquiry, data: dict) -> str:
    actions.do_triage(
        actor,
        inquiry,
        actions.TriageDecision(
            classification=data["classification"],
            path=data["path"],
            committee=data["committee"],
            concerns_other_citizen=data["concerns_other_citizen"],
            power_of_attorney=data["power_of_attorney"] or "not_relevant",
            access_request=data["is_access_request"],
        ),
    )
    if data["path"] == AnswerPath.PERSONAL and data["classification"] == "case":
        return (
            "Vurderingen er gemt. Henvendelsen handler om en sag: du kan svare personligt, "
            "men administrationen skal have en kopi, før den kan afsluttes."
        )
    return "Vurderingen er gemt."


def _take_ack(actor: Actor, inquiry: Inquiry, data: dict) -> str:
    actions.do_take_acknowledgement(actor, inquiry)
    return "Du står nu for kvitteringen på vegne af alle modtagere."


class _EmptyForm(djforms.Form):
    pass


def _delivery(data: dict) -> actions.Delivery:
    return actions.Delivery(
        data["channel"], data.get("cpr", ""), data.get("_accepted", frozenset())
    )


forward_mail_view = _post_action(
    forms.ForwardByMailForm,
    "forward_mail_form",
    lambda a, i, d: actions.do_forward_by_mail(a, i, d["to"], d["note"]),
    done="Henvendelsen er videresendt.",
)
triage_view = _post_action(
    forms.TriageForm, "triage_form", _triage, form_kwargs=lambda a: {"municipality": a.municipality}
)
take_ack_view = _post_action(_EmptyForm, "ack_form", _take_ack)
ack_view = _post_action(
    forms.MessageForm,
    "ack_form",
    lambda a, i, d: actions.do_acknowledge(a, i, d["channel"], d["body"], d["confirm_third_party"]),
    done="Kvitteringen er sendt.",
)
social_view = _post_action(
    forms.SocialMediaAnswerForm,
    "social_form",
    lambda a, i, d: actions.do_send_social_media_answer(a, i, d["body"]),
    done="Standardsvaret er registreret. Kopiér det til Facebook/Messenger.",
)
notice_view = _post_action(
    forms.MessageForm,
    "notice_form",
    lambda a, i, d: actions.do_send_advance_notice(a, i, _delivery(d), d["body"]),
    done="Borgeren er varslet.",
)
forward_view = _post_action(
    forms.ForwardForm,
    "forward_form",
    lambda a, i, d: actions.do_forward_to_administration(a, i, d["note"]),
    done="Henvendelsen er sendt til hovedpostkassen. Du kan følge status her.",
)


def _reply(actor: Actor, inquiry: Inquiry, data: dict) -> str:
    draft = inquiry.drafts.filter(status=DraftStatus.READY).first()
    actions.do_send_reply(
        actor, inquiry, _delivery(data), data["body"], data["confirm_third_party"], draft=draft
    )
    if inquiry.is_case_related and not inquiry.administration_involved:
        return "Svaret er sendt. Send nu en kopi til administrationen, så oplysningerne indgår i sagen."
    return "Svaret er sendt."


reply_view = _post_action(forms.MessageForm, "reply_form", _reply)
copy_view = _post_action(
    forms.CopyForm,
    "copy_form",
    lambda a, i, d: actions.do_send_copy_to_administration(
        a, i, d["answered_how"], d["include_answer"], d["note"]
    ),
    done="Kopien er sendt til administrationen.",
)
draft_request_view = _post_action(
    forms.DraftRequestForm,
    "draft_form",
    lambda a, i, d: actions.do_request_draft(a, i, d["note"]),
    done="Administrationen er bedt om et svarudkast.",
)
agenda_view = _post_action(
    forms.AgendaProposalForm,
    "agenda_form",
    lambda a, i, d: actions.do_propose_agenda(
        a, i, d["target"], d["committee"], d["title"], d["motivation"]
    ),
    done="Forslaget er sendt.",
    form_kwargs=lambda a: {"municipality": a.municipality, "member": a.user},
)
close_view = _post_action(
    _EmptyForm,
    "close_form",
    lambda a, i, d: actions.do_close(a, i),
    done="Henvendelsen er afsluttet.",
)
assign_view = _post_action(
    forms.AssignForm,
    "assign_form",
    lambda a, i, d: actions.do_assign_in_administration(
        a,
        i,
        d["centre"],
        d["answer_mode"],
        d["director_involved"],
        d["records_case_number"],
        d["assigned_to"],
    ),
    done="Fordelingen er gemt.",
    roles=(Role.SECRETARIAT,),
    form_kwargs=lambda a: {"municipality": a.municipality},
)
extend_view = _post_action(
    forms.ExtendDeadlineForm,
    "extend_form",
    lambda a, i, d: actions.do_extend_deadline(
        a, i, d["new_deadline"], d["reason"], _delivery(d), d["body"]
    ),
    done="Svarfristen er forlænget, og borgeren har fået besked om den nye frist.",
    roles=READERS,
)
note_view = _post_action(
    forms.NoteForm,
    "note_form",
    lambda a, i, d: actions.do_add_note(a, i, d["body"], d["visibility"]),
    done="Noten er gemt. Den sendes ikke til nogen.",
    roles=READERS,
)
admin_answer_view = _post_action(
    forms.AdministrationAnswerForm,
    "admin_answer_form",
    lambda a, i, d: actions.do_administration_answer(a, i, _delivery(d), d["body"]),
    done="Svaret er registreret, og henvendelsen er afsluttet.",
    roles=ADMINISTRATION,
)


@municipality_view(*READERS)
def attachment_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    actor = _actor(request)
    attachment = get_object_or_404(Attachment.objects.filter(of_visible_inquiry(actor)), pk=pk)
    actions.do_view_attachment(actor, attachment)
    # Always a download, never rendered inline: the file comes from an unknown sender.
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        # Cleaned again on the way out: names stored before intake cleaned them may hold
        # bidi overrides that make »faktura\u202efdp.exe« look like a PDF.
        filename=clean_filename(attachment.filename),
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@municipality_view(*ADMINISTRATION)
def administration_queue(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    listing = _list_page(request, actor, BY_DEADLINE)
    rows = _with_status(actor, listing.page)
    record_list(actor, "administration", len(rows))
    drafts = DraftReply.objects.filter(
        of_visible_inquiry(actor), status=DraftStatus.REQUESTED
    ).select_related("inquiry", "requested_by")
    waiting = waiting_for_case_number(actor.municipality) if actor.is_secretariat else None
    return render(
        request,
        "inquiries/administration.html",
        {
            **_list_context(actor, listing, rows),
            # The oldest first, a screenful each; the count says how many there are in all.
            "drafts": drafts.order_by("requested_at", "pk")[:SHORT_LIST],
            "drafts_count": drafts.count(),
            "waiting": waiting.order_by("closed_at", "pk")[:SHORT_LIST] if waiting else [],
            "waiting_count": waiting.count() if waiting is not None else 0,
        },
    )


@municipality_view(*ADMINISTRATION)
def write_draft(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    draft = get_object_or_404(
        DraftReply.objects.filter(of_visible_inquiry(actor)).select_related(
            "inquiry", "requested_by"
        ),
        pk=pk,
    )
    actions.do_view_inquiry(actor, draft.inquiry)
    form = forms.DraftWriteForm(request.POST or None, initial={"body": draft.body})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_write_draft(actor, draft, form.cleaned_data["body"])
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                "Udkastet er gemt og sendt til redigering hos "
                f"{draft.requested_by.get_full_name()}.",
            )
            return redirect("administration-queue", actor.municipality.slug)
    return render(
        request, "inquiries/draft.html", {"draft": draft, "form": form, "inquiry": draft.inquiry}
    )


@municipality_view(*MEMBER)
def proposals(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    base = AgendaProposal.objects.for_actor(actor)
    received = base.filter(addressee=actor.user).select_related(
        "proposed_by", "committee", "inquiry"
    )
    sent = base.filter(proposed_by=actor.user).select_related("addressee", "committee", "inquiry")
    return render(
        request,
        "inquiries/proposals.html",
        {
            "received": received,
            "sent": sent,
            "decision_form": forms.ProposalDecisionForm(),
            "ProposalStatus": ProposalStatus,
        },
    )


@municipality_view(*MEMBER)
@require_POST
def decide_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    proposal = get_object_or_404(
        AgendaProposal.objects.for_actor(actor).filter(addressee=actor.user),
        pk=pk,
    )
    form = forms.ProposalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vælg en gyldig status.")
    else:
        try:
            actions.do_decide_proposal(
                actor, proposal, form.cleaned_data["status"], form.cleaned_data["note"]
            )
        except RuleError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Forslagets status er opdateret.")
    return redirect("proposals", actor.municipality.slug)


@municipality_view(*READERS)
def overdue(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    if actor.is_council_member:
        return redirect(reverse("inbox", args=[actor.municipality.slug]) + "?vis=overskredne")
    return redirect(
        reverse("administration-queue", args=[actor.municipality.slug]) + "?vis=overskredne"
    )
