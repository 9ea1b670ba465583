"""Flatten a public page into the fields that search needs. Both backends index exactly these.

Which pages are searchable and what each kind contributes come from the page-type registry (search/facets.py)
and its adapters (search/adapters.py).
"""

from django.db.models import prefetch_related_objects
from wagtail.models import Page

from network.places import attach_places

from .facets import PAGE_TYPES, page_type_of, searchable_models


def searchable_pages():
    """Every page that search may return: live, public, and of a searchable type."""
    return Page.objects.live().public().type(*searchable_models()).specific()


def is_searchable(page):
    page = page.specific
    return page_type_of(page) is not None and page.live and not page.get_view_restrictions().exists()


def build_documents(pages):
    """One dict per page, with the page's themes, factors, tags and place, in a fixed number of queries."""
    pages = attach_places(pages)
    by_type = {page_type.name: [] for page_type in PAGE_TYPES}
    for page in pages:
        by_type[page_type_of(page).name].append(page)
    documents = {}
    for page_type in PAGE_TYPES:
        group = by_type[page_type.name]
        adapter = page_type.document_adapter
        if group and adapter.prefetch:
            prefetch_related_objects(group, *adapter.prefetch)
        for page in group:
            documents[page.pk] = _document(page, page_type.name, adapter)
    return [documents[page.pk] for page in pages]


def _document(page, kind, adapter):
    initiative, region = page.place
    themes = adapter.themes(page)
    factors = adapter.factors(page)
    tags = adapter.tags(page)
    return {
        "id": page.pk,
        "type": kind,
        "title": page.title,
        "url": page.get_url(),
        "region": region.slug if region else "",
        "region_title": region.title if region else "",
        "initiative": initiative.slug if initiative else "",
        "initiative_title": initiative.title if initiative else "",
        "themes": [theme.slug for theme in themes],
        "factors": [factor.slug for factor in factors],
        "tags": [tag.slug for tag in tags],
        "tag_names": [tag.name for tag in tags],
        "disciplines": adapter.disciplines(page),
        "summary": adapter.summary(page),
        "text": adapter.text(page),
        "keywords": " ".join(
            [theme.label for theme in themes]
            + [factor.label for factor in factors]
            + [tag.name for tag in tags]
            + adapter.municipalities(page)
            + ([initiative.title] if initiative and initiative.pk != page.pk else [])
            + ([region.title] if region and region.pk != page.pk else [])
        ),
        "published_at": page.last_published_at or page.first_published_at,
    }
