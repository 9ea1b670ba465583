"""The editors' report of readers' questions in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class SearchStewardsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_steer_search(request.user)


@hooks.register("register_admin_urls")
def register_question_urls():
    return [
        path("zoekvragen/", admin_views.search_questions, name="search_questions"),
        path("zoekvragen/zoekterm/", admin_views.add_search_term, name="search_add_term"),
    ]


@hooks.register("register_reports_menu_item")
def register_questions_report():
    return SearchStewardsMenuItem(
        _("Zoekvragen van lezers"), reverse("search_questions"), name="search-questions", icon_name="search", order=660
    )
