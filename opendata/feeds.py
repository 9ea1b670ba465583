"""RSS and Atom feeds of what is new, for the whole site or any search or filter combination.

``/feeds/rss/?region=zeeland&theme=echtscheidingsloket`` is "everything about the echtscheidingsloket in Zeeland".
The items come from the one search service, with the same parameters as the search API, so a feed lists exactly
what the search page shows for the same query string; filtering logic lives in search/ only.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from practices.views import refuse_unpublished_tags
from search.query import SearchInputError

from .results import FEED_PARAMETERS, describe_filters, fetch_documents, parse, plain_text, search

FEED_SIZE = 50
# Without a `type`, a feed follows what is published: new practices and news, not profile edits.
DEFAULT_TYPES = "practice,update"


class SearchFeed(Feed):
    """The RSS 2.0 feed; ``SearchAtomFeed`` is the same feed in Atom."""

    feed_type = Rss201rev2Feed
    language = "nl"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchInputError as error:
            # The reader (or their feed reader) typed something we cannot answer: say what, in Dutch, as text.
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs):
        params = request.GET.copy()
        if not params.get("type"):
            params["type"] = DEFAULT_TYPES
        query = parse(params, allowed=FEED_PARAMETERS, limit=FEED_SIZE)
        refuse_unpublished_tags(query)
        results = search(query)
        documents = fetch_documents(hit.id for hit in results.hits)
        return {
            "query": query,
            "hits": [hit for hit in results.hits if hit.id in documents],
            "documents": documents,
            "query_string": _feed_query_string(request),
            "feed_path": request.get_full_path(),
        }

    def feed_url(self, obj):
        # The feed's own address ("self"), with its filters: otherwise every filtered feed would claim the site's.
        return obj["feed_path"]

    def title(self, obj):
        described = describe_filters(obj["query"], skip_default_types=DEFAULT_TYPES)
        name = _("Netwerk Complexe Scheidingen")
        return f"{name} — {described}" if described else f"{name} — {_('nieuwe praktijken en nieuws')}"

    def description(self, obj):
        if obj["query"].text:
            return _("Wat het platform vindt voor ‘%(q)s’, best passend eerst.") % {"q": obj["query"].text}
        return _("Nieuwe praktijken en nieuws uit de regio’s, nieuwste eerst.")

    def link(self, obj):
        # The page that shows the same selection: the search page with the same query string.
        return "/zoeken/" + (f"?{obj['query_string']}" if obj["query_string"] else "")

    def items(self, obj):
        return [(hit, obj["documents"][hit.id]) for hit in obj["hits"]]

    def item_title(self, item):
        return item[0].title

    def item_link(self, item):
        return item[0].url

    def item_description(self, item):
        # RSS descriptions and Atom summaries (type="html") are HTML to a feed reader, and a summary is plain text
        # a coordinator typed: escaped, "<img onerror=…>" reads as those characters instead of becoming markup.
        hit, document = item
        return escape(document.summary or plain_text(hit.snippet))

    def item_pubdate(self, item):
        return item[1].published_at

    def item_updateddate(self, item):
        return item[1].published_at

    def item_author_name(self, item):
        hit = item[0]
        return hit.initiative_title or hit.region_title or None

    def item_categories(self, item):
        return [theme.label for theme in item[1].themes.all()]


class SearchAtomFeed(SearchFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = SearchFeed.description


def _feed_query_string(request):
    kept = request.GET.copy()
    for name in list(kept):
        if name not in FEED_PARAMETERS:
            del kept[name]
    return kept.urlencode()
