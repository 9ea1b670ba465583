from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from editorial.roles import coordinated_initiatives

from . import process
from .forms import StepForm
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
        return action == "view" and self._coordinated(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self._by_model_permission(user, action) for action in actions):
            return ExchangeRequest.objects.all()
        if "view" in actions:
            return self._coordinated(user)
        return ExchangeRequest.objects.none()

    def _coordinated(self, user):
        """Sent to the user's own initiatives; and, once held, those their own initiative asked for (to draft a
        lesson from), read-only."""
        own = coordinated_initiatives(user)
        return ExchangeRequest.objects.filter(
            Q(initiative__in=own) | Q(sender_initiative__in=own, held_on__isnull=False)
        ).distinct()


# Registered before the viewset asks for a policy, as Wagtail 8 requires.
permission_policy = ExchangeRequestPermissionPolicy(ExchangeRequest)
register_permission_policy(ExchangeRequest, permission_policy)


class ExchangeRequestIndexView(IndexView):
    def get_base_queryset(self):
        return permission_policy.instances_user_has_permission_for(self.request.user, "view")


class ExchangeRequestInspectView(InspectView):
    """A request as its sender wrote it: with its line breaks, and received at the site's own time (as in the
    list), not in UTC. Only for those who may see it. Below it, the exchange's steps and the moves this user may
    make now; the requester's e-mail address only for the editors (the initiative answers through the platform)."""

    template_name = "exchange/admin/inspect.html"

    def get_fields(self):
        fields = super().get_fields()
        if not process.is_exchange_editor(self.request.user):
            fields = [name for name in fields if name != "email"]
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        moves = process.moves_for(process.Actor(user=self.request.user), self.object)
        context["steps"] = self.object.steps.select_related("by")
        context["moves"] = moves
        context["step_form"] = StepForm()
        context["step_url"] = reverse("exchange_step", args=[self.object.pk])
        context["lesson_home"] = process.lesson_home_for(self.request.user, self.object)
        context["lesson_url"] = reverse("exchange_lesson", args=[self.object.pk])
        context["lessons"] = self.object.lessons.select_related("page")
        return context

    def get_state_display_value(self):
        return self.object.get_state_display()

    def get_planned_for_display_value(self):
        if not self.object.planned_for:
            return "—"
        return f"{date_format(self.object.planned_for, 'DATE_FORMAT')} ({self.object.get_meeting_form_display()})"

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
    list_display = ["created_at", "initiative", "kind", "state", "name", "organisation", "sender_region"]
    list_filter = ["state", "kind", "initiative"]
    search_fields = ["name", "organisation", "municipality", "message"]
    form_fields = ["kind", "name", "organisation", "email", "municipality", "message"]
    inspect_view_fields = [
        "created_at",
        "initiative",
        "kind",
        "state",
        "planned_for",
        "held_on",
        "theme",
        "sender_initiative",
        "name",
        "organisation",
        "email",
        "municipality",
        "sender_region",
        "message",
        "outcome",
        "initiative_outcome",
    ]


@hooks.register("register_admin_viewset")
def register_exchange_request_viewset():
    return ExchangeRequestViewSet("exchange_requests")


@require_POST
def make_step(request, pk):
    """One move from the admin's detail page; ``process.apply`` checks state and role, so nothing else can."""
    visible = permission_policy.instances_user_has_permission_for(request.user, "view")
    exchange = get_object_or_404(visible, pk=pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("De stap is niet gezet: controleer de velden."))
        return redirect("exchange_requests:inspect", pk)
    data = form.cleaned_data
    try:
        process.apply(
            exchange,
            data["move"],
            process.Actor(user=request.user),
            note=data["note"],
            forward_to=data["forward_to"],
            meeting_form=data["meeting_form"],
            planned_for=data["planned_for"],
            held_on=data["held_on"],
            theme=data["theme"],
            outcome=data["outcome"],
        )
    except process.NotAllowed as refusal:
        messages.error(request, str(refusal))
        return (
            redirect("exchange_requests:inspect", pk)
            if _still_visible(request, pk)
            else redirect("exchange_requests:index")
        )
    messages.success(request, _("De stap is gezet."))
    if not _still_visible(request, pk):  # forwarded away from this coordinator's initiative
        return redirect("exchange_requests:index")
    return redirect("exchange_requests:inspect", pk)


def _still_visible(request, pk):
    return permission_policy.instances_user_has_permission_for(request.user, "view").filter(pk=pk).exists()


@require_POST
def draft_lesson(request, pk):
    """Draft a lesson from a held exchange and open it in the page editor (then: submit for review as usual)."""
    visible = permission_policy.instances_user_has_permission_for(request.user, "view")
    exchange = get_object_or_404(visible, pk=pk)
    try:
        page = process.draft_lesson(exchange, request.user)
    except process.NotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("exchange_requests:inspect", pk)
    messages.success(request, _("Het concept staat klaar. Vul het aan en bied het ter beoordeling aan."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def register_exchange_step_url():
    return [
        path("uitwisselingen/<int:pk>/stap/", make_step, name="exchange_step"),
        path("uitwisselingen/<int:pk>/les/", draft_lesson, name="exchange_lesson"),
        path("uitwisselingen/rapport/", report, name="exchange_report"),
    ]


def report(request):
    """The editors' report (``/admin/uitwisselingen/rapport/``, ``?format=csv`` for the file); editors only."""
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse
    from django.template.response import TemplateResponse

    from . import report as figures

    if not process.is_exchange_editor(request.user):
        raise PermissionDenied
    months, pairs, total = figures.build()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="uitwisselingen.csv"'
        response.write("\ufeff")
        figures.write_csv(response, months, pairs, total)
        return response
    context = {"months": months, "pairs": pairs, "total": total, "chart": figures.chart(months)}
    return TemplateResponse(request, "exchange/admin/report.html", context)


class ExchangeEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return process.is_exchange_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_exchange_report():
    return ExchangeEditorsMenuItem(
        _("Uitwisselingen"), reverse("exchange_report"), name="exchange-report", icon_name="mail", order=660
    )
