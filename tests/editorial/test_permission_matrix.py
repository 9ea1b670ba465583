"""Who may do what in the admin, as a matrix: every page action × every page outside a coordinator's initiative,
for a coordinator (nothing succeeds), an editor (everything succeeds) and an anonymous visitor (the login)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Workflow

from editorial.models import ThemeDossierPage
from editorial.roles import WORKFLOW_NAME
from network.models import InitiativePage, NetworkIndexPage, RegionPage
from practices.models import PracticeIndexPage, PracticePage
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.factories import add_practice, add_update

from .matrix import NOT_ABOUT_ONE_PAGE, PAGE_ACTIONS, Target, is_refusal, page_url_names, request, snapshot

OWN = "scheidingspunt"
OTHER = "kenniscentrum-kind-en-scheiding"  # in the same region: the most tempting neighbour


@pytest.fixture
def targets(network):
    """Every page of initiative B (plus a draft), every region, the home page, the overviews, the dossiers and
    practices outside any initiative; each with a submission waiting in the review workflow."""
    other = network.initiative(OTHER)
    draft = add_practice(other, title="Concept van het Kenniscentrum", publish=False)
    add_update(other)
    pages = list(other.get_descendants(inclusive=True).specific())
    pages += list(RegionPage.objects.all()) + [network.home]
    pages += list(NetworkIndexPage.objects.all()) + list(PracticeIndexPage.objects.all())
    pages += list(ThemeDossierPage.objects.all())
    outside_initiatives = PracticePage.objects.exclude(
        path__regex="|".join(f"^{initiative.path}" for initiative in InitiativePage.objects.all())
    )
    pages += list(outside_initiatives.order_by("depth", "path")[:2])
    requester = make_user(coordinators_of(OTHER))
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    own = network.initiative(OWN)
    result = []
    for page in pages:
        page = Page.objects.get(pk=page.pk)
        state = workflow.start(page, requester)
        result.append(Target(page=page, task_state=state.current_task_state, destination=own))
    assert draft.pk in {target.page.pk for target in result}
    return result


def test_every_page_url_of_the_admin_is_in_the_matrix():
    covered = {action.url_name for action in PAGE_ACTIONS}
    missing = page_url_names() - covered - NOT_ABOUT_ONE_PAGE
    assert not missing, f"Add these admin URLs to PAGE_ACTIONS in tests/editorial/matrix.py: {sorted(missing)}"


@pytest.mark.django_db
@pytest.mark.parametrize("action", PAGE_ACTIONS, ids=lambda action: action.name)
def test_a_coordinator_can_do_nothing_to_pages_outside_their_initiative(action, targets, coordinator, network):
    own = network.initiative(OWN)
    # Wagtail lets a user browse down to the pages they work on: the ancestors of their initiative are "explorable"
    # (listing and the admin API's read-only page details), never editable.
    path_to_own = {page.pk for page in own.get_ancestors()}
    own_area = frozenset(reverse("wagtailadmin_explore", args=[pk]) for pk in path_to_own | {own.pk})
    client = client_for(coordinator)
    before = snapshot()
    successes = []
    for target in targets:
        if "explore" in action.tags and target.page.pk in path_to_own:
            continue
        response = request(client, action, target)
        if "names-workflow-only" in action.tags and response.status_code == 200:
            assert target.page.title not in response.content.decode()
            continue
        if not is_refusal(response, own_area):
            successes.append((target.page.url_path, response.status_code, response.get("Location")))
    assert successes == [], successes
    assert snapshot() == before, "a refused action changed the database"


def _editor_failure(action, response):
    if is_refusal(response) or response.status_code >= 400:
        return True
    # A form post answered with the form again means the form had errors.
    try:
        form = response.context["form"]
    except (KeyError, TypeError):
        form = None
    return action.method == "POST" and bool(getattr(form, "errors", None))


@pytest.mark.django_db
@pytest.mark.parametrize("action", PAGE_ACTIONS, ids=lambda action: action.name)
def test_an_editor_can_do_every_action_on_every_page(action, targets, editor):
    client = client_for(editor)
    failures = []
    # Deepest pages first, so deleting or moving one never removes a page that is still to be tried.
    for target in sorted(targets, key=lambda target: -target.page.depth):
        if not action.editor_applies(target):
            continue
        target.page.refresh_from_db()
        action.prepare(target)
        response = request(client, action, target)
        if _editor_failure(action, response):
            failures.append((target.page.url_path, response.status_code, response.get("Location")))
    assert failures == [], failures


@pytest.mark.django_db
@pytest.mark.parametrize("action", PAGE_ACTIONS, ids=lambda action: action.name)
def test_an_anonymous_visitor_is_sent_to_the_login(action, targets):
    client = Client()
    before = snapshot()
    for target in targets:
        response = request(client, action, target, follow=False)
        assert response.status_code == 302, (action.name, target.page.url_path, response.status_code)
        assert response["Location"].startswith("/admin/login/"), response["Location"]
    assert snapshot() == before
