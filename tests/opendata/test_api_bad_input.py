"""Hostile input to the API v2 is a 400 with a message, never a server error: the outside probe's requests and
the full-text engine's own syntax, on whichever database the suite runs (SQLite and PostgreSQL in `make test`)."""

import pytest

ENDPOINTS = ["/api/v2/pages/", "/api/v2/regions/", "/api/v2/images/", "/api/v2/documents/"]
LONG_QUERY = " ".join(f"xq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(120))


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "params",
    [
        {"search": "a", "search_operator": "xor"},
        {"search": "a", "search_operator": ""},  # an empty operator is no operator
        {"offset": "99999999999999999999"},
        {"offset": "-1"},
        {"offset": "١٢"},  # Arabic-Indic digits: int() reads them, the database would get them
        {"limit": "99999999999999999999"},
        {"search": LONG_QUERY},
        {"search": "x" * 1001},
    ],
    ids=lambda params: ",".join(f"{key}={value[:12]}" for key, value in params.items()),
)
def test_bad_parameters_are_a_400_with_a_message(client, endpoint, params):
    response = client.get(endpoint, params)
    if params == {"search": "a", "search_operator": ""}:
        assert response.status_code == 200
        return
    assert response.status_code == 400, response.content[:300]
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "search",
    ['"', 'casus"overleg', "NOT", "a OR", "NEAR(a b)", "title:joop", "*", "^a", "a -b", "(", "'", "\\", "\x00", "‘’"],
)
def test_query_syntax_of_the_full_text_engine_is_plain_text(client, endpoint, search):
    response = client.get(endpoint, {"search": search})
    assert response.status_code == 200, response.content[:300]


@pytest.mark.django_db
def test_search_still_finds_by_words_and_the_operators_still_work(client):
    def titles(**params):
        return [item["title"] for item in client.get("/api/v2/pages/", params).json()["items"]]

    found = titles(search='"casusoverleg"')
    assert found and found == titles(search="casusoverleg")
    both = titles(search="casusoverleg zeeland", search_operator="and")
    either = titles(search="casusoverleg zeeland", search_operator="or")
    assert set(both) <= set(either) and len(either) > len(both)
