"""Listing pages run a fixed number of SQL queries, however many items they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_initiative, add_practice, add_update


def queries_for(client, url):
    client.get(url)  # warm Wagtail's per-site caches, which are not what this test is about
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_more_content(network):
    """Two more initiatives, each with practices (themes, factors, tags) and an update."""
    for number, region_slug in enumerate(["twente", "zeeland"]):
        initiative = add_initiative(network.region(region_slug))
        for _ in range(2):
            add_practice(
                initiative,
                themes=["casusoverleg", "sociale-kaart"],
                factors=["leiderschap"],
                tags=["extra", f"t{number}"],
            )
        add_update(initiative)
        add_practice(network.initiative("kees"), themes=["impactmeting"], factors=["financiering"], tags=["meer"])


LISTINGS = [
    "/",
    "/netwerk/",
    "/netwerk/twente/",
    "/netwerk/noord-nederland/kees/",
    "/praktijken/",
    "/praktijken/?theme=casusoverleg&theme=sociale-kaart",
    "/praktijken/?region=twente&factor=leiderschap",
    "/praktijken/?pagina=2",
    # Questions that name a place and a concept: matching them adds no query per result.
    "/zoeken/?q=Goes",
    "/zoeken/?q=steering+group",
    "/praktijken/?q=casusoverleg+Twente",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTINGS)
def test_a_listing_costs_the_same_queries_with_more_items(client, network, url):
    add_more_content(network)  # so that every listing has items to show before it gets more
    before = queries_for(client, url)
    add_more_content(network)
    after = queries_for(client, url)
    assert after == before, f"{url}: {before} queries before, {after} after adding content"


# Queries per page type, rendered from nothing (the first reader after a publish) and kept in the shared cache
# (core/page_cache.py), where a reader is answered before Wagtail looks the page up. In between, a page rendered
# from its kept fragments: tests/core/test_fragments.py. Raise a budget only knowingly.
BUDGETS = [
    # url, rendered, from the page cache
    ("/", 23, 0),
    # The study's full reference is one query on every page that cites it.
    ("/netwerk/", 18, 0),
    ("/netwerk/noord-nederland/", 20, 0),
    # Two for "Wie kan u helpen?" (exchange/who_can_help.py), whatever the size of the network.
    ("/netwerk/noord-nederland/kees/", 31, 0),
    # One for the exchange a practice may have come from (templates/exchange/practice_origin.html).
    ("/netwerk/noord-nederland/kees/kees-aanbod-in-kaart/", 17, 0),
    # And the counted tags and the cards' kinds on the overview; on its unfiltered first page also the newest
    # practice of each region (regions, their practices, the six cards with their themes, factors, tags and places).
    ("/praktijken/", 30, 0),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "rendered", "from_cache"), BUDGETS)
def test_each_page_type_stays_within_its_query_budget(client, network, settings, url, rendered, from_cache):
    assert queries_for(client, url) <= rendered
    settings.PAGE_CACHE_SECONDS = 3600
    assert queries_for(client, url) <= from_cache
