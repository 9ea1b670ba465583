from django.http import Http404
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from editorial.roles import coordinated_initiatives

from .models import ExchangeRequest

NEVER = frozenset({"add", "change"})


class ExchangeRequestPermissionPolicy(ModelPermissionPolicy):
    """Who reads which requests: the editors all of them (their group's view and delete permissions), each
    coordinator the requests sent to their own initiatives (read-only), nobody else. Nobody creates or changes
    one in the admin: a request is what its sender wrote."""

    def _by_model_permission(self, user, action):
        return action not in NEVER and super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self._by_model_permission(user, action):
            return True
        return action == "view" and coordinated_initiatives(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if self._by_model_permission(user, action):
            return True
        return action == "view" and coordinated_initiatives(user).filter(pk=instance.initiative_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self._by_model_permission(user, action) for action in actions):
            return ExchangeRequest.objects.all()
        if "view" in actions:
            return ExchangeRequest.objects.filter(initiative__in=coordinated_initiatives(user))
        return ExchangeRequest.objects.none()


# Registered before the viewset asks for a policy, as Wagtail 8 requires.
permission_policy = ExchangeRequestPermissionPolicy(ExchangeRequest)
register_permission_policy(ExchangeRequest, permission_policy)


class ExchangeRequestIndexView(IndexView):
    def get_base_queryset(self):
        return permission_policy.instances_user_has_permission_for(self.request.user, "view")


class ExchangeRequestInspectView(InspectView):
    """A request as its sender wrote it: with its line breaks, and received at the site's own time (as in the
    list), not in UTC. Only for those who may see it."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not permission_policy.user_has_permission_for_instance(self.request.user, "view", instance):
            raise Http404
        return instance

    def get_message_display_value(self):
        return linebreaksbr(self.object.message)

    def get_sender_region_display_value(self):
        return self.object.sender_region or "—"

    def get_created_at_display_value(self):
        return date_format(localtime(self.object.created_at), "DATETIME_FORMAT")


class ExchangeRequestViewSet(ModelViewSet):
    """The read-only list of exchange requests, with a detail ("inspect") view per request: all of them for the
    editors, those sent to their own initiatives for a coordinator."""

    model = ExchangeRequest
    index_view_class = ExchangeRequestIndexView
    inspect_view_class = ExchangeRequestInspectView
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
