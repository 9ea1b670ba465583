from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Municipality, Organisation, Publication


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "region", "section"]
    list_filter = ["region"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "discipline", "line"]
    list_filter = ["discipline", "line"]
    search_fields = ["name"]


class PublicationViewSet(SnippetViewSet):
    """The publications that pages cite: their full reference shows once on every citing page."""

    model = Publication
    icon = "doc-full"
    list_display = ["short", "fieldwork"]
    search_fields = ["short", "reference"]


class NetworkSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Netwerk")
    menu_icon = "site"
    menu_order = 300
    items = (MunicipalityViewSet, OrganisationViewSet, PublicationViewSet)


register_snippet(NetworkSnippetGroup)
