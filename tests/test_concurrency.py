"""Two people (or two browser tabs) doing the same thing at the same moment: the rule is
checked on the locked row inside the transaction, so exactly one succeeds and the other
gets the Danish refusal. Run with real threads and connections on both databases."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from borgerpost.core.exceptions import RuleError
from borgerpost.counsellor.actions import do_add_recommendation
from borgerpost.counsellor.models import Recommendation
from borgerpost.inquiries import actions
from borgerpost.inquiries.models import AnswerPath, DraftReply
from borgerpost.retention.actions import do_hand_in, do_register_printed_copy
from borgerpost.retention.models import PrintedCopy

from .test_inquiries import shared_inquiry, triage


def at_once(work: Callable[[], Any], times: int = 2) -> tuple[list[Any], list[str]]:
    """Run `work` in `times` threads released together; the results and the refusals."""
    start = threading.Barrier(times)
    results: list[Any] = []
    refusals: list[str] = []

    def run() -> None:
        start.wait()
        try:
            results.append(work())
        except RuleError as exc:
            refusals.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, refusals


@pytest.mark.django_db(transaction=True)
def test_two_draft_requests_at_once_make_one_draft(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.kasper)
    triage(
        world.kasper,
        inquiry,
        AnswerPath.PERSONAL,
        committee=world.committee["Børne- og Skoleudvalget"],
    )

    results, refusals = at_once(lambda: actions.do_request_draft(world.kasper, inquiry, "Hjælp"))

    assert len(results) == 1 and len(refusals) == 1 and "allerede bestilt" in refusals[0]
    assert DraftReply.objects.filter(inquiry=inquiry).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_recommendation_number_twice_at_once_is_one(world):
    def add() -> Recommendation:
        return do_add_recommendation(world.birgit, Recommendation(year=2025, number=1, title="X"))

    results, refusals = at_once(add)

    assert len(results) == 1 and len(refusals) == 1
    assert Recommendation.objects.filter(municipality=world.ishoj, year=2025).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_printed_copy_handed_in_twice_at_once_is_handed_in_once(world):
    copy = do_register_printed_copy(
        world.sara, PrintedCopy(description="Mail om skolevej, 2 sider", kept_where="Skab")
    )

    results, refusals = at_once(lambda: do_hand_in(world.sara, copy))

    assert len(results) == 1 and refusals == ["Udskriften er allerede afleveret."]
    assert PrintedCopy.objects.get(pk=copy.pk).handed_in_at is not None
