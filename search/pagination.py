"""Search results as something Django's ``Paginator`` pages through, for the search page and the overview.

Each page of results is one search for that page's window. Paging stops at the deepest window a search reaches
(``MAX_RESULT_WINDOW``); the count shown to readers stays the true total.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from .query import MAX_RESULT_WINDOW
from .service import search_service

# Page links either side of the current page, and at either end, in the pagination component.
LINKS_EACH_SIDE = 2
LINKS_AT_ENDS = 1


class SearchResultList:
    """The results of one ``SearchQuery`` as a sequence: its length is the count, each slice one search.

    The query's own window (offset, limit) is the page asked for; counting runs that search, and slicing the
    same window takes its hits without searching again. ``results`` is the latest ``SearchResults``, with the
    facets, suggestions and fallback reason the page shows.
    """

    def __init__(self, query, service=None):
        self.query = query
        self.service = service or search_service()
        self.results = None
        self._by_offset = {}

    def count(self):
        return min(self._search(self.query.offset).count, MAX_RESULT_WINDOW)

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start = item.start or 0
        stop = start + self.query.limit if item.stop is None else item.stop
        # The Paginator asks for whole pages (the last one shorter): one search of a page's size serves it.
        return self._search(start).hits[: stop - start]

    def _search(self, offset):
        if offset not in self._by_offset:
            self.results = self._by_offset[offset] = self.service.search(self.query.window(offset, self.query.limit))
        return self._by_offset[offset]


def paginate(query, raw_page_number, service=None):
    """The page of results a ``?pagina=`` value asks for; a number that names no page is a 404.

    Returns Django's ``Page``, with the search's ``SearchResults`` as ``page.results``.
    """
    try:
        number = int(raw_page_number or 1)
    except (TypeError, ValueError):
        raise Http404(_("Deze pagina bestaat niet.")) from None
    if not 1 <= number <= MAX_RESULT_WINDOW // query.limit:
        raise Http404(_("Deze pagina bestaat niet."))
    results = SearchResultList(query.window((number - 1) * query.limit, query.limit), service)
    paginator = Paginator(results, query.limit)
    try:
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("Deze pagina bestaat niet.")) from None
    page.results = results.results
    page.elided_page_range = list(
        paginator.get_elided_page_range(number, on_each_side=LINKS_EACH_SIDE, on_ends=LINKS_AT_ENDS)
    )
    return page
