"""The read-only Wagtail API v2 at /api/v2/: live public pages, images, documents, and the vocabularies.

Images and documents are only those that a live, public page uses (``editorial.media``). Pages show only the
fields their models list in ``api_fields`` (never a contact's e-mail address). Themes and
factors are snippets; they get small endpoints of the same shape, so a client can resolve the slugs that pages
carry. ``/api/v2/regions/`` lists the region pages.
"""

import re

from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from editorial.media import public_media
from network.models import RegionPage
from practices.models import Factor, Theme
from search.query import MAX_RESULT_WINDOW

# Wagtail hands ``search`` to the database's full-text engine, whose own syntax (quotes, operators, columns)
# and parser limits (SQLite's FTS5 overflows on ~90 words) turn typed text into server errors. Only the words go
# through, lower-cased (FTS5 reads AND, OR, NOT and NEAR in capitals as operators), and only so many of them.
MAX_SEARCH_WORDS = 20
# As deep as the search API pages: a client reads further by narrowing, not by an offset in the millions.
MAX_OFFSET = MAX_RESULT_WINDOW
# The largest id a page, image or document can have (PostgreSQL's integer); a larger one in the URL is a 404
# rather than an integer overflow in the database.
MAX_ID = 2**31 - 1
MAX_SEARCH_LENGTH = 1000
WORD = re.compile(r"[^\W_]+")


class WordsOnlySearchFilter(SearchFilter):
    """Wagtail's ``?search=`` on the plain words of the query (checked by ``CheckedParametersMixin``)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = WORD.findall(request.GET["search"].lower())
        if not words:
            return queryset.none()
        operator = request.GET.get("search_operator") or None
        return super().filter_queryset(_WithSearch(request, " ".join(words), operator), queryset, view)


class _WithSearch:
    """The request as the search filter sees it: the same, with the cleaned query and operator."""

    def __init__(self, request, search, operator):
        self._request = request
        self.GET = request.GET.copy()
        self.GET["search"] = search
        self.GET.pop("search_operator", None)
        if operator:
            self.GET["search_operator"] = operator

    def __getattr__(self, name):
        return getattr(self._request, name)


class CheckedParametersMixin:
    """The query parameters every endpoint shares, checked before they reach the database."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        if (params.get("search_operator") or None) not in (None, "and", "or"):
            raise BadRequestError(_("search_operator kan alleen ‘and’ of ‘or’ zijn."))
        text = params.get("search", "")
        if len(text) > MAX_SEARCH_LENGTH:
            raise BadRequestError(_("De zoekvraag is te lang: hoogstens %(max)d tekens.") % {"max": MAX_SEARCH_LENGTH})
        if len(WORD.findall(text)) > MAX_SEARCH_WORDS:
            raise BadRequestError(_("Zoek met hoogstens %(max)d woorden.") % {"max": MAX_SEARCH_WORDS})
        offset = params.get("offset")
        # A number beyond the database's integer range is a server error in SQLite and PostgreSQL alike.
        if offset not in (None, "") and not (offset.isascii() and offset.isdigit() and int(offset) <= MAX_OFFSET):
            raise BadRequestError(
                _("offset moet een geheel getal van 0 tot en met %(max)d zijn.") % {"max": MAX_OFFSET}
            )

    def detail_view(self, request, pk):
        if int(pk) > MAX_ID:
            raise Http404(_("Dit item bestaat niet."))
        return super().detail_view(request, pk)

    @classmethod
    def with_words_only_search(cls, filter_backends):
        return [WordsOnlySearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class CheckedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Live public pages, as Wagtail's pages endpoint, with its parameters checked."""

    filter_backends = CheckedParametersMixin.with_words_only_search(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    """Images that a live, public page uses; a coordinator's upload stays out until such a page is published."""

    filter_backends = CheckedParametersMixin.with_words_only_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_media(super().get_queryset())


class PublicDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    """Documents that a live, public page uses, as the document serve view allows them to anyone."""

    filter_backends = CheckedParametersMixin.with_words_only_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_media(super().get_queryset())


class ThemesAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    """The curated themes, with their fixed slugs."""

    model = Theme
    body_fields = [*BaseAPIViewSet.body_fields, "slug", "label", "label_en", "description"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "slug", "label", "label_en"]
    name = "themes"


class FactorsAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    """The facilitating and limiting factors, with their fixed slugs."""

    model = Factor
    body_fields = [*BaseAPIViewSet.body_fields, "slug", "kind", "label", "label_en", "description"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "slug", "kind", "label", "label_en"]
    name = "factors"


class RegionsAPIViewSet(CheckedPagesAPIViewSet):
    """The regions: the pages API restricted to live public region pages."""

    model = RegionPage
    listing_default_fields = [*CheckedPagesAPIViewSet.listing_default_fields, "slug", "provinces"]
    name = "regions"


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("factors", FactorsAPIViewSet)
api_router.register_endpoint("regions", RegionsAPIViewSet)
