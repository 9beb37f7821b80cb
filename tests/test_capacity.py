"""A page costs the same however long the history (issue 17): no list, count or page
makes a query per row, and the navigation's numbers come from counters, not from
counting inquiries."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borgerpost.inquiries import counts
from borgerpost.inquiries.models import (
    AgendaProposal,
    Attachment,
    DraftReply,
    InboxCount,
    Inquiry,
    InquiryRecipient,
    Message,
)

INBOX = "/k/ishoj/henvendelser/"
QUEUE = "/k/ishoj/administration/"


def add_history(world, rows: int) -> None:  # type: ignore[no-untyped-def]
    """Inquiries as a year of use leaves them: most closed, some open and overdue, some
    with the administration; two or three recipients, messages, drafts, attachments and
    agenda proposals. Written in bulk, so the counters are brought up to date here."""
    now = timezone.now()
    sara, jens, merete = (world.users[name] for name in ("sara", "jens", "merete"))
    start = Inquiry.objects.count()
    arrived = [now - dt.timedelta(days=(n * 7) % 300, minutes=n) for n in range(rows)]
    made = Inquiry.objects.bulk_create(
        Inquiry(
            municipality=world.ishoj,
            channel="mail",
            received_at=arrived[n],
            subject=f"Historik {start + n}",
            body="Kære byråd. Hvornår bliver vejen lavet?",
            content_key=f"historik-{start + n}",
            deadline=(arrived[n] + dt.timedelta(days=14)).date(),
            status="closed" if n % 3 else ("with_administration" if n % 2 else "open"),
            sent_to_administration_at=now if n % 2 else None,
            centre=world.centre["Center for Teknik og Miljø"] if n % 4 == 0 else None,
        )
        for n in range(rows)
    )
    InquiryRecipient.objects.bulk_create(
        InquiryRecipient(inquiry=i, member=m)
        for n, i in enumerate(made)
        for m in ([sara, jens, merete] if n % 2 else [sara, jens])
    )
    Message.objects.bulk_create(
        Message(inquiry=i, kind="reply", channel="mail", author=sara, body="Svar.") for i in made
    )
    DraftReply.objects.bulk_create(
        DraftReply(inquiry=i, requested_by=merete, status="requested")
        for n, i in enumerate(made)
        if n % 2
    )
    Attachment.objects.bulk_create(
        Attachment(inquiry=i, filename="a.pdf", content_type="application/pdf", size=1)
        for i in made[::3]
    )
    AgendaProposal.objects.bulk_create(
        AgendaProposal(inquiry=i, proposed_by=jens, target="council", addressee=sara, title="Punkt")
        for i in made[::5]
    )
    counts.recount(i.pk for i in made)


def queries_for(client, path: str) -> list[str]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(path)
    assert answer.status_code == 200, path
    return [q["sql"] for q in captured.captured_queries]


PAGES = {
    "sara": [INBOX, INBOX + "?vis=overskredne", INBOX + "?vis=alle", "/k/ishoj/dagsordensforslag/"],
    "pia": [QUEUE, QUEUE + "?vis=overskredne", QUEUE + "?vis=alle"],
}


@pytest.mark.parametrize(
    "persona,path", [(who, path) for who, paths in PAGES.items() for path in paths]
)
def test_a_page_makes_the_same_queries_with_ten_times_the_history(world, client_for, persona, path):
    client = client_for(persona)
    client.get(path)  # the session is renewed on the first request
    add_history(world, 12)
    few = queries_for(client, path)
    add_history(world, 120)  # more than two pages of every list
    many = queries_for(client, path)
    assert len(many) == len(few), "\n".join(many)


@pytest.mark.parametrize("persona", ["sara", "pia"])
def test_an_inquiry_page_and_the_next_page_cost_the_same_with_more_history(
    world, client_for, persona
):
    client = client_for(persona)
    add_history(world, 12)
    inquiry = Inquiry.objects.filter(sent_to_administration_at__isnull=False).last()
    path = f"{INBOX}{inquiry.pk}/"
    client.get(path)
    few = queries_for(client, path)
    add_history(world, 120)
    assert len(queries_for(client, path)) == len(few)
    # The access rule is applied to the inquiry and each of its lists, but the proposals
    # addressed to the person are read once a request (core/memo.py).
    ids = 'SELECT "inquiries_agendaproposal"."inquiry_id" AS "inquiry_id" FROM'
    reads = [sql for sql in few if sql.startswith(ids)]
    assert len(reads) <= 1, "\n".join(reads)
    listing = INBOX if persona == "sara" else QUEUE
    first = client.get(listing + "?vis=alle").content.decode()
    following = re.search(r'href="(\?[^"]+)">Næste<', first)
    assert following
    second = listing + following.group(1).replace("&amp;", "&")
    deeper = queries_for(client, second)
    assert len(deeper) == len(queries_for(client, listing + "?vis=alle"))
    assert not any("OFFSET" in sql for sql in deeper), "pages are read by key, not by offset"


def test_the_navigation_numbers_are_read_from_counters_not_counted(world, client_for):
    sara = client_for("sara")
    add_history(world, 60)
    sql = queries_for(sara, INBOX)
    counting = [q for q in sql if _counts_inquiries(q)]
    assert counting == [], counting
    page = sara.get(INBOX).content.decode()
    visible = Inquiry.objects.for_actor(_actor(world, "sara"))
    open_now = visible.open().count()
    assert f"Mine henvendelser ({open_now})" in page


# A count of inquiry rows, however the ORM writes it: over the table, over its id, or
# over a subquery of it (core/counting.py). Counting a page's rows' recipients is not.
_INQUIRY_COUNT = re.compile(
    r'COUNT\((?:\*|"inquiries_inquiry"\.[^)]*)\)(?: AS "\w+")? FROM '
    r'(?:"inquiries_inquiry"|\(SELECT "inquiries_inquiry")'
    r'|COUNT\("inquiries_inquiry"\.'
)


def _counts_inquiries(sql: str) -> bool:
    return bool(_INQUIRY_COUNT.search(sql))


def test_what_counts_as_counting_inquiries():
    assert _counts_inquiries('SELECT COUNT(*) AS "__count" FROM "inquiries_inquiry" WHERE x')
    assert _counts_inquiries('SELECT (SELECT COUNT(*) FROM (SELECT "inquiries_inquiry"."id" FR')
    assert _counts_inquiries('SELECT COUNT("inquiries_inquiry"."id") FILTER (WHERE x) AS "open"')
    assert not _counts_inquiries(
        'SELECT COUNT("inquiries_inquiryrecipient"."id") AS "n" FROM "inquiries_inquiryrecipient"'
    )
    assert not _counts_inquiries('SELECT COUNT(*) FROM (SELECT "notices_notice"."id" FROM')


def _actor(world, name):  # type: ignore[no-untyped-def]
    from borgerpost.core.access import actor_for

    return actor_for(world.users[name], world.ishoj)


def test_counters_follow_every_change_and_agree_with_the_access_rule(world, new_inquiry):
    """Whatever happens to an inquiry, each person's numbers are what the access rule
    lets them see (the suite checks the counters after every test; this checks that
    they count the same inquiries as `for_actor`)."""
    from borgerpost.inquiries import actions

    add_history(world, 30)
    made = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    InquiryRecipient.objects.create(inquiry=made, member=world.users["kasper"])
    InquiryRecipient.objects.filter(inquiry=made, member=world.users["kasper"]).delete()
    Inquiry.objects.filter(pk__in=list(Inquiry.objects.values_list("pk", flat=True)[:3])).delete()
    today = timezone.localdate()
    for name in ("sara", "jens", "merete", "kasper", "pia", "henrik"):
        actor = _actor(world, name)
        visible = Inquiry.objects.for_actor(actor)
        assert counts.totals(actor, today) == {
            "open": visible.open().count(),
            "overdue": visible.overdue(today).count(),
            "all": visible.count(),
        }, name


def test_the_navigation_numbers_are_one_query_and_what_each_counts_alone(world, client_for):
    """core/counting.py reads every number of the navigation in one SELECT; each must be
    what its own queryset counts, for members, the secretariat and a person who is both."""
    from borgerpost.core.counting import in_one_query
    from borgerpost.inquiries import navigation
    from borgerpost.notices.models import Notice
    from borgerpost.outgoing.models import OutgoingMessage

    add_history(world, 30)
    for name, notices in (("sara", 2), ("pia", 3)):
        for _ in range(notices):
            Notice.objects.create(
                municipality=world.ishoj, recipient=world.users[name], kind="assigned", text="Nyt"
            )
    OutgoingMessage.objects.create(
        municipality=world.ishoj,
        kind="mail",
        state="failed",
        author=world.users["sara"],
        message_id="<nav-test@borgerpost>",
        recipient="borger@example.dk",
    )
    open_rows = Inquiry.objects.filter(
        municipality=world.ishoj, sent_to_administration_at__isnull=False
    ).exclude(status="closed")
    open_rows.filter(pk__in=list(open_rows.values_list("pk", flat=True)[:2])).update(
        assigned_to=world.users["pia"]
    )
    for name in ("sara", "jens", "pia", "henrik", "thomas"):
        actor = _actor(world, name)
        with CaptureQueriesContext(connection) as queries:
            together = navigation.numbers_for(actor)
        alone = {key: in_one_query({key: _wanted_alone(actor, key)})[key] for key in together}
        assert together == alone, name
        assert len(queries) <= 1, name
        for key, number in alone.items():
            assert number == _counted_by_orm(actor, key), (name, key)
    assert navigation.numbers_for(_actor(world, "sara"))["notices"] == 2
    assert navigation.numbers_for(_actor(world, "sara"))["undelivered"] == 1
    assert navigation.numbers_for(_actor(world, "pia"))["mine"] == 2
    page = client_for("pia").get(QUEUE).content.decode()
    assert "Nyt til mig (3)" in page and "Mine henvendelser (2)" in page


def _wanted_alone(actor, key):  # type: ignore[no-untyped-def]
    from borgerpost.inquiries import navigation

    return navigation.wanted_for(actor)[key]


def _counted_by_orm(actor, key):  # type: ignore[no-untyped-def]
    """The same number as the ORM counts it, query by query."""
    from borgerpost.core.counting import Rows

    number = _wanted_alone(actor, key)
    if isinstance(number, Rows):
        return number.queryset.count()
    return sum(number.queryset.values_list(number.field, flat=True))


def test_a_number_whose_queryset_can_have_no_rows_is_zero_without_a_query(world):
    """An access rule that lets someone see nothing compiles to no SQL at all (Django's
    EmptyResultSet): the navigation must show 0, not fail."""
    from borgerpost.core.counting import Rows, Total, in_one_query
    from borgerpost.notices.models import Notice

    add_history(world, 3)
    Notice.objects.create(
        municipality=world.ishoj, recipient=world.users["sara"], kind="assigned", text="Nyt"
    )
    with CaptureQueriesContext(connection) as queries:
        numbers = in_one_query(
            {
                "none": Rows(Notice.objects.none()),
                "empty rule": Rows(Notice.objects.filter(pk__in=[])),
                "summed none": Total(InboxCount.objects.none(), "n"),
                "some": Rows(Notice.objects.all()),
            }
        )
    assert numbers == {"none": 0, "empty rule": 0, "summed none": 0, "some": 1}
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert in_one_query({"none": Rows(Notice.objects.none())}) == {"none": 0}
    assert len(queries) == 0
