"""What search knows about the knowledge base: the facets it narrows by and the page types it returns.

Everything else in the project reads these two registries: the query parser (which parameters exist), both
backends (how a facet is filtered and counted, how much a page type weighs), the labels shown to readers, the
search document (what each page type contributes), the feeds, the export and the practices overview.
Adding a facet is one ``Facet`` entry plus the field on ``SearchDocument``; adding a page type is one ``PageType``
entry plus a ``DocumentAdapter`` (search/adapters.py).

A facet is stored in one of three ways, and each backend knows what to do with each way:
- ``COLUMN``: one value per document, a column of ``SearchDocument`` and a keyword field in Elasticsearch;
- ``RELATION``: several values per document, a many-to-many relation of ``SearchDocument`` to the label model,
  a keyword list in Elasticsearch;
- ``CHOICES``: several values per document from a fixed list of choices, a comma-separated column of
  ``SearchDocument`` and a keyword list in Elasticsearch.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

COLUMN = "column"
RELATION = "relation"
CHOICES = "choices"


@dataclass(frozen=True)
class Facet:
    """One way to narrow a search; several values of one facet widen (OR), several facets narrow (AND).

    ``name`` is the query-string parameter and the key in every result; ``field`` is where the document keeps the
    values (the Elasticsearch field; for a relation also the ``SearchDocument`` relation). Values are slugs,
    labelled from ``label_model`` (its ``slug`` and ``label_field``) or from ``choices``.
    """

    name: str
    label: Promise
    storage: str
    field: str
    label_model: str = ""  # "app_label.ModelName"
    label_field: str = ""
    choices: str = ""  # dotted path of a TextChoices class, or "page_types" for the page-type registry
    counted: bool = True  # counted and offered on the search page
    # Values exist for readers only once a searchable page carries them (a draft's free tags are not public).
    carried_only: bool = False

    @property
    def model(self):
        return apps.get_model(self.label_model) if self.label_model else None

    def choice_labels(self):
        """value → label for a facet with fixed choices."""
        if self.choices == "page_types":
            return {page_type.name: page_type.label for page_type in PAGE_TYPES}
        return dict(import_string(self.choices).choices)


@dataclass(frozen=True)
class PageType:
    """A kind of page search returns, with the weight its hits get over equally relevant hits of other kinds."""

    name: str
    label: Promise
    model_label: str  # "app_label.ModelName"
    weight: float
    adapter: str  # dotted path of its DocumentAdapter class

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @cached_property
    def document_adapter(self):
        return import_string(self.adapter)()


FACETS = (
    Facet("region", _("Regio"), COLUMN, "region", label_model="network.RegionPage", label_field="title"),
    Facet(
        "initiative", _("Initiatief"), COLUMN, "initiative", label_model="network.InitiativePage", label_field="title"
    ),
    Facet("theme", _("Thema"), RELATION, "themes", label_model="practices.Theme", label_field="label"),
    Facet("factor", _("Factor"), RELATION, "factors", label_model="practices.Factor", label_field="label"),
    Facet("discipline", _("Discipline"), CHOICES, "disciplines", choices="network.choices.Discipline", counted=False),
    # Tags are the practices' free keywords: too many to count on every search, offered by the overview.
    Facet(
        "tag",
        _("Trefwoord"),
        RELATION,
        "tags",
        label_model="taggit.Tag",
        label_field="name",
        counted=False,
        carried_only=True,
    ),
    Facet("type", _("Soort"), COLUMN, "type", choices="page_types"),
)

# Readers come for practices they can learn from; an initiative's profile comes next. Region pages and news
# mention many words in passing, so with equal text relevance they rank below the pages that are about them.
PAGE_TYPES = (
    PageType("practice", _("Praktijk"), "practices.PracticePage", 1.3, "search.adapters.PracticeAdapter"),
    PageType("initiative", _("Initiatief"), "network.InitiativePage", 1.1, "search.adapters.InitiativeAdapter"),
    PageType("update", _("Nieuws"), "network.UpdatePage", 0.9, "search.adapters.UpdateAdapter"),
    PageType("region", _("Regio"), "network.RegionPage", 0.6, "search.adapters.RegionAdapter"),
)

FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
FACET_NAMES = tuple(FACETS_BY_NAME)
COUNTED_FACETS = tuple(facet for facet in FACETS if facet.counted)
PAGE_TYPES_BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
TYPE_WEIGHTS = {page_type.name: page_type.weight for page_type in PAGE_TYPES}


def facet(name):
    return FACETS_BY_NAME[name]


def page_type_choices():
    return [(page_type.name, page_type.label) for page_type in PAGE_TYPES]


def searchable_models():
    return [page_type.model for page_type in PAGE_TYPES]


def page_type_of(page):
    """The ``PageType`` of a (specific) page, or None when search does not return its kind."""
    for page_type in PAGE_TYPES:
        if isinstance(page, page_type.model):
            return page_type
    return None


def label_of(name):
    """The reader's name for a facet ("Thema"), or the parameter name itself when there is no such facet."""
    found = FACETS_BY_NAME.get(name)
    return found.label if found else name
