"""Everything that leaves borgerpost (mail and Digital Post) leaves through one outbox.

An action writes an `OutgoingMessage` row in its own transaction, beside its records and
its audit entry; the worker sends it after the commit, retries with backoff, and records
whether it was sent, is being retried, or could not be delivered (see delivery.py).
"""
