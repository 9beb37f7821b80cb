"""The sensitive-data scanner: CPR numbers and special-category personal data in
Danish text. Pure Python with no Django import; see `scan`."""

from .core import CATEGORIES, CATEGORY_LABELS, Finding, ScanError, Scanner, default_scanner, scan
from .lexicon import Term

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
