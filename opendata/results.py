"""What the feeds and the CSV export ask the search service, and the page data they add to its hits.

Both take the search API's parameters, checked by ``parse_search_query``, and never query pages themselves: the
filtering logic exists once, in search/.
"""

from html import unescape

from django.utils.html import strip_tags

from search.facets import FACET_NAMES, FACETS
from search.models import SearchDocument
from search.query import parse_search_query
from search.service import search_service
from search.vocabulary import labels

FEED_PARAMETERS = ("q", *FACET_NAMES)
# The practices overview's own parameters: its filters and its page number (ignored by the export).
EXPORT_PARAMETERS = ("q", *FACET_NAMES, "pagina")


def parse(params, *, allowed, limit):
    """A checked ``SearchQuery`` for ``params``; raises ``SearchInputError`` with a Dutch message."""
    params = params.copy()
    params["limit"] = str(limit)  # our own window; anything else outside ``allowed`` is refused as unknown
    return parse_search_query(params, allowed_parameters={*allowed, "limit"})


def search(query):
    return search_service().search(query)


def all_hits(query):
    """Every hit for ``query``, however many, as they come (an iterator)."""
    return search_service().all_hits(query)


def fetch_documents(ids):
    """The search documents of these page ids, with their themes and factors, in a fixed number of queries."""
    documents = SearchDocument.objects.filter(pk__in=list(ids)).prefetch_related("themes", "factors", "tags")
    return {document.pk: document for document in documents}


def plain_text(snippet):
    """A search snippet (HTML-escaped, with <mark> around the matches) as plain text."""
    return " ".join(unescape(strip_tags(snippet or "")).split())


def describe_filters(query, skip_default_types=""):
    """The filters of a query in words, for a feed's title: "Zeeland · Echtscheidingsloket"."""
    parts = []
    if query.text:
        parts.append(f"‘{query.text}’")
    for facet in FACETS:
        values = query.filters.get(facet.name, ())
        if not values or (facet.name == "type" and ",".join(values) == skip_default_types):
            continue
        names = labels(facet.name, values)
        parts.append(" / ".join(names.get(value, value) for value in values))
    return " · ".join(parts)
