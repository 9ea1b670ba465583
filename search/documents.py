"""Flatten a public page into the fields that search needs. Both backends index exactly these."""

from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from wagtail.models import Page

from network.models import InitiativePage, RegionPage, UpdatePage
from network.places import attach_places
from practices.models import PracticePage

TYPE_OF_MODEL = {PracticePage: "practice", InitiativePage: "initiative", UpdatePage: "update", RegionPage: "region"}


def searchable_pages():
    """Every page that search may return: live, public, and of a searchable type."""
    return Page.objects.live().public().type(*TYPE_OF_MODEL).specific()


def is_searchable(page):
    page = page.specific
    return type(page) in TYPE_OF_MODEL and page.live and not page.get_view_restrictions().exists()


def build_documents(pages):
    """One dict per page, with the page's themes, factors, tags and place, in a fixed number of queries."""
    pages = attach_places(pages)
    _prefetch(pages)
    return [_document(page) for page in pages]


def _document(page):
    kind = TYPE_OF_MODEL[type(page)]
    initiative, region = page.place
    themes = list(getattr(page, "_search_themes", []))
    factors = list(getattr(page, "_search_factors", []))
    tags = list(getattr(page, "_search_tags", []))
    municipalities = list(getattr(page, "_search_municipalities", []))
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
        "tags": [tag.name for tag in tags],
        "tag_slugs": [tag.slug for tag in tags],
        "disciplines": list(getattr(page, "disciplines", []) or []),
        "summary": _summary(page),
        "text": _text(page),
        "keywords": " ".join(
            [theme.label for theme in themes]
            + [factor.label for factor in factors]
            + [tag.name for tag in tags]
            + municipalities
            + ([initiative.title] if initiative and initiative.pk != page.pk else [])
            + ([region.title] if region and region.pk != page.pk else [])
        ),
        "published_at": page.last_published_at or page.first_published_at,
    }


def _summary(page):
    return getattr(page, "summary", "") or getattr(page, "intro", "") or ""


def _text(page):
    parts = []
    body = getattr(page, "body", None)
    if body:
        parts.append(strip_tags(str(body)))
    for name in ("results", "lessons", "coordinator", "meeting_rhythm", "steering_group", "sub_working_groups"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value:
            parts.append(value)
    if isinstance(page, InitiativePage):
        parts.extend(factor.note for factor in page.factors.all() if factor.note)
        parts.extend(lesson.text for lesson in page.lessons.all())
    if isinstance(page, RegionPage):
        parts.append(page.provinces)
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _prefetch(pages):
    """Attach themes, factors, tags and municipalities per page type in one query each."""
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for model, group in by_type.items():
        lookups = []
        if model in (PracticePage, InitiativePage):
            lookups.append("themes")
        if model is PracticePage:
            lookups += ["factors", "tags"]
        if model is InitiativePage:
            lookups += ["factors__factor", "lessons", "municipalities"]
        if model is RegionPage:
            lookups.append("municipalities")
        if lookups:
            prefetch_related_objects(group, *lookups)
        for page in group:
            if model in (PracticePage, InitiativePage):
                page._search_themes = page.themes.all()
            if model is PracticePage:
                page._search_factors = page.factors.all()
                page._search_tags = page.tags.all()
            if model is InitiativePage:
                page._search_factors = [item.factor for item in page.factors.all()]
            if model in (InitiativePage, RegionPage):
                page._search_municipalities = [municipality.name for municipality in page.municipalities.all()]
