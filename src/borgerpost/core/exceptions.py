"""Errors shared by every domain app."""


class RuleError(Exception):
    """An action refused by a rule; the message is Danish and shown to the user."""
