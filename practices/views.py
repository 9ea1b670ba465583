"""The practices overview at /praktijken/: a view on the one search service, listing practices without a query.

Filtering, counting and ordering live in the search service, so the overview, the search page, the API and the
feeds agree on what a filter means.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search.query import SearchInputError, UnknownFilterValue, parse_search_query
from search.service import search_service

from .models import Theme, public_tags, unpublished_tags

# The filters the overview offers; `q` narrows by words too.
PARAMETERS = ("q", "region", "initiative", "theme", "factor", "tag", "discipline")


def serve_practice_index(page, request):
    per_page = page.paginate_by
    number = _page_number(request.GET.get("pagina"))
    query_without_page = request.GET.copy()
    query_without_page.pop("pagina", None)
    context = page.get_context(request)
    context.update(
        {
            "query_without_page": query_without_page.urlencode(),
            "q": request.GET.get("q", ""),
            "theme_labels": dict(Theme.objects.values_list("slug", "label")),
            "tag_options": public_tags().order_by("name"),
            "selected_tags": request.GET.getlist("tag"),
        }
    )
    try:
        results, number = _search(request.GET, number, per_page)
    except SearchInputError as error:
        context["errors"] = getattr(error, "problems", [str(error)])
        # An unknown filter value is like a missing page; any other mistake in the query string is a bad request.
        return TemplateResponse(
            request, page.get_template(request), context, status=404 if isinstance(error, UnknownFilterValue) else 400
        )

    paginator = Paginator(_ResultWindow(results, (number - 1) * per_page), per_page)
    context.update(
        {
            "results": paginator.page(number),
            "search": results,
            "is_filtered": any(key in request.GET for key in PARAMETERS if key != "q"),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def _search(params, number, per_page):
    query_params = params.copy()
    for key in list(query_params):
        if key not in PARAMETERS:
            del query_params[key]
    query_params.setlist("type", ["practice"])
    query_params["limit"] = str(per_page)
    query_params["offset"] = str((number - 1) * per_page)
    query = parse_search_query(query_params)
    refuse_unpublished_tags(query)
    results = search_service().search(query)
    last_page = max(1, -(-results.count // per_page))
    if number > last_page:
        # Past the end (an old link, or a typed page number): show the last page rather than nothing.
        return _search(params, last_page, per_page)
    return results, number


def refuse_unpublished_tags(query):
    """A tag filter must name a tag of a published practice: a draft's tags are not known to readers yet."""
    unknown = unpublished_tags(query.filters.get("tag", ()))
    if unknown:
        shown = ", ".join(f"‘{value[:60]}’" for value in unknown[:5])
        message = _("Onbekende waarde voor %(facet)s: %(values)s.") % {"facet": "tag", "values": shown}
        raise UnknownFilterValue(message, [message])


class _ResultWindow:
    """The search results as a sequence for Django's Paginator: the count is the total, the items one page."""

    def __init__(self, results, offset):
        self.results = results
        self.offset = offset

    def __len__(self):
        return self.results.count

    def __getitem__(self, window):
        if window.start != self.offset:
            raise IndexError(_("Alleen de opgevraagde pagina is beschikbaar."))
        return self.results.hits


def _page_number(raw):
    try:
        return max(1, min(int(raw or 1), 10_000))
    except ValueError:
        return 1
