"""Keep the search backends current: every change that affects a search document comes through here.

Pages are reindexed when they are published, unpublished, moved, restricted or deleted, and when a label they
carry changes (a theme or factor renamed, a tag renamed or merged, a municipality renamed): search/signals.py
connects those events. Each change reaches every backend through the search service, and writes each document
once.
"""

import logging

from django.db import transaction
from wagtail.models import Page
from wagtail.search import index

from .documents import build_documents, is_searchable, searchable_pages
from .facets import FACETS, RELATION
from .models import SearchDocument

logger = logging.getLogger(__name__)

DOCUMENT_FIELDS = (
    "type",
    "title",
    "url",
    "region",
    "initiative",
    "region_title",
    "initiative_title",
    "disciplines",
    "summary",
    "text",
    "keywords",
    "published_at",
)


def save_search_documents(documents):
    """Write documents into ``SearchDocument`` rows and Wagtail's database search index."""
    relations = [item for item in FACETS if item.storage == RELATION]
    ids_by_slug = {item.name: dict(item.model.objects.values_list("slug", "pk")) for item in relations}
    for document in documents:
        with transaction.atomic():
            row, _created = SearchDocument.objects.update_or_create(
                page_id=document["id"], defaults={name: document[name] for name in DOCUMENT_FIELDS}
            )
            for item in relations:
                ids = ids_by_slug[item.name]
                getattr(row, item.field).set([ids[slug] for slug in document[item.field] if slug in ids])
        index.insert_or_update_object(row)


def reindex_pages(pages, deleted_ids=()):
    """Bring every backend up to date for these pages: (re)index the searchable ones, remove the rest."""
    from .service import search_service

    pages = [page.specific for page in pages]
    searchable = [page for page in pages if is_searchable(page)]
    gone = [page.pk for page in pages if page not in searchable] + list(deleted_ids)
    search_service().update(build_documents(searchable), gone)


def reindex_page_ids(page_ids):
    """Reindex pages by id; ids whose page no longer exists leave the index."""
    pages = list(Page.objects.filter(pk__in=list(page_ids)))
    found = {page.pk for page in pages}
    reindex_pages(pages, deleted_ids=[page_id for page_id in page_ids if page_id not in found])


def reindex_later(page_ids):
    """Reindex these pages once the current transaction has committed (at once outside a transaction)."""
    page_ids = list(page_ids)
    if page_ids:
        transaction.on_commit(lambda: reindex_page_ids(page_ids))


def reindex_subtree(page):
    """A page and everything below it: titles, places and URLs of descendants depend on their ancestors."""
    reindex_pages(list(page.get_descendants(inclusive=True)))


def all_documents():
    return build_documents(list(searchable_pages()))
