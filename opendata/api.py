"""The read-only Wagtail API v2 at /api/v2/: live public pages, images, documents, and the vocabularies.

Images and documents are only those that a live, public page uses (``editorial.media``). Pages show only the
fields their models list in ``api_fields`` (never a contact's e-mail address). Themes and
factors are snippets; they get small endpoints of the same shape, so a client can resolve the slugs that pages
carry. ``/api/v2/regions/`` lists the region pages.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from editorial.media import public_media
from network.models import RegionPage
from practices.models import Factor, Theme


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images that a live, public page uses; a coordinator's upload stays out until such a page is published."""

    def get_queryset(self):
        return public_media(super().get_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents that a live, public page uses, as the document serve view allows them to anyone."""

    def get_queryset(self):
        return public_media(super().get_queryset())


class ThemesAPIViewSet(BaseAPIViewSet):
    """The curated themes, with their fixed slugs."""

    model = Theme
    body_fields = [*BaseAPIViewSet.body_fields, "slug", "label", "label_en", "description"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "slug", "label", "label_en"]
    name = "themes"


class FactorsAPIViewSet(BaseAPIViewSet):
    """The facilitating and limiting factors, with their fixed slugs."""

    model = Factor
    body_fields = [*BaseAPIViewSet.body_fields, "slug", "kind", "label", "label_en", "description"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "slug", "kind", "label", "label_en"]
    name = "factors"


class RegionsAPIViewSet(PagesAPIViewSet):
    """The regions: the pages API restricted to live public region pages."""

    model = RegionPage
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "slug", "provinces"]
    name = "regions"


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("factors", FactorsAPIViewSet)
api_router.register_endpoint("regions", RegionsAPIViewSet)
