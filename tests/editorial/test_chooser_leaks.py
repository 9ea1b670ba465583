"""A coordinator never reads the title of another initiative's unpublished draft in the admin: not in the page
chooser (browsing or searching) and not on a bulk-action page asked about its id."""

import pytest

from tests.factories import add_practice

from .conftest import client_for

DRAFT_TITLE = "Geheim concept van het Kenniscentrum"


@pytest.fixture
def draft(network):
    return add_practice(network.initiative("kenniscentrum-kind-en-scheiding"), title=DRAFT_TITLE, publish=False)


def chooser_pages(client, draft):
    parent = draft.get_parent()
    return [
        client.get(f"/admin/choose-page/{parent.pk}/"),
        client.get("/admin/choose-page/search/", {"q": "Geheim concept"}),
    ]


@pytest.mark.django_db
def test_the_page_chooser_hides_other_initiatives_drafts(draft, coordinator):
    for response in chooser_pages(client_for(coordinator), draft):
        assert response.status_code == 200
        assert DRAFT_TITLE not in response.content.decode()


@pytest.mark.django_db
def test_editors_still_choose_drafts(draft, editor):
    pages = chooser_pages(client_for(editor), draft)
    assert all(DRAFT_TITLE in response.content.decode() for response in pages)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_a_bulk_action_page_does_not_name_a_draft_the_user_may_not_touch(draft, coordinator, action):
    response = client_for(coordinator).get(f"/admin/bulk/wagtailcore/page/{action}/", {"id": draft.pk})
    assert DRAFT_TITLE not in response.content.decode()
