from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


class ExchangeRequestViewSet(ModelViewSet):
    """The editors' read-only list of exchange requests, with a detail ("inspect") view per request."""

    model = ExchangeRequest
    icon = "mail"
    menu_label = _("Uitwisselingsverzoeken")
    add_to_admin_menu = True
    menu_order = 310
    copy_view_enabled = False
    inspect_view_enabled = True
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
