"""The sensitive-data scanner: CPR numbers and special-category personal data in
Danish text. Pure Python with no Django import; see `scan`."""

from . import native

# The modules compiled to C, where a build of these very sources exists (see native).
native.activate(__path__)


from .core import (  # noqa: E402
    CATEGORIES,
    CATEGORY_LABELS,
    Finding,
    ScanError,
    Scanner,
    default_scanner,
    scan,
)
from .lexicon import Term  # noqa: E402

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "Finding",
    "ScanError",
    "Scanner",
    "Term",
    "default_scanner",
    "scan",
]
