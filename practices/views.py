"""The practices overview at /praktijken/: a view on the one search service, listing practices without a query.

Filtering, counting and ordering live in the search service, so the overview, the search page, the API and the
feeds agree on what a filter means.
"""

from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from taggit.models import Tag

from network.models import RegionPage
from network.places import attach_places
from search.facets import FACET_NAMES
from search.pagination import paginate
from search.query import SearchInputError, UnknownFilterValue, parse_search_query
from search.questions import log_question
from search.views import concept_filters, params_without_page

from .models import PracticePage, Theme, unpublished_tags

# How many tags the filter shows with their counts before "more"; the rest are a click (and a search) away.
TOP_TAGS = 12

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
            "selected_tags": request.GET.getlist("tag"),
        }
    )
    context["top_tags"], context["more_tags"] = _tag_options(context["selected_tags"])
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
            "kind_labels": _kind_labels(results.results.hits),
        }
    )
    if results.number == 1 and not context["is_filtered"] and not context["q"]:
        context["newest_per_region"] = newest_practice_per_region()
    return TemplateResponse(request, page.get_template(request), context)


def newest_practice_per_region():
    """The most recently published practice of each region (its own or one of its initiatives'), by region name.

    The overview lists the newest practices first, and the study's national lessons, loaded last, would fill its
    whole first page: a reader looking for what regions do saw no region at all. This row puts every region's
    newest practice at the top of the unfiltered first page, from the pages' own place in the tree and their
    publication date; nobody picks them. A fixed number of queries, however many practices there are.
    """
    regions = list(RegionPage.objects.live().public().order_by("title").only("pk", "path", "depth", "title"))
    newest = {}
    candidates = (
        PracticePage.objects.live()
        .public()
        .filter(depth__gt=min((region.depth for region in regions), default=0))
        .order_by("-first_published_at", "-pk")
        .values_list("pk", "path")
    )
    for pk, path in candidates:
        for region in regions:
            if path.startswith(region.path) and region.pk not in newest:
                newest[region.pk] = pk
    practices = PracticePage.objects.filter(pk__in=newest.values()).for_listing().in_bulk()
    return attach_places([practices[newest[region.pk]] for region in regions if region.pk in newest])


def _tag_options(selected):
    """The tag filter's choices: the most used tags (and the chosen ones) first, then the rest by name.

    The search service does not count tags, so the counts come from the database in one query: how many live,
    public practices carry each tag (a draft's tags never show), over the whole overview rather than the current
    filters.
    """
    public = PracticePage.objects.live().public()
    tags = list(
        Tag.objects.filter(practices_practicepagetag_items__content_object__in=public)
        .annotate(practice_count=Count("practices_practicepagetag_items", distinct=True))
        .order_by("-practice_count", "name")
    )
    top = [tag for position, tag in enumerate(tags) if position < TOP_TAGS or tag.slug in selected]
    more = sorted((tag for tag in tags if tag not in top), key=lambda tag: tag.name.lower())
    return top, more


def _kind_labels(page_of_hits):
    """Each listed practice's kind ("Werkwijze", "Geleerde les", ...), as the home page's cards label them."""
    ids = [hit.id for hit in page_of_hits]
    kinds = dict(PracticePage.objects.filter(pk__in=ids).values_list("pk", "kind"))
    labels = dict(PracticePage.Kind.choices)
    return {pk: labels.get(kind, "") for pk, kind in kinds.items()}


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
