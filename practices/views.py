from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from taggit.models import Tag

from network.models import InitiativePage, RegionPage
from network.places import attach_places

from .filters import PracticeFilter, live_practices
from .models import Factor, Theme


def serve_practice_index(page, request):
    """The practices overview: filters from the query string, one page of results, a fixed number of queries."""
    chosen = PracticeFilter.from_query(request.GET)
    practices = chosen.apply(live_practices()).order_by("-first_published_at", "title")
    paginator = Paginator(practices, page.paginate_by)
    results = paginator.get_page(request.GET.get("pagina"))
    attach_places(results.object_list)

    query_without_page = request.GET.copy()
    query_without_page.pop("pagina", None)
    context = page.get_context(request)
    context.update(
        {
            "results": results,
            "chosen": chosen,
            "selected": chosen.selected_slugs(),
            "query_without_page": query_without_page.urlencode(),
            "filter_options": {
                "region": RegionPage.objects.live().public().order_by("title").only("title", "slug"),
                "initiative": InitiativePage.objects.live().public().order_by("title").only("title", "slug"),
                "theme": Theme.objects.all(),
                "factor": Factor.objects.all(),
                "tag": Tag.objects.filter(practices_practicepagetag_items__isnull=False).distinct().order_by("name"),
            },
        }
    )
    # An unknown filter value is the reader's mistake, not an empty result: say so, with 404 as for a missing page.
    status = 404 if chosen.errors else 200
    return TemplateResponse(request, page.get_template(request), context, status=status)
