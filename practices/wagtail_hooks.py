from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Factor, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["label", "slug"]
    search_fields = ["label"]


class FactorViewSet(SnippetViewSet):
    model = Factor
    icon = "pick"
    list_display = ["label", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["label"]


class VocabularySnippetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabulaire")
    menu_icon = "tag"
    menu_order = 310
    items = (ThemeViewSet, FactorViewSet)


register_snippet(VocabularySnippetGroup)
