"""The Digital Post gateway for systems that can only write files: a folder of MeMo files
per sending system (many systems can hand their post to a print or dispatch folder).

Every round the worker takes each system's `*.xml` files, oldest first, through the same
gateway as the API (`gateway.parse_memo`, `gateway.do_receive_system_letter`), then moves
each file to `behandlet/`, or to `afvist/` with the Danish reason in a `.txt` beside it.
A file is taken only when it has not changed for a while (the system may still be writing
it). One bad file never stops the others. A file read twice (a worker stopped between
storing the letter and moving the file, or two workers at once) carries the same
messageUUID, which is the same letter, never a second one.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from django.conf import settings

from borgerpost.core.access import actor_for
from borgerpost.core.exceptions import RuleError

from . import gateway
from .models import SendingSystem

logger = logging.getLogger("borgerpost.gateway")

FOLDER_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
DONE, REFUSED = "behandlet", "afvist"
SETTLED_SECONDS = 10  # untouched this long: the system has finished writing the file
FILES_PER_ROUND = 200


def folder_of(system: SendingSystem) -> Path | None:
    """The system's directory, only ever inside DIGITAL_POST_FOLDERS."""
    if not FOLDER_NAME.fullmatch(system.folder or ""):
        return None
    return Path(settings.DIGITAL_POST_FOLDERS) / system.folder


def take_letters_from_folders(now: float | None = None) -> int:
    taken = 0
    systems = SendingSystem.objects.exclude(folder="").select_related(
        "municipality", "token__account"
    )
    for system in systems:
        folder = folder_of(system)
        if folder is None or not folder.is_dir() or system.token is None:
            continue
        taken += _take(system, folder, now if now is not None else time.time())
    return taken


def _take(system: SendingSystem, folder: Path, now: float) -> int:
    assert system.token is not None
    actor = actor_for(system.token.account, system.municipality)
    if actor is None:
        return 0  # the token was revoked: its folder is no longer read
    taken = 0
    for path in _settled_files(folder, now)[:FILES_PER_ROUND]:
        try:
            xml = path.read_bytes()
            gateway.do_receive_system_letter(actor, system, gateway.parse_memo(xml))
        except RuleError as exc:
            _move(path, folder / REFUSED, reason=str(exc))
            continue
        except OSError:
            continue  # taken by another worker, or unreadable now: tried next round
        except Exception as exc:  # a fault of ours: logged by kind, the file stays
            logger.error("digital post folder %s: %s", system.pk, type(exc).__name__)
            continue
        _move(path, folder / DONE)
        taken += 1
    return taken


def _settled_files(folder: Path, now: float) -> list[Path]:
    found = []
    for path in folder.glob("*.xml"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file() and now - stat.st_mtime >= SETTLED_SECONDS:
            found.append((stat.st_mtime, path.name, path))
    return [path for _, _, path in sorted(found)]


def _move(path: Path, target: Path, reason: str = "") -> None:
    try:
        target.mkdir(mode=0o700, exist_ok=True)
        if reason:
            (target / f"{path.name}.txt").write_text(reason + "\n", encoding="utf-8")
        path.replace(target / path.name)
    except OSError:
        pass  # another worker moved it first
