"""What an inquiry is found by (index.py writes it, backends.py reads it)."""

from __future__ import annotations

from typing import Any, Self

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from borgerpost.core.tenancy import TenantQuerySet
from borgerpost.inquiries.models import Inquiry, of_visible_inquiry


class SearchDocumentQuerySet(TenantQuerySet):
    tenant_field = "inquiry__municipality"

    def restricted_to(self, actor: Any) -> Self:
        return self.filter(of_visible_inquiry(actor))


class SearchDocument(models.Model):
    """One row per inquiry. On PostgreSQL `vector` holds its words by the `danish` text
    search configuration, under a GIN index. On SQLite `vector` stays empty and the
    words live in the FTS5 table `search_fts` (migration 0001), keyed by the inquiry id:
    Django has no model for an FTS5 table, so only backends.py touches it."""

    inquiry = models.OneToOneField(
        Inquiry, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()
