"""Where the intake reads mail from, behind one interface.

The intake (`intake/service.py`) takes mail from a `MailFolder`: an IMAP folder on the
municipality's mail server (`intake/imap.py`), or a directory of `.eml` files
(`intake/emlfolder.py`) for a system that can only drop files, for the demo and for tests
that need no mail server. Both keep the same promises: a mail has a stable uid within a
`uidvalidity`, is never deleted or changed, and is marked as taken only after its
inquiry is committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from borgerpost.core.exceptions import RuleError


class MailboxError(RuleError):
    """The mailbox cannot be read now; the message is Danish and says what to check."""


@dataclass(frozen=True)
class FetchedMail:
    uid: int
    raw: bytes
    size: int = 0  # as the source reports it
    too_large: bool = False  # over the limit: never read


class MailFolder(Protocol):
    uidvalidity: int

    def untaken_uids(self) -> list[int]:
        """The mails not yet marked as taken, oldest first."""
        ...

    def fetch(self, uids: list[int], max_bytes: int) -> Iterator[FetchedMail]:
        """The mails, in bounded memory: one over `max_bytes` is reported, not read."""
        ...

    def mark_taken(self, uids: list[int]) -> None: ...


class MailSource(Protocol):
    def __call__(self, mailbox: object) -> AbstractContextManager[MailFolder]:
        """Open the mailbox's folder; raises MailboxError (Danish) when it cannot be read."""
        ...
