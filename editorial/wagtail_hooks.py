"""The editorial roles in the Wagtail admin: the coordinator's home panel, the stale-profiles report, the tag
tidying views and the log action of a confirmed profile."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from network.models import RegionPage

from . import views
from .media import chosen_by, is_public
from .roles import coordinated_initiatives


class CoordinatorPanel(Component):
    """The coordinator's own corner of the dashboard: their initiatives, when each profile was last confirmed,
    the drafts under them and where those stand in review, and the button to confirm a profile."""

    name = "coordinator_initiatives"
    template_name = "editorial/admin/coordinator_panel.html"
    order = 50

    def __init__(self, initiatives):
        self.initiatives = initiatives

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        subtrees = Q(pk__in=[])
        for initiative in self.initiatives:
            subtrees |= Q(path__startswith=initiative.path)
        drafts = list(
            Page.objects.filter(subtrees, has_unpublished_changes=True).order_by("-latest_revision_created_at")[:20]
        )
        states = {
            int(state.object_id): state
            for state in WorkflowState.objects.active().filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(draft.pk) for draft in drafts],
            )
        }
        for draft in drafts:
            draft.workflow_state = states.get(draft.pk)
        context.update(
            initiatives=self.initiatives,
            drafts=drafts,
            request=parent_context["request"],
            csrf_token=parent_context.get("csrf_token"),
        )
        return context


@hooks.register("construct_homepage_panels")
def add_coordinator_panel(request, panels):
    initiatives = list(coordinated_initiatives(request.user))
    if initiatives:
        panels.insert(0, CoordinatorPanel(initiatives))


@hooks.register("construct_page_action_menu")
def submit_is_the_main_action_for_whoever_cannot_publish(menu_items, request, context):
    """A coordinator cannot publish, so submitting for review is what they came to do: make it the big button
    instead of "save draft", which would leave their change unseen by the editors."""
    if any(item.name == "action-publish" for item in menu_items):
        return
    submit = next((item for item in menu_items if item.name == "action-submit"), None)
    if submit is not None:
        menu_items.remove(submit)
        menu_items.insert(0, SubmitForReviewMenuItem(order=submit.order))


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button, saying what it does in the coordinators' words rather than naming the workflow."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context["page"].current_workflow_state if context.get("page") else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Opnieuw ter beoordeling aanbieden")
        else:
            context["label"] = _("Ter beoordeling aanbieden")
        return context


class ReviewedPageViewSet(PageViewSet):
    """Wagtail's admin views of a page type, with a review action (approve, request changes) that confirms itself."""

    workflow_action_view_class = views.ConfirmingWorkflowActionView


@hooks.register("register_admin_viewset")
def register_reviewed_page_viewsets():
    # Wagtail 8 picks a page's admin views by its type; every page type of the platform goes through review.
    return [
        ReviewedPageViewSet(f"reviewed-{model._meta.app_label}-{model._meta.model_name}", model=model)
        for model in get_page_models()
        if model is not Page and not model.__module__.startswith("wagtail.")
    ]


@hooks.register("construct_help_menu")
def leave_out_wagtail_release_news(request, menu_items):
    # "What's new in Wagtail 8.0" is news for developers; coordinators and editors took it for the platform's.
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("redactie/bevestigen/<int:page_id>/", views.confirm_profile, name="editorial_confirm_profile"),
        path("redactie/niet-bevestigd/", views.StaleInitiativesView.as_view(), name="editorial_stale_initiatives"),
        path(
            "redactie/niet-bevestigd/resultaten/",
            views.StaleInitiativesView.as_view(results_only=True),
            name="editorial_stale_initiatives_results",
        ),
        path("redactie/trefwoorden/", views.tag_index, name="editorial_tags"),
        path("redactie/trefwoorden/<int:tag_id>/", views.tag_edit, name="editorial_tag_edit"),
    ]


class PublishersMenuItem(MenuItem):
    """Shown to whoever may publish somewhere: the editors (and superusers)."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "publish")


class TagEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("taggit.change_tag") and request.user.has_perm("taggit.delete_tag")


@hooks.register("register_reports_menu_item")
def register_stale_initiatives_report():
    return PublishersMenuItem(
        _("Profielen niet bevestigd"),
        reverse("editorial_stale_initiatives"),
        name="stale-initiatives",
        icon_name="time",
        order=650,
    )


@hooks.register("register_admin_menu_item")
def register_tags_menu_item():
    return TagEditorsMenuItem(_("Trefwoorden"), reverse("editorial_tags"), name="tags", icon_name="tag", order=320)


@hooks.register("register_log_actions")
def register_confirm_action(actions):
    @actions.register_action(views.CONFIRM_ACTION)
    class ConfirmProfile(LogFormatter):
        label = _("Profiel bevestigd als actueel")

        def format_message(self, log_entry):
            message = _("Profiel bevestigd als actueel op %(date)s") % {"date": log_entry.data.get("date", "")}
            fields = log_entry.data.get("fields")
            if fields:  # which study-only values the coordinator looked at and confirmed
                message += " (" + _("kenmerken: %(fields)s") % {"fields": ", ".join(fields)} + ")"
            return message


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    # Wagtail 8 checks the permission only when the move is posted; its confirmation page would otherwise show
    # anyone with admin access the title of a page they may not move.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("before_delete_page")
def refuse_to_delete_regions_with_municipalities(request, page):
    # Municipalities belong to a region; deleting it would leave them without one. Say what to do instead.
    regions = RegionPage.objects.descendant_of(page, inclusive=True).filter(municipalities__isnull=False).distinct()
    if regions.exists():
        messages.error(
            request,
            _(
                "%(region)s kan niet worden verwijderd: er horen gemeenten bij. Verplaats of verwijder eerst die "
                "gemeenten (Netwerk → Gemeenten)."
            )
            % {"region": regions.first().title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


def is_on_record(page, revision):
    """Whether a revision is part of the page's record: live, once published, or submitted for review.

    Such a revision is what an editor reviewed or what readers saw; changing it in place would put unreviewed
    text under an editor's approval in the history.
    """
    return (
        revision.pk == page.live_revision_id
        or TaskState.objects.filter(revision=revision).exists()
        or PageLogEntry.objects.filter(revision=revision, action="wagtail.publish").exists()
    )


@hooks.register("before_edit_page")
def show_a_reviewer_what_changed(request, page):
    # The editing page of a page awaiting review says so, with a link to what the coordinator changed (Wagtail's
    # revisions compare view); the review buttons themselves are in the page's action menu.
    if request.method != "GET":
        return None
    task_state = page.current_workflow_task_state
    if task_state is None or not task_state.task.specific.get_actions(page, request.user):
        return None
    revision = task_state.revision
    if page.live_revision_id:
        compare_url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk])
    else:
        previous = page.revisions.filter(pk__lt=revision.pk).order_by("-pk").first()
        if previous is None:
            return None
        compare_url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, previous.pk, revision.pk])
    requester = task_state.workflow_state.requested_by
    wagtail_messages.info(
        request,
        _("Deze pagina wacht op uw beoordeling (aangeboden door %(user)s).")
        % {"user": requester.get_username() if requester else _("onbekend")},
        buttons=[wagtail_messages.button(compare_url, _("Bekijk de wijzigingen"))],
    )
    return None


@hooks.register("before_edit_page")
def save_over_reviewed_revisions_as_new_drafts(request, page):
    # Wagtail 8's edit view lets a user overwrite a revision in place (``overwrite_revision_id``, what autosave
    # uses) when it is the latest and their own, even after it was submitted, approved and published. Such a
    # post is saved as a new draft instead: the edit is kept, the reviewed revision stays as it was.
    revision_id = request.POST.get("overwrite_revision_id") if request.method == "POST" else None
    if not revision_id:
        return None
    # An id that is no number the database can hold would reach Wagtail's own lookup as a server error.
    is_id = revision_id.isascii() and revision_id.isdigit() and int(revision_id) < 2**63
    revision = page.revisions.filter(pk=revision_id).first() if is_id else None
    if not is_id or (revision is not None and is_on_record(page, revision)):
        data = request.POST.copy()
        del data["overwrite_revision_id"]
        request.POST = data
    return None


@hooks.register("before_serve_document")
def serve_only_public_documents(document, request):
    # A document is served to readers once a live page uses it; until then only to who may choose it in the
    # admin (its coordinators and the editors), so they can check what they link to.
    if (
        is_public(document)
        or chosen_by(
            request.user, type(document).objects.filter(pk=document.pk), policy_registry.get_by_type(type(document))
        ).exists()
    ):
        return None
    raise Http404(_("Dit document bestaat niet of is (nog) niet openbaar."))


class OwnImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return chosen_by(self.request.user, super().get_queryset(), policy_registry.get_by_type(get_image_model()))


class OwnDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return chosen_by(self.request.user, super().get_queryset(), policy_registry.get_by_type(get_document_model()))


@hooks.register("construct_admin_api", order=100)
def admin_api_lists_only_the_users_own_media(router):
    # Wagtail's admin API lists every collection's files to anyone with admin access; a coordinator sees only
    # what the image and document admin already show them. Ordered after Wagtail's own registration, which it replaces.
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def choose_only_live_pages_or_ones_the_user_edits(pages, request):
    # Wagtail's page chooser browses the whole tree; a coordinator would otherwise read the titles of every other
    # initiative's unpublished drafts there.
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
