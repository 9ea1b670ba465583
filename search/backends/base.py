"""The one interface both search backends implement, and the shapes of what they return."""

from dataclasses import dataclass, field


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


# Readers come for practices they can learn from; an initiative's profile comes next. Region pages and news
# mention many words in passing, so with equal text relevance they rank below the pages that are about them.
TYPE_WEIGHTS = {"practice": 1.3, "initiative": 1.1, "update": 0.9, "region": 0.6}


class SearchBackend:
    """What the search service asks of a backend.

    ``search`` answers a checked ``SearchQuery`` with hits for the requested window, the total count and the facet
    counts. ``facets`` counts per facet ignore that facet's own selection, so a reader can widen a facet by ticking
    another value. ``index_documents``/``remove_documents`` keep the backend current as pages are published.
    """

    name = ""
    facet_names = ("region", "initiative", "theme", "factor", "type")

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

    def index_documents(self, documents):
        raise NotImplementedError

    def remove_documents(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents, stdout=None):
        raise NotImplementedError
