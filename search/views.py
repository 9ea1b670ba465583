"""The search API (/api/v1/search/) and the search page (/zoeken/): two views on the one search service."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.models import Theme

from .query import SearchInputError, parse_search_query
from .service import search_service

PAGE_SIZE = 10


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
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    """Search-as-you-type: titles that start with what the reader typed so far."""
    prefix = (request.GET.get("q") or "").strip()
    if len(prefix) > 100:
        return JsonResponse({"error": _("Te lang: hoogstens 100 tekens.")}, status=400)
    prefix = "".join(ch for ch in prefix if ch.isprintable())
    return JsonResponse({"query": prefix, "suggestions": search_service().suggest(prefix) if len(prefix) >= 2 else []})


@require_GET
def search_page(request):
    """The search page: works without JavaScript; facets are checkboxes in the same GET form."""
    params = request.GET.copy()
    page_number = _page_number(params.pop("pagina", ["1"])[-1])
    params["limit"] = str(PAGE_SIZE)
    params["offset"] = str((page_number - 1) * PAGE_SIZE)
    context = {"q": request.GET.get("q", ""), "page_number": page_number}
    try:
        query = parse_search_query(params)
    except SearchInputError as error:
        context["error"] = str(error)
        return TemplateResponse(request, "search/search_page.html", context, status=400)
    results = search_service().search(query)
    pages = max(1, -(-results.count // PAGE_SIZE))
    query_without_page = request.GET.copy()
    query_without_page.pop("pagina", None)
    context.update(
        {
            "query": query,
            "results": results,
            "page_count": pages,
            "page_range": range(1, pages + 1),
            "query_without_page": query_without_page.urlencode(),
            "related_themes": Theme.objects.all()[:8] if not results.count else [],
        }
    )
    return TemplateResponse(request, "search/search_page.html", context)


def _page_number(raw):
    try:
        return max(1, min(int(raw), 1000))
    except ValueError:
        return 1
