"""Keep the search backends current as pages are published, unpublished, moved and deleted."""

import logging

from django.db import transaction
from taggit.models import Tag
from wagtail.search import index

from practices.models import Factor, Theme

from .documents import build_documents, is_searchable, searchable_pages
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
    theme_ids = dict(Theme.objects.values_list("slug", "pk"))
    factor_ids = dict(Factor.objects.values_list("slug", "pk"))
    tag_ids = dict(Tag.objects.values_list("slug", "pk"))
    for document in documents:
        with transaction.atomic():
            row, _created = SearchDocument.objects.update_or_create(
                page_id=document["id"], defaults={name: document[name] for name in DOCUMENT_FIELDS}
            )
            row.themes.set([theme_ids[slug] for slug in document["themes"] if slug in theme_ids])
            row.factors.set([factor_ids[slug] for slug in document["factors"] if slug in factor_ids])
            row.tags.set([tag_ids[slug] for slug in document["tag_slugs"] if slug in tag_ids])
        index.insert_or_update_object(row)


def reindex_pages(pages):
    """Bring every backend up to date for these pages: (re)index the searchable ones, remove the rest."""
    from .service import search_service

    pages = [page.specific for page in pages]
    searchable = [page for page in pages if is_searchable(page)]
    gone = [page.pk for page in pages if page not in searchable]
    documents = build_documents(searchable)
    search_service().update(documents, gone)


def reindex_subtree(page):
    """A page and everything below it: titles, places and URLs of descendants depend on their ancestors."""
    reindex_pages(list(page.get_descendants(inclusive=True)))


def all_documents():
    return build_documents(list(searchable_pages()))
