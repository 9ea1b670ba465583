"""What the feeds and the CSV export ask the search service, and the page data they add to its hits.

Both take the search API's parameters, checked by ``parse_search_query``, and never query pages themselves: the
filtering logic exists once, in search/.
"""

from html import unescape

from django.utils.html import strip_tags

from search.models import SearchDocument
from search.query import MAX_LIMIT, parse_search_query
from search.service import search_service
from search.vocabulary import labels

# The search API's filters; `tag` too, because the practices overview filters by it.
FILTERS = ("region", "initiative", "theme", "factor", "discipline", "type", "tag")
FEED_PARAMETERS = ("q", *FILTERS)
# The practices overview's own parameters: its filters and its page number (ignored by the export).
EXPORT_PARAMETERS = ("q", "region", "initiative", "theme", "factor", "discipline", "tag", "pagina")


def parse(params, *, allowed, limit):
    """A checked ``SearchQuery`` for ``params``; raises ``SearchInputError`` with a Dutch message."""
    params = params.copy()
    params["limit"] = str(limit)  # our own window; anything else outside ``allowed`` is refused as unknown
    return parse_search_query(params, allowed_parameters={*allowed, "limit"})


def search(query):
    return search_service().search(query)


def all_hits(query):
    """Every hit for ``query``, fetched in windows of the largest size the service allows."""
    hits, offset = [], 0
    while True:
        window = search(_window(query, offset))
        hits.extend(window.hits)
        offset += MAX_LIMIT
        if not window.hits or offset >= window.count:
            return hits


def _window(query, offset):
    from search.query import SearchQuery

    return SearchQuery(text=query.text, filters=query.filters, limit=MAX_LIMIT, offset=offset, backend=query.backend)


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
    for facet in ("region", "initiative", "theme", "factor", "discipline", "tag", "type"):
        values = query.filters.get(facet, ())
        if facet == "type" and ",".join(values) == skip_default_types:
            continue
        names = labels(facet, values)
        if values:
            parts.append(" / ".join(names.get(value, value) for value in values))
    return " · ".join(parts)
