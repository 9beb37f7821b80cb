"""Full-text search behind one interface, one implementation per database.

PostgreSQL: the `danish` text search configuration, a tsvector per inquiry under a GIN
index, ranked by `ts_rank` with the subject weighted over the text. SQLite (the embedded
default): an FTS5 table holding each word's Snowball stem (pure/searchwords.py, the
same stemmer PostgreSQL uses), ranked by bm25 with the same weights. Both take the
inquiries a person may see (`Inquiry.objects.for_actor`) and narrow them, so a search
can never return more than the access rule allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet

from borgerpost.pure.searchwords import Query, stems

if TYPE_CHECKING:
    from .index import Document

RANK = "search_rank"  # the annotation both backends add: higher is a better match


class SearchBackend(Protocol):
    def write(self, documents: list[Document]) -> None: ...

    def forget(self, inquiry_ids: list[int]) -> None: ...

    def clear(self) -> None: ...

    def matching(self, inquiries: QuerySet, query: Query) -> QuerySet:
        """`inquiries` narrowed to those matching every word of `query`, annotated with
        `search_rank`."""
        ...


class PostgresSearch:
    # ts_rank's weights are given for D, C, B, A: the text (C) counts a quarter of the
    # subject (A), who it is about (B) half.
    WEIGHTS = [0.05, 0.25, 0.5, 1.0]
    UPSERT = """
        INSERT INTO search_searchdocument (inquiry_id, indexed_at, vector)
        VALUES (%s, now(),
            setweight(to_tsvector('danish', %s), 'A')
            || setweight(to_tsvector('danish', %s), 'B')
            || setweight(to_tsvector('danish', %s), 'C'))
        ON CONFLICT (inquiry_id) DO UPDATE
        SET vector = EXCLUDED.vector, indexed_at = EXCLUDED.indexed_at
    """

    def write(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                self.UPSERT, [(d.inquiry_id, d.subject, d.people, d.body) for d in documents]
            )

    def forget(self, inquiry_ids: list[int]) -> None:
        pass  # the document is the inquiry's child row and goes with it

    def clear(self) -> None:
        from .models import SearchDocument

        SearchDocument.objects.all().delete()

    def matching(self, inquiries: QuerySet, query: Query) -> QuerySet:
        wanted = SearchQuery(query.text, config="danish", search_type="plain")
        return inquiries.filter(search_document__vector=wanted).annotate(
            **{RANK: SearchRank(F("search_document__vector"), wanted, weights=self.WEIGHTS)}
        )


class SQLiteSearch:
    TABLE = "search_fts"
    # bm25 scores lower for a better match and takes a weight per column.
    RANK_SQL = f"-bm25({TABLE}, 20.0, 10.0, 1.0)"

    def write(self, documents: list[Document]) -> None:
        from .models import SearchDocument

        ids = [d.inquiry_id for d in documents]
        rows = [
            (d.inquiry_id, _stemmed(d.subject), _stemmed(d.people), _stemmed(d.body))
            for d in documents
        ]
        with connection.cursor() as cursor:
            self._delete(cursor, ids)
            cursor.executemany(
                "INSERT INTO search_fts (rowid, subject, people, body) VALUES (%s, %s, %s, %s)",
                rows,
            )
        # The row that says the inquiry is indexed, as on PostgreSQL (without a vector).
        existing = set(
            SearchDocument.objects.filter(inquiry_id__in=ids).values_list("pk", flat=True)
        )
        SearchDocument.objects.bulk_create(
            [SearchDocument(inquiry_id=i) for i in ids if i not in existing]
        )

    def forget(self, inquiry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            self._delete(cursor, inquiry_ids)

    def clear(self) -> None:
        from .models import SearchDocument

        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
        SearchDocument.objects.all().delete()

    def _delete(self, cursor, ids: list[int]) -> None:  # type: ignore[no-untyped-def]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))  # only placeholders: the ids are parameters
            cursor.execute("DELETE FROM search_fts WHERE rowid IN (" + marks + ")", chunk)  # noqa: S608

    def matching(self, inquiries: QuerySet, query: Query) -> QuerySet:
        # Each stem quoted: a word is a term, never FTS5 syntax (AND, NEAR, column:).
        expression = " ".join(f'"{stem}"' for stem in query.stems)
        table = inquiries.model._meta.db_table
        return inquiries.extra(  # noqa: S610 (no user text in the SQL; the match is a parameter)
            tables=[self.TABLE],
            where=[f"{self.TABLE}.rowid = {table}.id", f"{self.TABLE} MATCH %s"],
            params=[expression],
            select={RANK: self.RANK_SQL},
        )


def _stemmed(text: str) -> str:
    return " ".join(stems(text))


def backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        return PostgresSearch()
    return SQLiteSearch()
