"""Editors steer search: readers' questions are logged (words and daily counts only), the report shows the most
asked and those that find little, a question becomes a concept's search term in one click, and a promoted page
(a best bet) comes first and is marked. Real role accounts throughout."""

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from practices.models import Factor
from search.models import SearchOutcome

from .conftest import client_for


@pytest.mark.django_db
def test_a_question_is_logged_with_its_words_and_result_count_only(client):
    client.get("/zoeken/", {"q": "Wachtlijst voor bemiddeling"})
    client.get("/zoeken/", {"q": "wachtlijst voor bemiddeling", "pagina": "1"})
    client.get("/api/v1/search/", {"q": "xqzzy onvindbaar"})
    query = Query.objects.get(query_string="wachtlijst voor bemiddeling")
    assert QueryDailyHits.objects.get(query=query).hits == 2
    assert SearchOutcome.objects.get(query__query_string="xqzzy onvindbaar").result_count == 0
    # Nothing about the reader: the log's tables hold words, dates and counts.
    assert {field.name for field in QueryDailyHits._meta.concrete_fields} == {"id", "query", "date", "hits"}


@pytest.mark.django_db
def test_the_report_shows_editors_what_finds_little_and_coordinators_nothing(client, editor, coordinator):
    client.get("/zoeken/", {"q": "xqzzy onvindbaar"})
    client.get("/zoeken/", {"q": "casusoverleg"})
    report = client_for(editor).get("/admin/zoekvragen/", {"weinig": "1"})
    assert report.status_code == 200
    html = report.content.decode()
    assert "xqzzy onvindbaar" in html and "casusoverleg" not in html
    assert client_for(coordinator).get("/admin/zoekvragen/").status_code in (302, 403)


@pytest.mark.django_db
def test_an_editor_makes_a_question_a_search_term_in_one_click(
    client, editor, coordinator, django_capture_on_commit_callbacks
):
    factor = Factor.objects.get(slug="gebrek-aan-tijd")
    data = {"term": "overvolle agenda's", "concept": f"factor:{factor.pk}"}
    assert client_for(coordinator).post("/admin/zoekvragen/zoekterm/", data).status_code in (302, 403)
    factor.refresh_from_db()
    assert "overvolle agenda's" not in factor.search_term_list()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post("/admin/zoekvragen/zoekterm/", data)
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.search_term_list()[-1] == "overvolle agenda's"
    body = client.get("/api/v1/search/", {"q": "overvolle agenda's"}).json()
    assert {"facet": "factor", "value": "gebrek-aan-tijd", "label": factor.label} in body["concepts"]
    assert "gebrek-aan-tijd" in body["results"][0]["factors"]


@pytest.mark.django_db
def test_a_promoted_page_comes_first_and_is_marked(client, network):
    promoted = network.initiative("joop")
    SearchPromotion.objects.create(query=Query.get("casusoverleg"), page=promoted, sort_order=0)
    body = client.get("/api/v1/search/", {"q": "Casusoverleg"}).json()
    assert body["results"][0]["url"] == promoted.url and body["results"][0]["promoted"] is True
    assert [result["url"] for result in body["results"]].count(promoted.url) == 1
    html = client.get("/zoeken/", {"q": "casusoverleg"}).content.decode()
    results = html[html.index('<ol class="search-results') :]
    second_card = results.index('<li class="card">', results.index('<li class="card">') + 1)
    assert results.index("Aanbevolen door de redactie") < second_card
    # A filter that excludes the page excludes the promotion too.
    filtered = client.get("/api/v1/search/", {"q": "casusoverleg", "type": "practice"}).json()
    assert promoted.url not in [result["url"] for result in filtered["results"]]


@pytest.mark.django_db
def test_editors_may_promote_pages_and_coordinators_may_not(editor, coordinator):
    from django.urls import reverse

    add = reverse("wagtailsearchpromotions:add")
    assert client_for(editor).get(add).status_code == 200
    assert client_for(coordinator).get(add).status_code in (302, 403)
