"""The table of every admin action on a page, built against Wagtail's own URL patterns.

``PAGE_ACTIONS`` lists each URL name of the page admin (and each action of the admin API) once, with how to
call it. ``test_every_page_url_of_the_admin_is_in_the_matrix`` compares the table with Wagtail's URL patterns,
so a view that a Wagtail upgrade adds fails the suite until it is put in the matrix.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import get_resolver, reverse
from wagtail.models import Page, PageViewRestriction, Revision, TaskState, WorkflowState

from .helpers import page_form_data


@dataclass(frozen=True)
class Action:
    """One admin request about one page: a URL name, its arguments, the method and the data it posts."""

    name: str
    url_name: str
    method: str = "GET"
    args: Callable = lambda target: [target.page.pk]
    data: Callable = lambda target: {}
    json: bool = False
    # Pages where an editor can meaningfully do it (a move needs a valid destination, a revert a revision...).
    editor_applies: Callable = lambda target: True
    tags: frozenset = field(default_factory=frozenset)
    # Brings the page into the state the action needs (e.g. locked, before an unlock).
    prepare: Callable = lambda target: None

    def url(self, target):
        if self.url_name.startswith("/"):
            return self.url_name.format(pk=target.page.pk)
        return reverse(self.url_name, args=self.args(target))


@dataclass
class Target:
    """A page under test, with what the actions need: its task in the review workflow and a destination."""

    page: Page
    task_state: TaskState | None
    destination: Page
    number: int = 0


def _is_leaf_content(target):
    return target.page.specific_class.__name__ in ("PracticePage", "UpdatePage")


def _accepts_practices(target):
    from practices.models import PracticePage

    return PracticePage in target.page.specific_class.allowed_subpage_models()


def _has_parent_editor_can_add_to(target):
    return target.page.depth > 2


def _can_have_a_twin(target):
    # A copy or alias of a singleton (the network or practices overview) is refused by its max_count.
    return _has_parent_editor_can_add_to(target) and target.page.specific_class.max_count is None


def _is_live(target):
    return target.page.live


def _deletable(target):
    # A region with municipalities is refused on purpose (tests/editorial/test_admin_input.py).
    from network.models import RegionPage

    return (
        not RegionPage.objects.descendant_of(target.page, inclusive=True).filter(municipalities__isnull=False).exists()
    )


def _lock(target):
    # Locked by someone else, outside review (during review, the workflow's task decides who may unlock).
    workflow_state = target.task_state.workflow_state
    workflow_state.cancel(user=workflow_state.requested_by)
    target.page.refresh_from_db()
    target.page.locked = True
    target.page.locked_by = workflow_state.requested_by
    target.page.save(update_fields=["locked", "locked_by"])


def _new_practice(target):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": f"Matrixpraktijk {target.page.pk}",
            "slug": f"matrixpraktijk-{target.page.pk}",
            "kind": "praktijk",
            "summary": "Een praktijk uit de permissiematrix.",
            "body": streamfield([]),
            "tags": "",
            "maturity": "",
            "results": "",
            "lessons": "",
            "contact": "",
            "sources": inline_formset([]),
        }
    )


def _edit(action_button=None):
    def data(target):
        values = page_form_data(target.page, title=f"{target.page.title} (gewijzigd)")
        if action_button:
            values[action_button] = "1"
        return values

    return data


def _task(target):
    return [target.page.pk, "approve", target.task_state.pk]


def _task_reject(target):
    return [target.page.pk, "reject", target.task_state.pk]


def _copy(target):
    return {
        "new_title": f"Kopie {target.page.pk}",
        "new_slug": f"kopie-{target.page.pk}",
        "new_parent_page": target.page.get_parent().pk,
        "copy_subpages": "",
        "publish_copies": "",
        "alias": "",
    }


def _revision(target):
    return [target.page.pk, target.page.latest_revision_id]


PAGE_ACTIONS = [
    Action("verkennen", "wagtailadmin_explore", tags={"explore"}),
    Action("verkennen (resultaten)", "wagtailadmin_explore_results", tags={"explore"}),
    Action("subpagina kiezen", "wagtailadmin_pages:add_subpage", editor_applies=_accepts_practices),
    Action(
        "praktijk toevoegen (formulier)",
        "wagtailadmin_pages:add",
        args=lambda t: ["practices", "practicepage", t.page.pk],
        editor_applies=_accepts_practices,
    ),
    Action(
        "praktijk toevoegen",
        "wagtailadmin_pages:add",
        "POST",
        args=lambda t: ["practices", "practicepage", t.page.pk],
        data=_new_practice,
        editor_applies=_accepts_practices,
    ),
    Action(
        "voorbeeld bij toevoegen",
        "wagtailadmin_pages:preview_on_add",
        "POST",
        args=lambda t: ["practices", "practicepage", t.page.pk],
        data=_new_practice,
        editor_applies=_accepts_practices,
    ),
    Action("bewerken (formulier)", "wagtailadmin_pages:edit"),
    Action("concept opslaan", "wagtailadmin_pages:edit", "POST", data=_edit()),
    Action("publiceren", "wagtailadmin_pages:edit", "POST", data=_edit("action-publish")),
    Action("ter beoordeling aanbieden", "wagtailadmin_pages:edit", "POST", data=_edit("action-submit")),
    Action("voorbeeld bij bewerken", "wagtailadmin_pages:preview_on_edit", "POST", data=_edit()),
    Action("voorbeeld bekijken", "wagtailadmin_pages:preview_on_edit"),
    Action("concept bekijken", "wagtailadmin_pages:view_draft"),
    Action("verwijderen (formulier)", "wagtailadmin_pages:delete"),
    Action("verwijderen", "wagtailadmin_pages:delete", "POST", editor_applies=_deletable),
    Action("depubliceren (formulier)", "wagtailadmin_pages:unpublish", editor_applies=_is_live),
    Action("depubliceren", "wagtailadmin_pages:unpublish", "POST", editor_applies=_is_live),
    Action("alias omzetten (formulier)", "wagtailadmin_pages:convert_alias", editor_applies=lambda t: False),
    Action("alias omzetten", "wagtailadmin_pages:convert_alias", "POST", editor_applies=lambda t: False),
    Action("verplaatsen (kiezen)", "wagtailadmin_pages:move", editor_applies=_has_parent_editor_can_add_to),
    Action(
        "verplaatsen (bevestigen)",
        "wagtailadmin_pages:move_confirm",
        args=lambda t: [t.page.pk, t.destination.pk],
        editor_applies=_is_leaf_content,
    ),
    Action(
        "verplaatsen",
        "wagtailadmin_pages:move_confirm",
        "POST",
        args=lambda t: [t.page.pk, t.destination.pk],
        editor_applies=_is_leaf_content,
    ),
    Action(
        "volgorde wijzigen",
        "wagtailadmin_pages:set_page_position",
        "POST",
        args=lambda t: [t.page.pk],
        data=lambda t: {"position": "0"},
        editor_applies=_has_parent_editor_can_add_to,
    ),
    Action("kopiëren (formulier)", "wagtailadmin_pages:copy", editor_applies=_has_parent_editor_can_add_to),
    Action("kopiëren", "wagtailadmin_pages:copy", "POST", data=_copy, editor_applies=_can_have_a_twin),
    Action("afscherming (formulier)", "wagtailadmin_pages:set_privacy"),
    Action(
        "afschermen met wachtwoord",
        "wagtailadmin_pages:set_privacy",
        "POST",
        data=lambda t: {"restriction_type": "password", "password": "geheim123", "groups": []},
    ),
    Action("vergrendelen", "wagtailadmin_pages:lock", "POST"),
    Action("ontgrendelen", "wagtailadmin_pages:unlock", "POST", prepare=_lock),
    Action("versies", "wagtailadmin_pages:revisions_index"),
    Action("versie bekijken", "wagtailadmin_pages:revisions_view", args=_revision),
    Action("versie terugzetten (formulier)", "wagtailadmin_pages:revisions_revert", args=_revision),
    Action(
        "versies vergelijken",
        "wagtailadmin_pages:revisions_compare",
        args=lambda t: [t.page.pk, "earliest", "latest"],
    ),
    Action(
        "planning intrekken (formulier)",
        "wagtailadmin_pages:revisions_unschedule",
        args=_revision,
        editor_applies=lambda t: False,
    ),
    Action(
        "planning intrekken",
        "wagtailadmin_pages:revisions_unschedule",
        "POST",
        args=_revision,
        editor_applies=lambda t: False,
    ),
    Action("goedkeuren", "wagtailadmin_pages:workflow_action", "POST", args=_task, data=lambda t: {"comment": ""}),
    Action(
        "wijzigingen vragen",
        "wagtailadmin_pages:workflow_action",
        "POST",
        args=_task_reject,
        data=lambda t: {"comment": "Graag aanpassen."},
    ),
    Action("beoordeling met commentaar", "wagtailadmin_pages:collect_workflow_action_data", args=_task_reject),
    # Wagtail 8 shows this confirmation (which names the site-wide workflow and task, nothing of the page) to
    # any admin user; the matrix checks that it reveals nothing about the page itself.
    Action(
        "workflow annuleren (bevestigen)",
        "wagtailadmin_pages:confirm_workflow_cancellation",
        tags={"names-workflow-only"},
    ),
    Action(
        "voorbeeld voor beoordeling",
        "wagtailadmin_pages:workflow_preview",
        args=lambda t: [t.page.pk, t.task_state.task_id],
    ),
    Action("workflowgeschiedenis", "wagtailadmin_pages:workflow_history"),
    Action(
        "workflowgeschiedenis (detail)",
        "wagtailadmin_pages:workflow_history_detail",
        args=lambda t: [t.page.pk, t.task_state.workflow_state_id],
    ),
    Action("geschiedenis", "wagtailadmin_pages:history"),
    Action("geschiedenis (resultaten)", "wagtailadmin_pages:history_results"),
    Action("gebruik", "wagtailadmin_pages:usage"),
    Action("admin-API: pagina", "/admin/api/main/pages/{pk}/", tags={"explore"}),
    Action("admin-API: publiceren", "/admin/api/main/pages/{pk}/action/publish/", "POST", json=True),
    Action(
        "admin-API: depubliceren",
        "/admin/api/main/pages/{pk}/action/unpublish/",
        "POST",
        json=True,
        editor_applies=_is_live,
    ),
    Action(
        "admin-API: verwijderen",
        "/admin/api/main/pages/{pk}/action/delete/",
        "POST",
        json=True,
        editor_applies=_deletable,
    ),
    Action(
        "admin-API: verplaatsen",
        "/admin/api/main/pages/{pk}/action/move/",
        "POST",
        data=lambda t: {"destination_page_id": t.destination.pk},
        json=True,
        editor_applies=_is_leaf_content,
    ),
    Action(
        "admin-API: kopiëren",
        "/admin/api/main/pages/{pk}/action/copy/",
        "POST",
        data=lambda t: {"slug": f"api-kopie-{t.page.pk}", "keep_live": False},
        json=True,
        editor_applies=_can_have_a_twin,
    ),
    Action(
        "admin-API: alias maken",
        "/admin/api/main/pages/{pk}/action/create_alias/",
        "POST",
        data=lambda t: {"update_slug": f"api-alias-{t.page.pk}"},
        json=True,
        editor_applies=_can_have_a_twin,
    ),
    Action(
        "admin-API: alias omzetten",
        "/admin/api/main/pages/{pk}/action/convert_alias/",
        "POST",
        json=True,
        editor_applies=lambda t: False,
    ),
    Action(
        "admin-API: versie terugzetten",
        "/admin/api/main/pages/{pk}/action/revert_to_page_revision/",
        "POST",
        data=lambda t: {"revision_id": t.page.latest_revision_id},
        json=True,
    ),
    Action(
        "admin-API: vertalen",
        "/admin/api/main/pages/{pk}/action/copy_for_translation/",
        "POST",
        data=lambda t: {"locale": "en"},
        json=True,
        editor_applies=lambda t: False,  # the site has one language (WAGTAIL_I18N_ENABLED = False)
    ),
]

# Page admin URLs that take no page: listings and searches that only show what the user may see.
NOT_ABOUT_ONE_PAGE = {
    "wagtailadmin_explore_root",
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
    "wagtailadmin_pages:choose_parent",
}


def page_url_names():
    """Every URL name of Wagtail's page admin and every action of the admin API, read from the URL patterns."""
    names = set()

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace and pattern.namespace
                    else (pattern.namespace or namespace)
                )
                walk(pattern, inner)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), "")
    page_names = {
        name for name in names if name.startswith("wagtailadmin_pages:") or name.startswith("wagtailadmin_explore")
    }
    from wagtail.admin.api.views import PagesAdminAPIViewSet

    api_actions = {f"/admin/api/main/pages/{{pk}}/action/{action}/" for action in PagesAdminAPIViewSet.actions}
    return page_names | api_actions | {"/admin/api/main/pages/{pk}/"}


def request(client, action, target, follow=True):
    url = action.url(target)
    data = action.data(target)
    if action.method == "GET" and not follow:
        return client.get(url)
    if action.method == "GET":
        # Wagtail answers some refused GETs with a redirect to a related view (e.g. versions → history) that then
        # refuses; follow it to see what the user finally gets.
        return client.get(url, follow=True)
    if action.json:
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


def is_refusal(response, own_area=frozenset()):
    """403, 404 or 405, a 400 for the API, or Wagtail's redirect to the admin home (with an error), the login or
    (for browsing) back to the user's own part of the tree."""
    if response.status_code in (400, 403, 404, 405):
        return True
    chain = getattr(response, "redirect_chain", None)
    if chain:
        final = chain[-1][0]
        return final in ("/admin/", "/admin") or final.startswith("/admin/login/") or final in own_area
    if response.status_code in (301, 302):
        location = response["Location"]
        return location in ("/admin/", "/admin") or location.startswith("/admin/login/")
    return False


def snapshot():
    """What an action could change: the page tree, its revisions, privacy, locks and the review workflow."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "live", "has_unpublished_changes", "latest_revision_id", "locked", "title", "alias_of"
            )
        ),
        "revisions": Revision.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "workflows": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "tasks": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
    }
