"""The editorial roles as Django groups with Wagtail permissions, and the review workflow on the network tree.

- "Redacteuren" (ministry editors) review and publish anywhere, curate the vocabularies, tags, collections, theme
  dossiers and the home page's featured practices, and read (and may delete) every exchange request.
- "Coördinatoren <Initiatief>" (one group per initiative) edit their initiative and add practices and updates
  under it, and upload images and documents into the initiative's own collection. They cannot publish: what they
  submit goes to the editors through the workflow "Redactionele controle". They read the exchange requests sent
  to their own initiative (``exchange.wagtail_hooks``), without any model permission for it.
- "Beheerders" manage users and groups.

``setup_roles`` only ever adds what is missing, so running it again changes nothing and keeps what an
administrator added by hand. The one thing it removes are the groups Wagtail's first migration creates
("Moderators", "Editors"): "Moderators" may publish anywhere, around the review workflow, and neither is a role here.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from network.models import InitiativePage, NetworkIndexPage

EDITORS = "Redacteuren"
ADMINISTRATORS = "Beheerders"
COORDINATORS_PREFIX = "Coördinatoren "
WORKFLOW_NAME = "Redactionele controle"
LEFTOVER_WAGTAIL_GROUPS = ("Moderators", "Editors")
TASK_NAME = "Beoordeling door de redactie"
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
COORDINATOR_PAGE_PERMISSIONS = ("add", "change")
EDITOR_MODEL_PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in [
        ("practices", "theme"),
        ("practices", "factor"),
        ("network", "municipality"),
        ("network", "organisation"),
        ("network", "publication"),  # the study's full reference, shown on every citing page
        ("taggit", "tag"),
        ("wagtailsearchpromotions", "searchpromotion"),  # best bets: a page shown first for a question
    ]
    for action in ("add", "change", "delete")
] + [("exchange", "view_exchangerequest"), ("exchange", "delete_exchangerequest")]
ADMINISTRATOR_MODEL_PERMISSIONS = [
    ("auth", f"{action}_{model}") for model in ("user", "group") for action in ("add", "change", "delete", "view")
]
MEDIA_PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ("add", "change", "choose", "delete")
]
COORDINATOR_MEDIA_PERMISSIONS = [(app, codename) for app, codename in MEDIA_PERMISSIONS if "delete" not in codename]
COLLECTION_MANAGEMENT_PERMISSIONS = [("wagtailcore", f"{action}_collection") for action in ("add", "change", "delete")]


@dataclass
class Summary:
    """What a run of ``setup_roles`` added; all zero on a second run."""

    groups: int = 0
    permissions: int = 0
    collections: int = 0
    workflow: int = 0
    removed_groups: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)

    @property
    def changed(self):
        return self.groups + self.permissions + self.collections + self.workflow


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def setup_roles():
    """Create the groups, their permissions, a collection per initiative and the review workflow; idempotent."""
    summary = Summary()
    leftovers = Group.objects.filter(name__in=LEFTOVER_WAGTAIL_GROUPS).order_by("name")
    summary.removed_groups = list(leftovers.values_list("name", flat=True))
    leftovers.delete()
    home = Page.objects.filter(depth=2).first()
    if home is None:
        return summary
    editors = _group(EDITORS, summary)
    _model_permissions(editors, [ADMIN_ACCESS, *EDITOR_MODEL_PERMISSIONS], summary)
    _page_permissions(editors, home, EDITOR_PAGE_PERMISSIONS, summary)
    root_collection = Collection.get_first_root_node()
    _collection_permissions(editors, root_collection, [*MEDIA_PERMISSIONS, *COLLECTION_MANAGEMENT_PERMISSIONS], summary)

    administrators = _group(ADMINISTRATORS, summary)
    _model_permissions(administrators, [ADMIN_ACCESS, *ADMINISTRATOR_MODEL_PERMISSIONS], summary)

    for initiative in InitiativePage.objects.order_by("path"):
        group = coordinator_group(initiative) or _group(coordinator_group_name(initiative), summary)
        _model_permissions(group, [ADMIN_ACCESS], summary)
        _page_permissions(group, initiative, COORDINATOR_PAGE_PERMISSIONS, summary)
        collection = initiative_collection(initiative) or _collection(root_collection, initiative.title, summary)
        _collection_permissions(group, collection, COORDINATOR_MEDIA_PERMISSIONS, summary)
        summary.initiatives.append(initiative.title)

    network = NetworkIndexPage.objects.first()
    if network is not None:
        _workflow(network, editors, summary)
    return summary


def coordinator_group_name(initiative):
    return f"{COORDINATORS_PREFIX}{initiative.title}"[:150]


def coordinator_group(initiative):
    """The initiative's coordinators group: found by its page permission, so renaming the initiative is safe."""
    return (
        Group.objects.filter(
            name__startswith=COORDINATORS_PREFIX,
            page_permissions__page=initiative,
            page_permissions__permission__codename="change_page",
        )
        .order_by("pk")
        .first()
    )


def initiative_collection(initiative):
    """The collection that the initiative's coordinators upload into, if there is one yet."""
    group = coordinator_group(initiative)
    if group is None:
        return Collection.objects.filter(depth=2, name=initiative.title).first()
    return (
        Collection.objects.filter(group_permissions__group=group, group_permissions__permission__codename="add_image")
        .order_by("path")
        .first()
    )


def coordinated_initiatives(user):
    """The initiatives whose coordinators group the user belongs to (a person may coordinate several)."""
    if not user.is_authenticated:
        return InitiativePage.objects.none()
    return (
        InitiativePage.objects.filter(
            group_permissions__group__in=user.groups.filter(name__startswith=COORDINATORS_PREFIX),
            group_permissions__permission__codename="change_page",
        )
        .distinct()
        .order_by("title")
    )


# --- building blocks, each adds only what is missing --------------------------------------------------------------


def _group(name, summary):
    group, created = Group.objects.get_or_create(name=name)
    summary.groups += created
    return group


def _model_permissions(group, permissions, summary):
    wanted = Permission.objects.filter(_any_permission(permissions))
    missing = wanted.exclude(group=group)
    summary.permissions += missing.count()
    group.permissions.add(*missing)


def _any_permission(permissions):
    condition = Q(pk__in=[])
    for app_label, codename in permissions:
        condition |= Q(content_type__app_label=app_label, codename=codename)
    return condition


def _page_permissions(group, page, actions, summary):
    for action in actions:
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", f"{action}_page")
        )
        summary.permissions += created


def _collection_permissions(group, collection, permissions, summary):
    for app_label, codename in permissions:
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )
        summary.permissions += created


def _collection(root, name, summary):
    existing = root.get_children().filter(name=name).first()
    if existing:
        return existing
    summary.collections += 1
    return root.add_child(name=name)


def _workflow(network, editors, summary):
    task, created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    summary.workflow += created
    if not task.groups.filter(pk=editors.pk).exists():
        task.groups.add(editors)
        summary.workflow += 1
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    summary.workflow += created
    _, created = WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    summary.workflow += created
    # An administrator may later choose another workflow for the network; that choice is kept.
    _, created = WorkflowPage.objects.get_or_create(page=network, defaults={"workflow": workflow})
    summary.workflow += created
    # Wagtail's own default workflow ("Moderators approval", for a group "Moderators" nobody is in) sits on the
    # root and so covers the home page: the editors' Dutch workflow replaces it there, an administrator's own
    # choice stays.
    summary.workflow += WorkflowPage.objects.filter(page__depth=1, workflow__name=WAGTAIL_DEFAULT_WORKFLOW_NAME).update(
        workflow=workflow
    )
