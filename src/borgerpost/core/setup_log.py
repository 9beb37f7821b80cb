"""What the municipal administrator sees of the audit log: changes to the set-up, nothing
else. Never the citizen counsellor's work (its existence, ids, counts or timing), never who
read which inquiry (that is for the data protection officer), never a member's mailbox."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Municipality

SETUP_ACTIONS = {
    "municipality.changed": "ændrede kommunens indstillinger",
    "municipality.loaded": "indlæste kommunens opsætningsfil",
    "centre.created": "oprettede et center",
    "centre.changed": "ændrede et center",
    "committee.created": "oprettede et udvalg",
    "committee.changed": "ændrede et udvalg",
    "membership.created": "gav en person en rolle",
    "membership.removed": "fjernede en persons rolle",
    "membership.added_by_sso": "rolle givet af kommunens log-in-tjeneste",
    "membership.removed_by_sso": "rolle fjernet af kommunens log-in-tjeneste",
    "login.two_factor_reset": "nulstillede en persons to-faktor-log-ind",
    "login.password_set": "gav en person en ny adgangskode",
    "guard_term.created": "tilføjede et ord til vagten",
    "guard_term.removed": "fjernede et ord fra vagten",
    "letter_template.saved": "gemte en brevskabelon",
    "api_token.created": "oprettede et token til en integration",
    "api_token.revoked": "tilbagekaldte et token",
}
MAIN_MAILBOX_ACTIONS = {
    "mailbox.connected": "forbandt hovedpostkassen",
    "mailbox.changed": "ændrede hovedpostkassen",
    "mailbox.disconnected": "afbrød hovedpostkassen",
}


def setup_changes(municipality: Municipality, limit: int = 30) -> list[tuple[AuditEntry, str]]:
    from borgerpost.intake.models import Mailbox, MailboxKind

    main = [
        str(pk)
        for pk in Mailbox.objects.in_municipality(municipality)
        .filter(kind=MailboxKind.MAIN)
        .values_list("pk", flat=True)
    ]
    entries: QuerySet[AuditEntry] = (
        AuditEntry.objects.in_municipality(municipality)
        .filter(
            Q(action__in=SETUP_ACTIONS)
            | Q(action__in=MAIN_MAILBOX_ACTIONS, object_type="mailbox", object_id__in=main)
        )
        .exclude(details__has_key="role", details__role="counsellor")
        .select_related("actor")
        .order_by("-at", "-id")
    )
    labels = {**SETUP_ACTIONS, **MAIN_MAILBOX_ACTIONS}
    return [(entry, labels[entry.action]) for entry in entries[:limit]]
