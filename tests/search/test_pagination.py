"""Paging through results: Django's Paginator on the search page and the overview, and exports of every hit."""

import re

import pytest

from search.backends import elasticsearch
from search.pagination import LINKS_AT_ENDS, LINKS_EACH_SIDE
from search.query import MAX_RESULT_WINDOW, SearchQuery
from tests.factories import add_practice


def page_links(response):
    return [
        item
        for item in response.context["page_obj"].elided_page_range
        if item != response.context["page_obj"].paginator.ELLIPSIS
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/zoeken/", "/praktijken/"])
@pytest.mark.parametrize("number", ["0", "-1", "abc", "1.5", "900", str(MAX_RESULT_WINDOW + 1)])
def test_a_page_number_that_names_no_page_is_a_404(client, path, number):
    response = client.get(path, {"pagina": number})
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_last_page_is_a_page_and_the_one_after_it_a_404(client):
    first = client.get("/zoeken/")
    last = first.context["page_obj"].paginator.num_pages
    assert last > 5
    response = client.get("/zoeken/", {"pagina": last})
    assert response.status_code == 200
    assert response.context["page_obj"].number == last
    assert len(response.context["results"].hits) == first.context["results"].count - (last - 1) * 10
    assert client.get("/zoeken/", {"pagina": last + 1}).status_code == 404


@pytest.mark.django_db
def test_the_search_page_links_a_bounded_window_of_pages(client, network):
    for _ in range(40):
        add_practice(network.initiative("kees"))
    response = client.get("/zoeken/", {"pagina": 6})
    paginator = response.context["page_obj"].paginator
    assert paginator.num_pages > 2 * (LINKS_EACH_SIDE + LINKS_AT_ENDS) + 3
    links = page_links(response)
    assert links == [1, 4, 5, 6, 7, 8, paginator.num_pages]
    html = response.content.decode()
    assert 'aria-current="page"' in html
    assert "…" in html
    assert len(re.findall(r'href="\?[^"]*pagina=', html)) == len(links) + 2  # and "Vorige" and "Volgende"


@pytest.mark.django_db
def test_the_overview_and_the_search_page_page_the_same_way(client, network):
    for _ in range(14):
        add_practice(network.initiative("kees"), themes=["sociale-kaart"])
    overview = client.get("/praktijken/", {"theme": "sociale-kaart", "pagina": 2})
    search = client.get("/zoeken/", {"theme": "sociale-kaart", "type": "practice", "pagina": 2})
    for response in (overview, search):
        assert response.status_code == 200
        assert response.context["page_obj"].has_previous()
        assert 'rel="prev"' in response.content.decode()


@pytest.mark.django_db
def test_the_api_refuses_a_window_deeper_than_a_search_reaches(client):
    response = client.get("/api/v1/search/", {"limit": 100, "offset": MAX_RESULT_WINDOW - 99})
    assert response.status_code == 400
    assert "offset" in response.json()["error"]
    assert client.get("/api/v1/search/", {"limit": 100, "offset": MAX_RESULT_WINDOW - 100}).status_code == 200


def test_every_hit_comes_once_from_either_backend_in_a_few_pages(service, monkeypatch):
    # Small export pages, so that reading every hit takes several round trips through the point in time.
    monkeypatch.setattr(elasticsearch, "EXPORT_PAGE_SIZE", 7)
    for query in (SearchQuery(text="scheiding"), SearchQuery(filters={"type": ("practice",)})):
        counted = service.search(query.window(0, 1)).count
        hits = list(service.all_hits(query))
        assert counted > 20
        assert len(hits) == counted
        assert len({hit.id for hit in hits}) == counted
        if not query.text:
            assert [hit.title for hit in hits[:10]] == [hit.title for hit in service.search(query).hits]
