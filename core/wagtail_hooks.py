from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


class LockedLoginViewSet(SnippetViewSet):
    """Failed logins that Axes counts, per account and address; deleting one lifts its lockout at once.

    Only administrators see it (Axes' permissions on AccessAttempt, which no editorial group is given).
    """

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Geblokkeerde aanmeldingen")
    menu_name = "locked-logins"
    menu_order = 900
    add_to_admin_menu = False
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None  # a plain model, not in the search index: the list filters in the database
    ordering = ["-attempt_time"]
    inspect_view_enabled = True


register_snippet(LockedLoginViewSet)


@hooks.register("before_serve_page")
def serve_from_shared_cache(page, request, serve_args, serve_kwargs):
    from .page_cache import serve_and_keep

    return serve_and_keep(page, request, serve_args, serve_kwargs)
