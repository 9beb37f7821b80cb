"""One access rule per model, in one place (core/tenancy.py).

Every model that belongs to a municipality is found automatically, so a new one cannot
be missed: it must have the tenancy manager, every person must see only their own
municipality's rows of it, and the test world must hold a row of it in another
municipality to prove that. No view, form, report or API module filters on a
municipality by itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from borgerpost.api.actions import do_create_token
from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet
from borgerpost.counsellor.models import (
    Activity,
    CaseStep,
    ComplaintTheme,
    CounsellorCase,
    CounsellorMail,
    ImportMapping,
    Recommendation,
    ReportText,
    TimeAgreement,
    TimeEntry,
)
from borgerpost.guard.models import FalsePositive
from borgerpost.inquiries.models import (
    AgendaProposal,
    FollowUp,
    Inquiry,
    InquiryRecipient,
    Message,
    Note,
    ReminderSent,
    StandardText,
)
from borgerpost.jobs.models import JobProblem
from borgerpost.letters.models import (
    Company,
    Letter,
    LetterAttachment,
    SendingSystem,
    SystemLetterKind,
)
from borgerpost.notices.models import Notice, NoticeSettings
from borgerpost.retention.models import DeletionLog

from .test_idor import ISHOJ_PEOPLE, foreign  # noqa: F401  (the fixture)

SRC = Path(__file__).parents[1] / "src" / "borgerpost"


def tenant_models() -> list[type]:
    """Every model with a municipality of its own, or reached through one (`tenant_field`)."""
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "municipality"), None)
        direct = field is not None and field.related_model is Municipality
        queryset = model._default_manager.get_queryset()
        if direct or isinstance(queryset, TenantQuerySet):
            found.append(model)
    return found


def test_every_model_of_a_municipality_reads_through_the_tenancy_rule():
    missing = [
        m.__name__
        for m in tenant_models()
        if not isinstance(m._default_manager.get_queryset(), TenantQuerySet)
    ]
    assert missing == []
    assert len(tenant_models()) >= 24  # the discovery itself works


@pytest.fixture
def everywhere(world, foreign):  # type: ignore[no-untyped-def]  # noqa: F811
    """A row of every kind in Hvidovre (or Brøndby), beside what the world fixture made."""
    hv, anders = world.hvidovre, world.users["anders"]
    shared = foreign["counsellor_case"].municipality  # Brøndby: the counsellor's elsewhere
    JobProblem.objects.create(municipality=hv, job="poll", reason="x")
    DeletionLog.objects.create(municipality=hv, record_type="inquiry", record_id="1", rule="x")
    Company.objects.create(municipality=hv, cvr="12345674", name="Firma")
    ComplaintTheme.objects.create(municipality=shared, name="Tema")
    ImportMapping.objects.create(municipality=shared, columns={"reference": "Sagsnr"})
    CounsellorMail.objects.create(
        municipality=shared, counsellor=anders, received_at=timezone.now(), subject="Post"
    )
    TimeAgreement.objects.create(
        municipality=shared, counsellor=anders, share=50, hours_per_week=10, starts="2025-01-01"
    )
    TimeEntry.objects.create(
        municipality=shared, counsellor=anders, on=timezone.localdate(), hours=2
    )
    Activity.objects.create(
        municipality=shared,
        on=timezone.localdate(),
        kind="dialogmoede",
        with_whom="Center for Job",
        topic="Klagesvar",
        created_by=anders,
    )
    CaseStep.objects.create(
        case=foreign["counsellor_case"],
        kind="henvendelse",
        on=timezone.localdate(),
        created_by=anders,
    )
    Recommendation.objects.create(municipality=shared, year=2025, number=1, title="Anbefaling")
    ReportText.objects.create(municipality=shared, year=2025)
    ReminderSent.objects.create(
        municipality=hv, day=timezone.localdate(), recipient="a@hvidovre.dk", inquiry_count=1
    )
    FalsePositive.objects.create(municipality=hv, user=anders, category="health", rule="x")
    do_create_token(None, hv, "Et system", "secretariat")
    gateway_token, _ = do_create_token(None, hv, "Et afsendersystem", "", "digital-post")
    SystemLetterKind.objects.create(
        system=SendingSystem.objects.get(token=gateway_token), kind="Påmindelse"
    )
    LetterAttachment.objects.create(
        letter=Letter.objects.create(
            municipality=hv, title="Brev", body="Tekst.", created_by=anders
        ),
        filename="bilag.pdf",
        content_type="application/pdf",
        size=1,
        file="letters/x/bilag/y",
    )
    Message.objects.create(
        inquiry=foreign["inquiry"], kind="reply", channel="mail", author=anders, body="Svar."
    )
    Note.objects.create(
        inquiry=foreign["inquiry"], author=anders, visibility="member", body="Min note."
    )
    Notice.objects.create(municipality=hv, recipient=anders, kind="assigned", text="Nyt")
    NoticeSettings.objects.create(municipality=hv, user=anders, by_mail=True)
    StandardText.objects.create(municipality=hv, kind="answer", name="Svar", body="Tak.")
    FollowUp.objects.create(inquiry=foreign["inquiry"], received_at=timezone.now(), body="Igen.")
    assert AuditEntry.objects.filter(municipality=hv).exists()
    return world


def _tenant_of(model: type, pk: object) -> object:
    field = model._default_manager.get_queryset().tenant_field
    return model._default_manager.filter(pk=pk).values_list(field, flat=True).first()


def test_the_test_world_holds_a_row_of_every_kind_elsewhere(everywhere):
    ishoj = everywhere.ishoj
    empty = []
    for model in tenant_models():
        rows = model._default_manager.get_queryset()
        field = rows.tenant_field
        if not rows.exclude(**{field: ishoj}).exists():
            empty.append(model.__name__)
    # A new model of a municipality needs a row in `everywhere`, so the check below covers it.
    assert empty == []


@pytest.mark.parametrize("who", ISHOJ_PEOPLE)
def test_nobody_reads_another_municipalitys_rows(everywhere, who):
    actor = getattr(everywhere, who)
    for model in tenant_models():
        rows = model._default_manager.for_actor(actor)
        field = rows.tenant_field
        places = set(rows.values_list(field, flat=True))
        assert places <= {everywhere.ishoj.pk}, (who, model.__name__)


def test_the_stricter_rules_hold_inside_the_municipality(world):
    CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="R-1",
        opened=timezone.localdate(),
        category="anden",
        handling="vejledning",
    )
    # The counsellor's register is the counsellor's; letters are the administration's.
    assert CounsellorCase.objects.for_actor(world.birgit).count() == 1
    for who in ("sara", "kasper", "merete", "thomas"):
        assert CounsellorCase.objects.for_actor(getattr(world, who)).count() == 0
    assert Letter.objects.for_actor(world.sara).query.is_empty()  # a council member


def test_messages_and_proposals_follow_their_inquiry_and_section_8b(world, new_inquiry):
    """A member who received the inquiry sees all its messages; the administration and
    the addressee of a proposal only what was sent to the administration; a proposal is
    seen by whoever sees its inquiry."""
    from borgerpost.inquiries import actions

    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    sara, merete = world.users["sara"], world.users["merete"]
    Message.objects.create(inquiry=inquiry, kind="reply", channel="mail", author=sara)
    Message.objects.create(
        inquiry=inquiry, kind="copy_to_administration", channel="internal", author=sara
    )
    AgendaProposal.objects.create(
        inquiry=inquiry, proposed_by=sara, target="council", addressee=merete, title="Punkt"
    )

    def seen(who: str) -> tuple[list[str], int]:
        actor = getattr(world, who)
        kinds = sorted(Message.objects.for_actor(actor).values_list("kind", flat=True))
        return kinds, AgendaProposal.objects.for_actor(actor).count()

    assert seen("sara") == (["copy_to_administration", "reply"], 1)
    assert seen("merete") == (["copy_to_administration"], 1)  # the addressee
    assert seen("kasper") == ([], 0)
    assert seen("pia") == ([], 0)  # not sent to the administration
    Inquiry.objects.filter(pk=inquiry.pk).update(sent_to_administration_at=timezone.now())
    assert seen("pia") == (["copy_to_administration"], 1)
    assert seen("henrik") == (["copy_to_administration"], 1)
    InquiryRecipient.objects.create(inquiry=inquiry, member=world.users["kasper"])
    assert seen("kasper") == (["copy_to_administration", "reply"], 1)


READ_CALLS = {"filter", "exclude", "get", "get_object_or_404", "get_list_or_404", "count"}


def _reading_modules() -> list[Path]:
    names = {"views.py", "forms.py", "report.py", "rendering.py", "dpo.py", "setup_log.py"}
    found = [p for p in SRC.rglob("*.py") if p.name in names]
    found += [p for p in (SRC / "api").glob("*.py") if p.name != "actions.py"]
    return found


def test_no_view_form_or_report_filters_on_a_municipality_by_itself():
    offences = []
    for path in _reading_modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in READ_CALLS:
                continue
            for keyword in node.keywords:
                arg = keyword.arg or ""
                if arg.split("__")[-1] == "municipality" or arg.endswith("municipality__in"):
                    offences.append(f"{path.relative_to(SRC)}:{node.lineno} {name}({arg}=...)")
    assert offences == []


def test_notes_are_their_thread_s_and_notices_their_owner_s(world, new_inquiry):
    """The administration's notes: the administration, once the inquiry is sent to it. A
    member's own notes: that member alone (not the administration, not a co-recipient).
    A notice or a mail setting: its owner alone."""
    from borgerpost.inquiries import actions

    data = new_inquiry()
    inquiry = actions.do_register_inquiry(world.sara, data).inquiry
    actions.do_register_inquiry(world.kasper, data)  # the same mail: a co-recipient
    own = Note.objects.create(
        inquiry=inquiry, author=world.users["sara"], visibility="member", body="x"
    )
    admin = Note.objects.create(
        inquiry=inquiry, author=world.users["pia"], visibility="administration", body="y"
    )

    def seen(who):  # type: ignore[no-untyped-def]
        return set(Note.objects.for_actor(getattr(world, who)).values_list("pk", flat=True))

    assert seen("sara") == {own.pk}
    assert seen("kasper") == set()
    assert seen("pia") == set()  # not sent to the administration: it sees nothing of it
    inquiry.sent_to_administration_at = timezone.now()
    inquiry.save(update_fields=["sent_to_administration_at"])
    assert seen("pia") == seen("louise") == seen("henrik") == {admin.pk}
    assert seen("sara") == {own.pk} and seen("thomas") == seen("birgit") == set()
    notice = Notice.objects.create(
        municipality=world.ishoj, recipient=world.users["louise"], kind="assigned", text="Nyt"
    )
    for who in ISHOJ_PEOPLE:
        expected = {notice.pk} if who == "louise" else set()
        assert (
            set(Notice.objects.for_actor(getattr(world, who)).values_list("pk", flat=True))
            == expected
        )
