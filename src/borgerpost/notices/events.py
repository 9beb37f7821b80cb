"""What each event in an inquiry's life tells whom (called inside the action that made
it happen). The texts name the inquiry by number and the staff by name: never what the
citizen wrote."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from borgerpost.core.models import Membership, Role
from borgerpost.inquiries.models import Inquiry

from .actions import notify
from .models import NoticeKind


def _name(person: Any) -> str:
    return person.get_full_name() or person.username


def _with_role(inquiry: Inquiry, role: str) -> list[Any]:
    users = Membership.objects.in_municipality(inquiry.municipality).filter(role=role)
    return list(get_user_model().objects.filter(pk__in=users.values("user_id")))


def assigned(inquiry: Inquiry, person: Any, by: Any) -> None:
    notify(
        inquiry.municipality,
        [person],
        NoticeKind.ASSIGNED,
        f"{inquiry.reference} er givet til dig af {_name(by)} (frist {inquiry.deadline:%d.%m.%Y})",
        inquiry=inquiry,
        by=by,
    )


def director_involved(inquiry: Inquiry, by: Any) -> None:
    """Seed 001, step 6: the director is the members' contact in the administration."""
    director = inquiry.centre.director if inquiry.centre else None
    if director is None:
        return
    notify(
        inquiry.municipality,
        [director],
        NoticeKind.DIRECTOR_INVOLVED,
        f"Du inddrages i {inquiry.reference} ({inquiry.centre}) af {_name(by)}",
        inquiry=inquiry,
        by=by,
    )


def sent_to_administration(inquiry: Inquiry, by: Any) -> None:
    notify(
        inquiry.municipality,
        _with_role(inquiry, Role.SECRETARIAT),
        NoticeKind.NEW_INQUIRY,
        f"Ny henvendelse til administrationen: {inquiry.reference} fra {_name(by)}",
        inquiry=inquiry,
        by=by,
    )


def answered(inquiry: Inquiry, by: Any) -> None:
    """The members who got the inquiry are told, in borgerpost and by mail, that the
    administration has answered it; the page shows them the answer (MessageQuerySet)."""
    members = [r.member for r in inquiry.recipients.select_related("member")]
    notify(
        inquiry.municipality,
        members,
        NoticeKind.ANSWERED,
        f"Administrationen har besvaret {inquiry.reference}",
        inquiry=inquiry,
        by=by,
        mail=True,
    )


def deadlines_soon(municipality: Any, person: Any, count: int, link: str) -> None:
    """The daily reminder's news in borgerpost too (its mail is the reminder itself)."""
    word = "henvendelse" if count == 1 else "henvendelser"
    notify(
        municipality,
        [person],
        NoticeKind.DEADLINE,
        f"{count} {word} med frist inden for 2 arbejdsdage eller overskredet",
        link=link,
        mail=False,
    )


def citizen_wrote_again(inquiry: Inquiry, member: Any, reopened: bool) -> None:
    """Those who answer are told: the members who got it (a reply to a member), or the
    secretariat and the person it is given to (a reply to the main mailbox)."""
    if member is not None:
        people = [r.member for r in inquiry.recipients.select_related("member")]
    else:
        people = _with_role(inquiry, Role.SECRETARIAT)
        if inquiry.assigned_to is not None:
            people.append(inquiry.assigned_to)
    what = "og henvendelsen er genåbnet" if reopened else "på en åben henvendelse"
    notify(
        inquiry.municipality,
        people,
        NoticeKind.NEW_INQUIRY,
        f"Borgeren har skrevet igen i {inquiry.reference}, {what}",
        inquiry=inquiry,
    )


def new_in_mailbox(inquiry: Inquiry, member: Any) -> None:
    """A mail the intake made an inquiry of: told to the member whose folder it came
    from, or to the secretariat (the main mailbox)."""
    people = [member] if member is not None else _with_role(inquiry, Role.SECRETARIAT)
    where = "din mailmappe" if member is not None else "hovedpostkassen"
    notify(
        inquiry.municipality,
        people,
        NoticeKind.NEW_INQUIRY,
        f"Ny henvendelse fra {where}: {inquiry.reference}",
        inquiry=inquiry,
    )
