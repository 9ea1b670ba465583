"""Addresses find their page in a fixed number of queries, with Wagtail's answers: the live page or a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from network.models import InitiativePage, NetworkIndexPage
from tests.factories import add_practice


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/netwerk/twente/",  # the region exists, under the network index
        "/netwerk/noord-nederland/kees/",
        "/netwerk/noord-nederland/kees/kees-aanbod-in-kaart/",
    ],
)
def test_a_page_deeper_in_the_tree_costs_no_more_queries_to_find(client, network, kept_pages, url):
    client.get(url)  # fragments kept: what remains is finding the page
    status, deep = queries(client, url)
    assert status == 200
    client.get("/netwerk/")
    _, shallow = queries(client, "/netwerk/")
    # Routing is the same two queries at any depth; the rest differs per page type by at most one query.
    assert deep <= shallow + 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/netwerk/bestaat-niet/",
        "/netwerk/noord-nederland/bestaat-niet/",
        "/netwerk/kees/",  # a real slug under the wrong parent
        "/kees/",
        "/netwerk/noord-nederland/kees/kees-aanbod-in-kaart/verder/",  # below a page that has no such child
    ],
)
def test_an_address_that_is_no_page_is_a_404(client, network, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_draft_page_is_a_404_while_its_live_parent_answers(client, network):
    kees = InitiativePage.objects.get(slug="kees")
    draft = add_practice(kees, title="Nog een concept", publish=False)
    assert client.get(draft.url_path.removeprefix(Site.objects.get().root_page.url_path[:-1])).status_code == 404
    assert client.get("/netwerk/noord-nederland/kees/").status_code == 200


@pytest.mark.django_db
def test_a_new_site_is_found_after_it_is_saved(client, network, kept_pages, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "netwerk.example.org"]
    client.get("/netwerk/", HTTP_HOST="netwerk.example.org")  # the default site answers every host
    network_index = NetworkIndexPage.objects.get()
    Site.objects.create(hostname="netwerk.example.org", port=80, root_page=Page.objects.get(pk=network_index.pk))
    response = client.get("/twente/", HTTP_HOST="netwerk.example.org")
    assert response.status_code == 200, "the new site's own root, not the process's kept list of sites"
    assert client.get("/netwerk/twente/").status_code == 200
