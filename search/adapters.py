"""What each page type contributes to its search document.

The search document (search/documents.py) has the same fields for every page; an adapter says where a page type
keeps them. ``prefetch`` names the relations read here, so a batch of pages of one type is flattened in one
query per relation whatever its size.
"""

import html

from django.utils.html import strip_tags


class DocumentAdapter:
    """The defaults: a page with a title, an introduction and nothing to filter by but its place."""

    prefetch = ()
    # Plain-text fields whose words belong to the page's text besides its body.
    text_fields = ()

    def summary(self, page):
        return getattr(page, "intro", "") or ""

    def themes(self, page):
        return []

    def factors(self, page):
        return []

    def tags(self, page):
        return []

    def disciplines(self, page):
        return []

    def municipalities(self, page):
        """Names of the municipalities the page is about: readers search for their own."""
        return []

    def text(self, page):
        parts = []
        body = getattr(page, "body", None)
        if body:
            # Plain text, entities decoded: a snippet escapes it once (an entity left in would show as "&#x27;").
            parts.append(html.unescape(strip_tags(str(body))))
        parts.extend(getattr(page, name) for name in self.text_fields)
        parts.extend(self.extra_text(page))
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def extra_text(self, page):
        return []


class PracticeAdapter(DocumentAdapter):
    prefetch = ("themes", "factors", "tags")
    text_fields = ("results", "lessons")

    def summary(self, page):
        return page.summary

    def themes(self, page):
        return list(page.themes.all())

    def factors(self, page):
        return list(page.factors.all())

    def tags(self, page):
        return list(page.tags.all())

    def disciplines(self, page):
        return list(page.disciplines or [])


class InitiativeAdapter(DocumentAdapter):
    prefetch = ("themes", "factors__factor", "lessons", "municipalities")
    text_fields = ("coordinator", "meeting_rhythm", "steering_group", "sub_working_groups")

    def summary(self, page):
        return page.summary

    def themes(self, page):
        return list(page.themes.all())

    def factors(self, page):
        return [row.factor for row in page.factors.all()]

    def municipalities(self, page):
        return [municipality.name for municipality in page.municipalities.all()]

    def extra_text(self, page):
        notes = [row.note for row in page.factors.all() if row.note]
        return notes + [lesson.text for lesson in page.lessons.all()]


class UpdateAdapter(DocumentAdapter):
    pass


class RegionAdapter(DocumentAdapter):
    prefetch = ("municipalities",)
    text_fields = ("provinces",)

    def municipalities(self, page):
        return [municipality.name for municipality in page.municipalities.all()]
