"""The practices overview at /praktijken/: a view on the one search service, listing practices without a query.

Filtering, counting and ordering live in the search service, so the overview, the search page, the API and the
feeds agree on what a filter means.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search.facets import FACET_NAMES
from search.pagination import paginate
from search.query import SearchInputError, UnknownFilterValue, parse_search_query
from search.questions import log_question
from search.views import concept_filters, params_without_page

from .models import Theme, public_tags, unpublished_tags

# Every facet narrows the overview, except the page type: the overview lists practices only.
FILTERS = tuple(name for name in FACET_NAMES if name != "type")
PARAMETERS = ("q", *FILTERS)


def serve_practice_index(page, request):
    context = page.get_context(request)
    context.update(
        {
            "query_without_page": params_without_page(request),
            "q": request.GET.get("q", ""),
            "theme_labels": dict(Theme.objects.values_list("slug", "label")),
            "tag_options": public_tags().order_by("name"),
            "selected_tags": request.GET.getlist("tag"),
        }
    )
    try:
        query = parse_search_query(_overview_params(request.GET, page.paginate_by))
        refuse_unpublished_tags(query)
    except SearchInputError as error:
        context["errors"] = getattr(error, "problems", [str(error)])
        # An unknown filter value is like a missing page; any other mistake in the query string is a bad request.
        return TemplateResponse(
            request, page.get_template(request), context, status=404 if isinstance(error, UnknownFilterValue) else 400
        )
    results = paginate(query, request.GET.get("pagina"))
    if results.number == 1:
        log_question(query.text, results.results.count)
    context.update(
        {
            "results": results,
            "search": results.results,
            "facet_groups": results.results.facet_groups(leave_out=("type",)),
            "concept_filters": concept_filters(request, results.results, facets=FILTERS),
            "is_filtered": any(key in request.GET for key in FILTERS),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def _overview_params(params, per_page):
    """The request's filters as search parameters: practices only, one page of ``per_page``; the rest ignored."""
    query_params = params.copy()
    for key in list(query_params):
        if key not in PARAMETERS:
            del query_params[key]
    query_params.setlist("type", ["practice"])
    query_params["limit"] = str(per_page)
    return query_params


def refuse_unpublished_tags(query):
    """A tag filter must name a tag of a published practice: a draft's tags are not known to readers yet."""
    unknown = unpublished_tags(query.filters.get("tag", ()))
    if unknown:
        shown = ", ".join(f"‘{value[:60]}’" for value in unknown[:5])
        message = _("Onbekende waarde voor %(facet)s: %(values)s.") % {"facet": "tag", "values": shown}
        raise UnknownFilterValue(message, [message])
