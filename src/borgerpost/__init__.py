"""borgerpost: citizens' inquiries to council members, for Danish municipalities."""

__version__ = "0.1.0"
