"""Every write to an inquiry goes through one `do_*` function in this package.

Each runs in one transaction that locks the inquiry, checks its rules on the locked row,
writes the change and its audit entry, and puts whatever must leave (mail, Digital Post)
in the outbox: either all of it is stored, or none of it. The worker sends after the
commit (borgerpost.outgoing).

By responsibility: registration, member (the council member's steps), administration,
agenda (path 3), notes (internal notes), delivery (the one way a message reaches the citizen).
"""

from borgerpost.core.exceptions import RuleError

from ..models import Classification
from ..rules import acknowledgement_duty
from .administration import (
    do_administration_answer,
    do_assign_in_administration,
    do_record_case_number,
    do_write_draft,
)
from .agenda import do_decide_proposal, do_propose_agenda
from .deadline import do_extend_deadline, extension_text
from .delivery import Delivery
from .member import (
    TriageDecision,
    do_acknowledge,
    do_close,
    do_forward_by_mail,
    do_forward_to_administration,
    do_request_draft,
    do_send_advance_notice,
    do_send_copy_to_administration,
    do_send_reply,
    do_send_social_media_answer,
    do_take_acknowledgement,
    do_triage,
    social_media_answer_text,
)
from .notes import do_add_note
from .registration import (
    MAX_ATTACHMENT_BYTES,
    NewInquiry,
    Registration,
    do_receive_in_main_mailbox,
    do_register_inquiries,
    do_register_inquiry,
    do_view_attachment,
    do_view_inquiry,
    new_inquiry_from_mail,
    validate,
)
from .texts import do_delete_standard_text, do_save_standard_text

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "Classification",
    "Delivery",
    "NewInquiry",
    "Registration",
    "RuleError",
    "TriageDecision",
    "acknowledgement_duty",
    "do_acknowledge",
    "do_add_note",
    "do_administration_answer",
    "do_assign_in_administration",
    "do_close",
    "do_decide_proposal",
    "do_delete_standard_text",
    "do_extend_deadline",
    "do_forward_by_mail",
    "do_forward_to_administration",
    "do_propose_agenda",
    "do_receive_in_main_mailbox",
    "do_record_case_number",
    "do_register_inquiries",
    "do_register_inquiry",
    "do_request_draft",
    "do_save_standard_text",
    "do_send_advance_notice",
    "do_send_copy_to_administration",
    "do_send_reply",
    "do_send_social_media_answer",
    "do_take_acknowledgement",
    "do_triage",
    "do_view_attachment",
    "do_view_inquiry",
    "do_write_draft",
    "extension_text",
    "new_inquiry_from_mail",
    "social_media_answer_text",
    "validate",
]
