"""Pages rendered now (for editors, with a query string, the first reader after a change) reuse the kept
fragments of published content, and never show a fragment older than the content or a draft's."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.roles import EDITORS
from exchange.models import ExchangeRequest
from network.models import InitiativePage
from tests.editorial.conftest import client_for, make_user

PROFILE = "/netwerk/noord-nederland/kees/"


@pytest.fixture
def editor_client(db):
    return client_for(make_user(Group.objects.get(name=EDITORS), email="redacteur@minvws.example"))


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


# url, queries once its fragments are kept: finding the page and what is rendered every time. A logged-in
# editor adds two (the session and the user).
KEPT = [
    ("/", 3),
    ("/netwerk/", 4),
    ("/netwerk/noord-nederland/", 4),
    # And the initiative's count of exchange requests, which changes without a publish.
    (PROFILE, 5),
    ("/netwerk/noord-nederland/kees/kees-aanbod-in-kaart/", 4),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), KEPT)
def test_a_page_rendered_now_costs_only_finding_it_once_its_fragments_are_kept(
    client, network, kept_pages, editor_client, url, budget
):
    # A query string keeps the whole page out of the page cache; an editor's session too.
    first = client.get(url + "?van=nieuwsbrief")
    assert queries(client, url + "?van=nieuwsbrief") <= budget
    assert client.get(url + "?van=nieuwsbrief").content == first.content
    editor_client.get(url)
    assert queries(editor_client, url) <= budget + 2


@pytest.mark.django_db
def test_a_published_change_replaces_the_kept_fragment(network, kept_pages, editor_client):
    assert "Een nieuwe samenvatting" not in editor_client.get(PROFILE).content.decode()
    kees = InitiativePage.objects.get(slug="kees")
    kees.summary = "Een nieuwe samenvatting van KEES."
    kees.save_revision().publish()
    assert "Een nieuwe samenvatting van KEES." in editor_client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_a_preview_shows_the_draft_and_not_the_kept_fragment(network, kept_pages, editor_client):
    editor_client.get(PROFILE)  # the published profile is now kept
    kees = InitiativePage.objects.get(slug="kees")
    kees.summary = "Nog niet gepubliceerde samenvatting."
    kees.save_revision()
    preview = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[kees.pk]))
    assert "Nog niet gepubliceerde samenvatting." in preview.content.decode()
    public = editor_client.get(PROFILE).content.decode()
    assert "Nog niet gepubliceerde samenvatting." not in public, "the draft must not be kept for readers"


@pytest.mark.django_db
def test_the_count_of_held_exchanges_is_current_on_a_kept_profile(client, network, kept_pages):
    client.get(PROFILE + "?x=1")
    exchange = ExchangeRequest.objects.create(
        initiative=InitiativePage.objects.get(slug="kees"),
        name="Lezer",
        organisation="Gemeente Goes",
        email="lezer@goes.example",
        message="Hoe begonnen jullie?",
    )
    # Issue 18: the profile counts exchanges that were held, not requests (which anyone can send).
    ExchangeRequest.objects.filter(pk=exchange.pk).update(state="gehouden", held_on="2026-11-02")
    assert "1 uitwisseling met dit initiatief gehouden" in client.get(PROFILE + "?x=1").content.decode()
