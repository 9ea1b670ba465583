"""The knowledge base's search documents: one flat record per public page, the same for both backends.

A practice, initiative, update or region page is flattened into a ``SearchDocument`` when it is published (and
removed when it is unpublished or deleted). The database backend searches these rows with Wagtail's database
search and computes facets on them in SQL; the Elasticsearch backend indexes the very same fields.
"""

from django.db import models
from taggit.models import Tag
from wagtail.search import index

from core.fields import MultipleChoiceField
from network.choices import Discipline
from practices.models import Factor, Theme

from .facets import page_type_choices


class SearchDocument(index.Indexed, models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    type = models.CharField(max_length=20, choices=page_type_choices(), db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    region = models.CharField(max_length=100, blank=True, db_index=True)
    initiative = models.CharField(max_length=100, blank=True, db_index=True)
    region_title = models.CharField(max_length=255, blank=True)
    initiative_title = models.CharField(max_length=255, blank=True)
    themes = models.ManyToManyField(Theme, related_name="search_documents", blank=True)
    factors = models.ManyToManyField(Factor, related_name="search_documents", blank=True)
    tags = models.ManyToManyField(Tag, related_name="search_documents", blank=True)
    disciplines = MultipleChoiceField(choices=Discipline.choices)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Body text, results and lessons, as plain text.")
    # Words that describe the page without being in its text: theme and factor labels, tags, municipalities.
    keywords = models.TextField(blank=True)
    published_at = models.DateTimeField(db_index=True)

    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("summary", boost=2),
        index.SearchField("keywords", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("type"),
        index.FilterField("region"),
        index.FilterField("initiative"),
        index.FilterField("published_at"),
    ]

    # The search service writes each document into Wagtail's index itself (search/indexing.py), once per change;
    # Wagtail's own save handler would write it a second time.
    search_auto_update = False

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title
