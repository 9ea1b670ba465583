from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ExchangeRequest


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Editors read requests and may delete one (say, when its sender asks), but never create or change them:
    a request is what its sender wrote."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


# Registered before the viewset asks for a policy, as Wagtail 8 requires.
register_permission_policy(ExchangeRequest, ReadOnlyPermissionPolicy(ExchangeRequest))


class ExchangeRequestInspectView(InspectView):
    """A request as its sender wrote it: with its line breaks, and received at the site's own time (as in the
    list), not in UTC."""

    def get_message_display_value(self):
        return linebreaksbr(self.object.message)

    def get_sender_region_display_value(self):
        return self.object.sender_region or "—"

    def get_created_at_display_value(self):
        return date_format(localtime(self.object.created_at), "DATETIME_FORMAT")


class ExchangeRequestViewSet(ModelViewSet):
    """The editors' read-only list of exchange requests, with a detail ("inspect") view per request."""

    model = ExchangeRequest
    icon = "mail"
    menu_label = _("Uitwisselingsverzoeken")
    add_to_admin_menu = True
    menu_order = 310
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ExchangeRequestInspectView
    list_display = ["created_at", "initiative", "kind", "name", "organisation", "sender_region"]
    list_filter = ["kind", "initiative"]
    search_fields = ["name", "organisation", "municipality", "message"]
    form_fields = ["kind", "name", "organisation", "email", "municipality", "message"]
    inspect_view_fields = [
        "created_at",
        "initiative",
        "kind",
        "name",
        "organisation",
        "email",
        "municipality",
        "sender_region",
        "message",
    ]


@hooks.register("register_admin_viewset")
def register_exchange_request_viewset():
    return ExchangeRequestViewSet("exchange_requests")
