"""Background work that fails is recorded, retried with backoff, or parked for a person,
and never stops the rest (see isolation.py)."""
