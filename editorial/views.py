"""Admin views of the editorial roles: confirming a profile, the stale-profiles report, tag rename and merge."""

import datetime
from urllib.parse import quote, urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from taggit.models import Tag
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowState

from core.frontend_cache import purge_page_and_listings
from core.page_cache import content_changed
from network.models import InitiativePage
from practices.models import PracticePageTag

from .models import TagSlugRedirect
from .roles import coordinator_group

STALE_AFTER_MONTHS = 6
CONFIRM_ACTION = "editorial.confirm_profile"


# --- "the profile is still current" -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def confirm_profile(request, page_id):
    """ "Profiel is nog actueel": the coordinator looks at each value that comes only from the study, and confirms.

    GET shows every filled field beside its source (the study's section, or the date it was last confirmed), each
    with a checkbox; POST records today for the fields ticked (``confirmed_fields``) and for the profile as a whole
    (``last_confirmed``). A field left unticked stays the study's, dated spring 2018 on the public profile, so one
    click no longer stamps today's date beside a fact nobody looked at.

    Confirming says "nothing changed", so there is nothing for the editors to review: the dates are written on the
    page and on its live and latest revisions (so the next draft or a publish does not undo them), and logged.
    Allowed to whoever may edit the initiative: its coordinators and the editors.
    """
    initiative = get_object_or_404(InitiativePage, pk=page_id)
    if not initiative.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    rows = confirmable_fields(initiative)
    if request.method != "POST":
        next_url = request.GET.get("next", "")
        return TemplateResponse(
            request,
            "editorial/admin/confirm_profile.html",
            {"initiative": initiative, "rows": rows, "next": next_url if _safe(request, next_url) else ""},
        )
    today = timezone.localdate()
    ticked = [row["field"] for row in rows if row["field"] in request.POST.getlist("fields")]
    confirmed = {**(initiative.confirmed_fields or {}), **{field: today.isoformat() for field in ticked}}
    with transaction.atomic():
        InitiativePage.objects.filter(pk=initiative.pk).update(last_confirmed=today, confirmed_fields=confirmed)
        revision_ids = {initiative.live_revision_id, initiative.latest_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            revision.content["last_confirmed"] = today.isoformat()
            revision.content["confirmed_fields"] = {**(revision.content.get("confirmed_fields") or {}), **confirmed}
            revision.save(update_fields=["content"])
        log(
            instance=initiative,
            action=CONFIRM_ACTION,
            user=request.user,
            data={"date": today.isoformat(), "fields": ticked},
        )
        # Saved without a publish (the confirmation is not a new version): the kept pages and the proxy forget it.
        transaction.on_commit(content_changed)
        transaction.on_commit(lambda: purge_page_and_listings(initiative))
    messages.success(request, _("Het profiel van %(title)s is bevestigd als actueel.") % {"title": initiative.title})
    next_url = request.POST.get("next", "")
    if _safe(request, next_url):
        return redirect(next_url)
    return redirect("wagtailadmin_home")


def _safe(request, url):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def confirmable_fields(initiative):
    """The profile's filled fields, each with its value as readers see it and where it comes from now."""
    rows = []
    for field in InitiativePage.FACT_FIELDS:
        value = _display_value(initiative, field)
        if not value:
            continue  # an empty field claims nothing, so there is nothing to confirm
        fact = initiative.fact_source(field)
        rows.append(
            {
                "field": field,
                "label": InitiativePage._meta.get_field(field).verbose_name,
                "value": value,
                "section": fact.section,
                "confirmed": fact.confirmed,
                "study_only": fact.kind in ("study", "inferred"),
            }
        )
    return rows


def _display_value(initiative, field):
    if field == "municipalities":
        return ", ".join(m.name for m in initiative.municipalities.all())
    if field == "status":
        return "" if initiative.status == "onbekend" else initiative.get_status_display()
    if field == "region_wide":
        return str(_("ja")) if initiative.region_wide else ""
    value = getattr(initiative, field)
    display = getattr(initiative, f"get_{field}_display", None)
    return str(display()) if display and value else str(value or "")


# --- report: profiles not confirmed for more than six months ------------------------------------------------------


def months_before(day, months):
    """The same day ``months`` calendar months earlier (the last day of that month when it is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (next_month - datetime.timedelta(days=1)).day))


def stale_initiatives(today=None):
    cutoff = months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)
    return InitiativePage.objects.filter(Q(last_confirmed__isnull=True) | Q(last_confirmed__lt=cutoff)).order_by(
        F("last_confirmed").asc(nulls_first=True), "title"
    )


class StaleInitiativesView(ReportView):
    """Initiatives whose coordinators did not confirm the profile for more than six months, or never."""

    page_title = _("Profielen niet bevestigd")
    header_icon = "time"
    model = InitiativePage
    # Editors are the ones who can publish; the page permission policy answers "publish anywhere?".
    permission_required = "publish"
    index_url_name = "editorial_stale_initiatives"
    index_results_url_name = "editorial_stale_initiatives_results"
    paginate_by = 50
    no_results_message = _("Alle profielen zijn in de afgelopen zes maanden bevestigd.")
    list_export = ["title", "last_confirmed"]
    export_headings = {"title": _("Initiatief"), "last_confirmed": _("Laatst bevestigd")}
    columns = [
        TitleColumn(
            "title",
            label=_("Initiatief"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column(
            "last_confirmed",
            label=_("Laatst bevestigd"),
            accessor=lambda page: page.last_confirmed.strftime("%d-%m-%Y") if page.last_confirmed else _("nooit"),
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("coordinators", label=_("Coördinatoren (e-mail)"), accessor=lambda page: _coordinator_emails(page)),
    ]

    # Says which profiles are listed, so an editor need not guess why a recently confirmed one is missing.
    page_subtitle = _("langer dan zes maanden niet bevestigd, of nooit")

    def get_queryset(self):
        return stale_initiatives()


def _coordinator_emails(initiative):
    """Whom to remind: the initiative's coordinators, each a link that opens a reminder in the editor's own mail
    program ("—" when the initiative has no coordinator with an address)."""
    group = coordinator_group(initiative)
    emails = (
        sorted(group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)) if group else []
    )
    if not emails:
        return "—"
    reminder = urlencode(
        {
            "subject": _("Is het profiel van %(title)s nog actueel?") % {"title": initiative.title},
            "body": _(
                "Wilt u het profiel van %(title)s nalopen en op uw dashboard bevestigen dat het nog klopt? "
                "Het is langer dan zes maanden niet bevestigd."
            )
            % {"title": initiative.title},
        },
        quote_via=quote,
    )
    return format_html_join(", ", '<a href="mailto:{}?{}">{}</a>', ((email, reminder, email) for email in emails))


# --- free tags: rename and merge ----------------------------------------------------------------------------------


def _require_tag_permission(user):
    if not (user.has_perm("taggit.change_tag") and user.has_perm("taggit.delete_tag")):
        raise PermissionDenied


class RenameTagForm(forms.Form):
    name = forms.CharField(label=_("Nieuwe naam"), max_length=100, strip=True)

    def __init__(self, *args, tag, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag

    def clean_name(self):
        name = self.cleaned_data["name"]
        other = Tag.objects.filter(name__iexact=name).exclude(pk=self.tag.pk).first()
        if other:
            raise forms.ValidationError(
                _("Het trefwoord '%(name)s' bestaat al; voeg de twee samen in plaats van te hernoemen."),
                params={"name": other.name},
            )
        return name


class MergeTagForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Samenvoegen met"),
        queryset=Tag.objects.order_by("name"),
        help_text=_("Praktijken met dit trefwoord krijgen het gekozen trefwoord; dit trefwoord verdwijnt."),
    )

    def __init__(self, *args, tag, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag
        self.fields["target"].queryset = Tag.objects.exclude(pk=tag.pk).order_by("name")


TAGS_PER_PAGE = 50


def tag_index(request):
    """The free tags, searchable by name or slug, fifty to a page: near-duplicates are found by searching."""
    _require_tag_permission(request.user)
    query = (request.GET.get("q") or "").strip()[:100]
    tags = Tag.objects.annotate(practice_count=Count("practices_practicepagetag_items")).order_by("name")
    if query:
        tags = tags.filter(Q(name__icontains=query) | Q(slug__icontains=query))
    page = Paginator(tags, TAGS_PER_PAGE).get_page(request.GET.get("p"))
    context = {"tags": page.object_list, "page_obj": page, "query": query, "total": page.paginator.count}
    return TemplateResponse(request, "editorial/admin/tag_index.html", context)


def tag_edit(request, tag_id):
    """Rename a tag, or merge it into another one: the two ways editors tidy the free tags."""
    _require_tag_permission(request.user)
    tag = get_object_or_404(Tag, pk=tag_id)
    rename_form = RenameTagForm(initial={"name": tag.name}, tag=tag)
    merge_form = MergeTagForm(tag=tag)
    if request.method == "POST" and request.POST.get("action") == "rename":
        rename_form = RenameTagForm(request.POST, tag=tag)
        if rename_form.is_valid():
            old_name = tag.name
            rename_tag(tag, rename_form.cleaned_data["name"])
            messages.success(request, _("'%(old)s' heet nu '%(new)s'.") % {"old": old_name, "new": tag.name})
            return redirect("editorial_tags")
    elif request.method == "POST" and request.POST.get("action") == "merge":
        merge_form = MergeTagForm(request.POST, tag=tag)
        if merge_form.is_valid():
            target = merge_form.cleaned_data["target"]
            merge_tags(tag, target)
            messages.success(
                request, _("'%(old)s' is samengevoegd met '%(new)s'.") % {"old": tag.name, "new": target.name}
            )
            return redirect("editorial_tags")
    status = 400 if request.method == "POST" else 200
    context = {
        "tag": tag,
        "rename_form": rename_form,
        "merge_form": merge_form,
        "practice_count": PracticePageTag.objects.filter(tag=tag).count(),
    }
    return TemplateResponse(request, "editorial/admin/tag_edit.html", context, status=status)


@transaction.atomic
def rename_tag(tag, name):
    tag.name = name
    # The slug follows the name (it is what /praktijken/?tag=... filters on); taggit only makes one for new tags.
    slug, number = tag.slugify(name), 1
    while Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
        number += 1
        slug = tag.slugify(name, number)
    old_slug, tag.slug = tag.slug, slug
    # Saving the tag reindexes the pages carrying it (search/signals.py).
    tag.save()
    TagSlugRedirect.remember(old_slug, tag)


@transaction.atomic
def merge_tags(source, target):
    """Move every use of ``source`` to ``target`` (on pages and in their revisions), then delete ``source``."""
    page_ids = list(PracticePageTag.objects.filter(tag=source).values_list("content_object_id", flat=True))
    already_tagged = set(
        PracticePageTag.objects.filter(tag=target, content_object_id__in=page_ids).values_list(
            "content_object_id", flat=True
        )
    )
    PracticePageTag.objects.filter(tag=source, content_object_id__in=already_tagged).delete()
    PracticePageTag.objects.filter(tag=source).update(tag=target)
    # Drafts and older revisions refer to the tag by id: point them at the target, or publishing a draft later
    # would bring back a tag that no longer exists.
    for revision in Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]):
        items = revision.content.get("tagged_items") or []
        if any(item.get("tag") == source.pk for item in items):
            seen = set()
            merged = []
            for item in items:
                tag_id = target.pk if item.get("tag") == source.pk else item.get("tag")
                if tag_id not in seen:
                    seen.add(tag_id)
                    merged.append({**item, "tag": tag_id})
            revision.content["tagged_items"] = merged
            revision.save(update_fields=["content"])
    TagSlugRedirect.remember(source.slug, target)
    # Deleting the merged tag reindexes the pages that carried it, which now carry the target (search/signals.py).
    source.delete()


# --- Reviewing from the dashboard ---------------------------------------------------------------------------------


class ConfirmingWorkflowActionView(WorkflowActionView):
    """Wagtail's view behind the review buttons of the dashboard, saying afterwards what the action did.

    Wagtail's own view redirects back without a word, so an editor who approved a page from the dashboard could not
    tell whether anything happened. The message says what became of the page (published, or waiting for a next
    step) or to whom it went back; the editing page's own buttons already have their messages from Wagtail.
    """

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        title = get_latest_str(self.object)
        if self.task_state.status == TaskState.STATUS_APPROVED:
            page = self.object.specific_deferred
            page.refresh_from_db()
            workflow_state = self.task_state.workflow_state
            if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
                message = _("‘%(title)s’ is goedgekeurd en gaat door naar de volgende stap: %(task)s.") % {
                    "title": title,
                    "task": workflow_state.current_task_state.task.name,
                }
                messages.success(request, message)
            else:
                buttons = [wagtail_messages.button(page.url, _("Bekijk op de website"), True)] if page.url else []
                message = _("‘%(title)s’ is goedgekeurd en gepubliceerd.") % {"title": title}
                wagtail_messages.success(request, message, buttons=buttons)
        elif self.task_state.status == TaskState.STATUS_REJECTED:
            requester = self.task_state.workflow_state.requested_by
            message = _("‘%(title)s’ gaat terug naar %(user)s, met het verzoek om wijzigingen.") % {
                "title": title,
                "user": requester.get_full_name() or requester.get_username() if requester else _("de indiener"),
            }
            messages.success(request, message)
        return response
