"""The search API contract and the search page, including every kind of bad input."""

import pytest

from search.indexing import reindex_subtree
from tests.factories import add_practice

RESULT_KEYS = {
    "type",
    "title",
    "url",
    "initiative",
    "region",
    "themes",
    "factors",
    "tags",
    "snippet",
    "score",
    "promoted",
}


@pytest.mark.django_db
def test_the_answer_has_the_contracted_shape(client):
    body = client.get("/api/v1/search/", {"q": "echtscheidingsloket"}).json()
    assert body["query"] == "echtscheidingsloket"
    assert body["backend"] in ("database", "elasticsearch")
    assert body["count"] >= len(body["results"]) > 0
    assert len(body["results"]) <= 10
    for result in body["results"]:
        assert set(result) == RESULT_KEYS
        assert result["type"] in {"practice", "initiative", "update", "region"}
        assert result["url"].startswith("/netwerk/")
    assert set(body["facets"]) == {"region", "initiative", "theme", "factor", "type"}
    for values in body["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count"}


@pytest.mark.django_db
def test_an_initiative_carries_its_own_slug_and_a_practice_its_initiatives(client):
    results = client.get("/api/v1/search/", {"q": "Scheidingspunt", "limit": 100}).json()["results"]
    own = [r for r in results if r["type"] == "initiative" and r["title"] == "Scheidingspunt"]
    assert own and own[0]["initiative"] == "scheidingspunt" and own[0]["region"] == "haaglanden"
    practices = [
        r for r in results if r["type"] == "practice" and r["url"].startswith("/netwerk/haaglanden/scheidingspunt/")
    ]
    assert practices and all(r["initiative"] == "scheidingspunt" for r in practices)


@pytest.mark.django_db
def test_limit_and_offset_page_through_the_results(client):
    first = client.get("/api/v1/search/", {"limit": 5}).json()
    second = client.get("/api/v1/search/", {"limit": 5, "offset": 5}).json()
    assert len(first["results"]) == 5 and len(second["results"]) == 5
    assert not {r["url"] for r in first["results"]} & {r["url"] for r in second["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "tien"}, "geheel getal"),
        ({"limit": "0"}, "tussen"),
        ({"limit": "101"}, "tussen"),
        ({"offset": "-1"}, "tussen"),
        ({"offset": "1.5"}, "geheel getal"),
        ({"region": "atlantis"}, "Onbekende waarde"),
        ({"initiative": "kees,nope"}, "Onbekende waarde"),
        ({"theme": "x"}, "Onbekende waarde"),
        ({"factor": "x"}, "Onbekende waarde"),
        ({"discipline": "magie"}, "Onbekende waarde"),
        ({"type": "person"}, "Onbekende waarde"),
        ({"theme": "onzin\x00"}, "Onbekende waarde"),
        ({"backend": "solr"}, "Onbekende backend"),
        ({"q": "x" * 1001}, "te lang"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, params, message):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"*()~^:\\/[]{}!', "\x00", "loket\x00", "Zoetermeer 佐特尔梅尔 Зутермер", "x" * 1000])
def test_syntax_characters_null_bytes_and_mixed_scripts_are_just_text(client, text):
    response = client.get("/api/v1/search/", {"q": text})
    assert response.status_code == 200
    assert response.json()["count"] >= 0


@pytest.mark.django_db
def test_the_api_never_shows_a_draft(client, network):
    add_practice(network.initiative("kees"), title="Geheim concept over loketten", publish=False)
    body = client.get("/api/v1/search/", {"q": "Geheim concept", "limit": 100}).json()
    assert all("Geheim concept" not in result["title"] for result in body["results"])


@pytest.mark.django_db
def test_publishing_indexes_and_unpublishing_and_deleting_remove(client, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        practice = add_practice(network.initiative("joop"), title="Zeeuwse ouderschapsplanwerkplaats")
    assert _titles(client, "ouderschapsplanwerkplaats") == {"Zeeuwse ouderschapsplanwerkplaats"}
    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()
    assert _titles(client, "ouderschapsplanwerkplaats") == set()
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    assert _titles(client, "ouderschapsplanwerkplaats")
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()
    assert _titles(client, "ouderschapsplanwerkplaats") == set()


def _titles(client, text):
    return {result["title"] for result in client.get("/api/v1/search/", {"q": text}).json()["results"]}


@pytest.mark.django_db
def test_the_search_page_shows_results_facets_and_works_without_javascript(client):
    response = client.get("/zoeken/", {"q": "casusoverleg"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in html
    assert 'type="checkbox"' in html and 'name="theme"' in html
    assert 'role="search"' in html


@pytest.mark.django_db
def test_the_search_page_offers_a_correction_when_nothing_matches(client):
    html = client.get("/zoeken/", {"q": "casusoverlg"}).content.decode()
    assert "Bedoelde u" in html and "casusoverleg" in html


@pytest.mark.django_db
def test_the_search_page_says_what_is_wrong_with_bad_input(client):
    response = client.get("/zoeken/", {"q": "x" * 1001})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()


@pytest.mark.django_db
def test_suggestions_complete_titles(client):
    body = client.get("/api/v1/search/suggest/", {"q": "Schil"}).json()
    assert any("Schillenmodel" in item["title"] for item in body["suggestions"])
    assert client.get("/api/v1/search/suggest/", {"q": "x" * 101}).status_code == 400


@pytest.fixture
def unreachable_elasticsearch(settings):
    """Elasticsearch switched on but not answering: a loopback port where nothing listens."""
    import socket

    from search.service import search_service

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    search_service.cache_clear()
    yield
    search_service.cache_clear()


@pytest.mark.django_db
def test_when_elasticsearch_is_down_the_page_and_the_api_say_the_database_answered(client, unreachable_elasticsearch):
    html = client.get("/zoeken/", {"q": "casusoverleg"}).content.decode()
    assert "Elasticsearch is niet bereikbaar" in html
    assert "<mark>" in html
    body = client.get("/api/v1/search/", {"q": "casusoverleg"}).json()
    assert body["backend"] == "database" and body["count"] > 0
    assert "niet bereikbaar" in body["fallback"]


@pytest.mark.django_db
def test_publishing_still_works_when_elasticsearch_is_down(
    client, network, unreachable_elasticsearch, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level("WARNING"), django_capture_on_commit_callbacks(execute=True):
        add_practice(network.initiative("bram"), title="Twentse omgangsregelingwerkplaats")
    assert client.get("/netwerk/twente/bram/").status_code == 200
    assert _titles(client, "omgangsregelingwerkplaats") == {"Twentse omgangsregelingwerkplaats"}
    assert "Could not update the elasticsearch index" in caplog.text


@pytest.mark.django_db
def test_a_tag_only_a_draft_carries_is_unknown_to_search(client, network):
    # Saving a draft writes its tags at once; readers must not filter by them before review.
    draft = add_practice(
        network.initiative("joop"), title="Concept met trefwoord", tags=["geheimtrefwoord"], publish=False
    )
    for path in ("/api/v1/search/", "/zoeken/", "/feeds/rss/"):
        assert client.get(path, {"tag": "geheimtrefwoord"}).status_code in (400, 404), path
    draft.save_revision().publish()
    reindex_subtree(draft)
    assert client.get("/api/v1/search/", {"tag": "geheimtrefwoord"}).json()["count"] == 1
