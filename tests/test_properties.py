"""Property tests (Hypothesis): whatever a reader types into the query parser and the form fields, the answer is
a result or a message, never a server error.

Derandomized: the same examples on every run and machine, so a failure in CI is one a developer can repeat;
``HYPOTHESIS_MAX_EXAMPLES`` raises the number of examples for a longer local hunt.
"""

import os

import pytest
from django.core.cache import cache
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exchange.forms import HTML_TAG
from exchange.models import ExchangeRequest
from network.views import MAX_COMPARED, MIN_COMPARED, parse_slugs
from search.query import MAX_LIMIT, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SearchInputError, parse_search_query

pytestmark = pytest.mark.fuzz
EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as a browser sends it: any Unicode, with the characters query syntaxes and markup care about made likely.
SPECIAL = st.sampled_from(list("\"'*^:()-+,<>&;/\\%_ \t\n\x00") + ["AND", "OR", "NOT", "NEAR", "<script>", "é", "ß"])
TEXT = st.lists(st.one_of(st.text(max_size=12), SPECIAL), max_size=30).map("".join)
NUMBERS = st.one_of(st.integers(-(10**25), 10**25).map(str), TEXT)
SEARCH_PARAMETERS = ("q", "region", "initiative", "theme", "factor", "discipline", "type", "tag", "limit", "offset")


def query_dict(pairs):
    params = QueryDict(mutable=True)
    for key, value in pairs:
        params.appendlist(key, value)
    return params


@pytest.mark.django_db
@PROPERTY
@given(
    st.lists(
        st.tuples(st.sampled_from([*SEARCH_PARAMETERS, "backend", "onbekend"]), st.one_of(TEXT, NUMBERS)),
        max_size=8,
    )
)
def test_the_query_parser_answers_a_query_or_a_dutch_message(pairs):
    try:
        query = parse_search_query(query_dict(pairs))
    except SearchInputError as error:
        assert str(error).strip()
        return
    assert len(query.text) <= MAX_QUERY_LENGTH and query.text.isprintable()
    assert 1 <= query.limit <= MAX_LIMIT and 0 <= query.offset <= MAX_RESULT_WINDOW - query.limit


@PROPERTY
@given(st.lists(st.one_of(TEXT, st.sampled_from(["kees", "bram", "joop", "kees,bram"])), max_size=10))
def test_the_compare_choice_is_a_valid_selection_or_a_dutch_message(values):
    slugs, error = parse_slugs(query_dict(("initiatieven", value) for value in values))
    if error:
        assert slugs == [] and error.strip()
    else:
        assert MIN_COMPARED <= len(slugs) <= MAX_COMPARED and len(set(slugs)) == len(slugs)


@pytest.mark.django_db
@PROPERTY
@given(search=TEXT, operator=st.sampled_from(["", "and", "or", "xor"]), offset=st.one_of(st.just(""), NUMBERS))
def test_the_api_v2_answers_any_search_with_results_or_a_400(client, search, operator, offset):
    response = client.get("/api/v2/pages/", {"search": search, "search_operator": operator, "offset": offset})
    assert response.status_code in (200, 400), (search, operator, offset, response.content[:300])
    body = response.json()
    assert "items" in body if response.status_code == 200 else body["message"]


@pytest.mark.django_db
@PROPERTY
@given(
    kind=st.one_of(st.sampled_from(["vraag", "werkbezoek", "materialen"]), TEXT),
    name=TEXT,
    organisation=TEXT,
    email=st.one_of(st.emails(), TEXT),
    municipality=TEXT,
    message=st.one_of(TEXT, st.text(min_size=2990, max_size=3010)),
)
def test_the_contact_form_stores_clean_text_or_explains_in_dutch(
    client, network, settings, kind, name, organisation, email, municipality, message
):
    settings.EXCHANGE_RATE_LIMIT = 10**6
    cache.clear()
    before = ExchangeRequest.objects.count()
    data = {
        "kind": kind,
        "name": name,
        "organisation": organisation,
        "email": email,
        "municipality": municipality,
        "message": message,
        "homepage": "",
    }
    response = client.post("/contact/joop/", data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert "Uw verzoek is nog niet verstuurd" in response.content.decode()
        assert ExchangeRequest.objects.count() == before
        return
    stored = ExchangeRequest.objects.order_by("-pk").first()
    for value in (stored.name, stored.organisation, stored.municipality, stored.message):
        assert not HTML_TAG.search(value)
    assert len(stored.message) <= 3000 and len(stored.name) <= 100
