"""The search API (/api/v1/search/) and the search page (/zoeken/): two views on the one search service."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.models import Theme

from .pagination import paginate
from .query import SearchInputError, parse_search_query
from .service import search_service

PAGE_SIZE = 10
# A question names one or two concepts; more offers are noise.
MAX_CONCEPT_FILTERS = 3
MAX_SUGGEST_LENGTH = 100


@require_GET
def search_api(request):
    try:
        query = parse_search_query(request.GET)
    except SearchInputError as error:
        return JsonResponse({"error": str(error)}, status=400)
    results = search_service().search(query)
    body = {
        "query": query.text,
        "backend": results.backend,
        "count": results.count,
        "results": [
            {
                "type": hit.type,
                "title": hit.title,
                "url": hit.url,
                "initiative": hit.initiative,
                "region": hit.region,
                "themes": hit.themes,
                "factors": hit.factors,
                "tags": hit.tags,
                "snippet": hit.snippet,
                "score": hit.score,
            }
            for hit in results.hits
        ],
        "facets": {
            facet: [{"value": item.value, "label": item.label, "count": item.count} for item in values]
            for facet, values in results.facets.items()
        },
    }
    if results.fallback_reason:
        body["fallback"] = results.fallback_reason
    if results.suggestions:
        body["suggestions"] = results.suggestions
    if results.concepts:
        body["concepts"] = [
            {"facet": match.concept.facet, "value": match.concept.slug, "label": match.concept.label}
            for match in results.concepts
        ]
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    """Search-as-you-type: titles that start with what the reader typed so far."""
    prefix = (request.GET.get("q") or "").strip()
    if len(prefix) > MAX_SUGGEST_LENGTH:
        return JsonResponse({"error": _("Te lang: hoogstens 100 tekens.")}, status=400)
    prefix = "".join(ch for ch in prefix if ch.isprintable())
    return JsonResponse({"query": prefix, "suggestions": search_service().suggest(prefix) if len(prefix) >= 2 else []})


@require_GET
def search_page(request):
    """The search page: works without JavaScript; facets are checkboxes in the same GET form."""
    params = request.GET.copy()
    raw_page_number = params.pop("pagina", ["1"])[-1]
    params["limit"] = str(PAGE_SIZE)
    context = {"q": request.GET.get("q", "")}
    try:
        query = parse_search_query(params)
    except SearchInputError as error:
        context["error"] = str(error)
        return TemplateResponse(request, "search/search_page.html", context, status=400)
    page = paginate(query, raw_page_number)
    results = page.results
    context.update(
        {
            "query": query,
            "page_obj": page,
            "results": results,
            "facet_groups": results.facet_groups(),
            "concept_filters": concept_filters(request, results),
            "query_without_page": params_without_page(request),
            "related_themes": Theme.objects.all()[:8] if not results.count else [],
        }
    )
    return TemplateResponse(request, "search/search_page.html", context)


def concept_filters(request, results, facets=None):
    """One-click filters for the concepts the question names ("Thema: Casusoverleg"), as (label, query string).

    A concept already chosen as a filter, or of a facet the page does not filter by, is not offered.
    """
    links = []
    for match in results.concepts[:MAX_CONCEPT_FILTERS]:
        concept = match.concept
        if (facets is not None and concept.facet not in facets) or concept.slug in request.GET.getlist(concept.facet):
            continue
        params = request.GET.copy()
        params.pop("pagina", None)
        params.appendlist(concept.facet, concept.slug)
        links.append((concept.filter_label, params.urlencode()))
    return links


def params_without_page(request):
    """The request's query string without its page number: the base of every page link."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()
