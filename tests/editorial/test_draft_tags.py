"""A coordinator's draft keeps its tags to itself until an editor publishes it: the outside probe's reproduction
with a real coordinator account and the admin's real add view."""

import pytest
from django.test import Client
from django.urls import reverse

from practices.models import PracticePage
from tests.editorial.conftest import client_for, coordinators_of, make_user

from .helpers import page_form_data
from .test_workflow import current_task_state, new_practice_data

TAG = "Beledigende tekst over BRAM"
SLUG = "beledigende-tekst-over-bram"


@pytest.fixture
def draft_with_tag(network):
    coordinator = make_user(coordinators_of("joop"), email="coordinator.joop@example.org")
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network.initiative("joop").pk])
    # Saved as a draft, not submitted: nobody has reviewed it.
    assert client_for(coordinator).post(add_url, new_practice_data(tags=f'"{TAG}"')).status_code == 302
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    assert not practice.live and [tag.name for tag in practice.tags.all()] == [TAG]
    return practice


@pytest.mark.django_db
def test_a_drafts_tag_is_not_offered_in_the_practices_overview(draft_with_tag):
    html = Client().get("/praktijken/").content.decode()
    assert 'name="tag"' in html  # the filter is there, with the tags of published practices
    assert TAG not in html and SLUG not in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/praktijken/export.csv", "/praktijken/"])
def test_a_drafts_tag_is_an_unknown_filter_value_everywhere_readers_can_name_it(draft_with_tag, url):
    response = Client().get(url, {"tag": SLUG})
    assert response.status_code in (400, 404)
    assert TAG not in response.content.decode()


@pytest.mark.django_db
def test_the_tag_appears_once_an_editor_approves_the_practice(
    draft_with_tag, editor, django_capture_on_commit_callbacks
):
    coordinator = draft_with_tag.owner
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft_with_tag.pk])
    data = page_form_data(draft_with_tag, coordinator)
    assert client_for(coordinator).post(edit_url, {**data, "action-submit": "1"}).status_code == 302
    task_state = current_task_state(draft_with_tag)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[draft_with_tag.pk, "approve", task_state.pk])
    # The publication reaches the search index once committed, as on the site.
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(editor).post(approve_url, {"comment": ""}).status_code == 302

    assert TAG in Client().get("/praktijken/").content.decode()
    feed = Client().get("/feeds/rss/", {"tag": SLUG})
    assert feed.status_code == 200
    assert TAG in feed.content.decode()
