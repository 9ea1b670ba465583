"""The one interface both search backends implement, and the shapes of what they return."""

from dataclasses import dataclass, field

from ..facets import COUNTED_FACETS, PAGE_TYPES_BY_NAME


class SearchUnavailable(Exception):
    """The backend cannot answer now (down, timed out, misconfigured); the service falls back to the database."""


@dataclass
class SearchHit:
    id: int
    type: str
    title: str
    url: str
    initiative: str | None
    region: str | None
    initiative_title: str = ""
    region_title: str = ""
    themes: list = field(default_factory=list)
    factors: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    snippet: str = ""
    score: float = 0.0

    @property
    def type_label(self):
        return PAGE_TYPES_BY_NAME[self.type].label


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: str
    backend: str
    count: int
    hits: list
    facets: dict  # facet name → list[FacetValue]
    fallback_reason: str = ""  # set when the database answered because Elasticsearch could not
    suggestions: list = field(default_factory=list)  # "did you mean" terms when nothing matched
    approximate: bool = False  # a typed word was taken for a typo: hits may only resemble it
    concepts: list = field(default_factory=list)  # ConceptMatch: the themes, factors, places the question names

    def facet_groups(self, leave_out=()):
        """(facet, values) for each counted facet with values, in the registry's order: what a page offers."""
        return [
            (facet, self.facets[facet.name])
            for facet in COUNTED_FACETS
            if self.facets.get(facet.name) and facet.name not in leave_out
        ]


class SearchBackend:
    """What the search service asks of a backend.

    ``search`` answers a checked ``SearchQuery`` with hits for the requested window, the total count and the facet
    counts. ``facets`` counts per facet ignore that facet's own selection, so a reader can widen a facet by ticking
    another value. ``all_hits`` yields every hit in the search's order, however many, for exports.
    ``index_documents``/``remove_documents`` keep the backend current as pages are published.
    """

    name = ""
    counted_facets = COUNTED_FACETS

    def search(self, query):
        raise NotImplementedError

    @staticmethod
    def labelled_facets(counts_by_facet, query):
        """Facet counts (facet → value → count) as labelled values, the most frequent first, the chosen ones marked."""
        from ..vocabulary import labels_by_facet

        names = labels_by_facet(counts_by_facet)
        facets = {}
        for facet, counts in counts_by_facet.items():
            chosen = set(query.filters.get(facet, ()))
            values = [
                FacetValue(value=value, label=names[facet].get(value, value), count=count, selected=value in chosen)
                for value, count in counts.items()
            ]
            facets[facet] = sorted(values, key=lambda item: (-item.count, item.label))
        return facets

    def all_hits(self, query):
        raise NotImplementedError

    def index_documents(self, documents):
        raise NotImplementedError

    def remove_documents(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents):
        raise NotImplementedError
