"""The project's Dutch analyzers on a real Elasticsearch node (search.analysis).

Each test asks the node's ``_analyze`` API what ``dutch_index`` makes of a text
and what ``dutch_search`` makes of a query, and checks that they meet where a
searcher expects them to. The node comes from the ``elasticsearch_url`` fixture
(tests/search/conftest.py), which skips these tests where no node can be started.
No Django needed.
"""

import uuid
from pathlib import Path

import pytest

from search.analysis import MIN_WORD_SIZE, decompounder_finds_parts, index_analysis_settings, tokenize

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(scope="module")
def es(elasticsearch_url):
    elasticsearch = pytest.importorskip("elasticsearch")
    client = elasticsearch.Elasticsearch(elasticsearch_url, request_timeout=60)
    # Not info()/ping(): GET / answers 405 on this distribution.
    client.cluster.health(wait_for_status="yellow", timeout="30s")
    yield client
    client.close()


@pytest.fixture(scope="module")
def index(es):
    """A throw-away index with the project's analysis settings, and a text field
    analysed the way the search index does it."""
    name = f"test-analysis-{uuid.uuid4().hex[:8]}"
    es.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": index_analysis_settings()},
        mappings={
            "properties": {
                "body": {"type": "text", "analyzer": "dutch_index", "search_analyzer": "dutch_search"},
                "title": {"type": "text", "analyzer": "autocomplete_index", "search_analyzer": "autocomplete_search"},
            }
        },
    )
    yield name
    es.indices.delete(index=name, ignore_unavailable=True)


def analyze(es, index, analyzer, text):
    return es.indices.analyze(index=index, analyzer=analyzer, text=text)["tokens"]


def tokens(es, index, analyzer, text):
    return [token["token"] for token in analyze(es, index, analyzer, text)]


def indexed(es, index, text):
    """The terms a text puts in the index."""
    return set(tokens(es, index, "dutch_index", text))


def searched(es, index, text):
    """The terms a query looks for, synonyms included."""
    return set(tokens(es, index, "dutch_search", text))


def own_terms(es, index, text):
    """The terms of the query's own words, without the synonyms it adds."""
    return {token["token"] for token in analyze(es, index, "dutch_search", text) if token["type"] != "SYNONYM"}


@pytest.mark.parametrize(
    "singular, plural",
    [
        ("scheiding", "scheidingen"),
        ("vechtscheiding", "vechtscheidingen"),
        ("echtscheidingsloket", "echtscheidingsloketten"),
        ("kind", "kinderen"),
        ("huisarts", "huisartsen"),
        ("organisatie", "organisaties"),
        ("subsidie", "subsidies"),
        ("plan", "plannen"),
        ("gezin", "gezinnen"),
    ],
)
def test_singular_and_plural_end_on_the_same_token(es, index, singular, plural):
    assert indexed(es, index, singular) == indexed(es, index, plural)
    assert searched(es, index, singular) == searched(es, index, plural)
    assert own_terms(es, index, plural) <= indexed(es, index, singular)
    assert own_terms(es, index, singular) <= indexed(es, index, plural)


def test_a_compound_in_the_text_is_found_by_its_parts(es, index):
    text = indexed(es, index, "De vechtscheidingsproblematiek in de regio")
    assert own_terms(es, index, "vechtscheiding") <= text
    assert own_terms(es, index, "scheiding") <= text
    assert own_terms(es, index, "problematiek") <= text


def test_ouderschapsplan_is_indexed_with_its_parts(es, index):
    assert own_terms(es, index, "ouderschap") | own_terms(es, index, "plan") <= indexed(es, index, "ouderschapsplan")
    assert {"ouderschapsplan", "ouderschap", "plan"} <= indexed(es, index, "ouderschapsplan")


@pytest.mark.parametrize(
    "word, parts",
    [
        ("echtscheidingsloket", ["echtscheiding", "loket"]),
        ("kindgesprekken", ["kind", "gesprek"]),
        ("scheidingsbemiddelaar", ["scheiding", "bemiddelaar"]),
        ("jeugdhulpverlening", ["jeugd", "hulp", "hulpverlening"]),
    ],
)
def test_more_compounds_are_found_by_their_parts(es, index, word, parts):
    text = indexed(es, index, word)
    for part in parts:
        assert own_terms(es, index, part) <= text, part


def test_accidental_words_inside_words_are_not_indexed(es, index):
    # "echt" hides in vechtscheiding, "belang" in belangrijk, "middel" in
    # bemiddeling: none of them may make those texts match.
    assert not searched(es, index, "echt") & indexed(es, index, "vechtscheiding")
    assert not searched(es, index, "belang") & indexed(es, index, "belangrijk")
    assert not searched(es, index, "middel") & indexed(es, index, "bemiddeling")


def test_a_synonym_query_meets_the_indexed_word(es, index):
    text = indexed(es, index, "Ouders in een vechtscheiding")
    assert searched(es, index, "complexe scheiding") & text
    assert searched(es, index, "conflictscheiding") & text


@pytest.mark.parametrize(
    "query, text",
    [
        ("rvdk", "De Raad voor de Kinderbescherming doet onderzoek"),
        ("scheidingsbemiddelaar", "Een mediator voor beide ouders"),
        ("omgangshuis", "Begeleide omgang in het weekend"),
        ("loyaliteitsconflict", "Kinderen die klem zitten tussen ouders"),
        ("juristen", "advocaten en mediators"),
        ("kinderen", "het kind centraal"),
    ],
)
def test_synonyms_find_the_field_s_other_words(es, index, query, text):
    assert searched(es, index, query) & indexed(es, index, text)


def test_the_initiative_s_name_is_not_expanded(es, index):
    assert not searched(es, index, "High Conflict Forum") & indexed(es, index, "vechtscheiding")


def test_diacritics_fold(es, index):
    assert indexed(es, index, "café") == searched(es, index, "cafe") == indexed(es, index, "cafe")
    # (A word of the decompounding list comes out twice at the same position:
    # Lucene's decompounder also reports the whole word as a part of itself.)
    assert indexed(es, index, "coördinatie") == searched(es, index, "coordinatie")
    assert indexed(es, index, "casuïstiekoverleg") >= own_terms(es, index, "casuistiek")
    # "één" folds to the stop word "een"; the plain analyzer shows the folding itself.
    assert tokens(es, index, "autocomplete_search", "één Café") == ["een", "cafe"]
    assert tokens(es, index, "dutch_index", "één") == tokens(es, index, "dutch_index", "een") == []


def test_html_in_rich_text_is_stripped(es, index):
    rich_text = "<p>Het <b>loket</b></p>"
    assert tokens(es, index, "dutch_index", rich_text) == tokens(es, index, "dutch_index", "Het loket")
    assert own_terms(es, index, "loket") == indexed(es, index, rich_text)
    assert tokens(es, index, "autocomplete_index", rich_text) == tokens(es, index, "autocomplete_index", "Het loket")


def test_stop_words_are_dropped(es, index):
    assert tokens(es, index, "dutch_index", "de en van het") == []


def test_autocomplete_indexes_prefixes(es, index):
    grams = tokens(es, index, "autocomplete_index", "Echtscheidingsloket")
    assert {"ec", "echts", "echtscheidingsl", "echtscheidingsloket"} <= set(grams)
    assert tokens(es, index, "autocomplete_search", "Echtsch") == ["echtsch"]


def test_match_queries_find_documents_through_synonyms_and_parts(es, index):
    documents = {
        "1": "<p>Het <b>echtscheidingsloket</b> in Zoetermeer</p>",
        "2": "Vechtscheidingsproblematiek vraagt om een multidisciplinair casusoverleg.",
        "3": "De Raad voor de Kinderbescherming en de advocaten.",
        "4": "Een scheidingsbemiddelaar voor de kartrekkers.",
    }
    for doc_id, body in documents.items():
        es.index(index=index, id=doc_id, document={"body": body, "title": body})
    es.indices.refresh(index=index)

    def hits(query):
        response = es.search(index=index, query={"match": {"body": query}})
        return {hit["_id"] for hit in response["hits"]["hits"]}

    assert "1" in hits("loket")
    assert "2" in hits("complexe scheiding")
    assert "3" in hits("rvdk")
    assert "3" in hits("raad voor de kinderbescherming")
    assert "4" in hits("familiemediator")
    assert hits("mediator") == {"4"}


def test_python_knows_which_words_the_decompounder_splits(es, index):
    # The search backend leaves its decompounding clause out when decompounder_finds_parts says a query has no
    # compound; that must be exactly when the node's decompounder adds nothing. Checked on every long word of the
    # study's content, in one request: parts share the position of the word they come from.
    content = (Path(__file__).resolve().parents[2] / "network" / "data" / "study_content.json").read_text()
    words = sorted({word for word in tokenize(content) if len(word) >= MIN_WORD_SIZE and word.isalpha()})
    found = es.indices.analyze(
        index=index,
        tokenizer="standard",
        filter=["lowercase", "nl_folding", "nl_decompounder"],
        text=" ".join(words),
    )["tokens"]
    parts_at = {}
    for token in found:
        parts_at.setdefault(token["position"], set()).add(token["token"])
    node_splits = {word: bool(parts_at[position] - {word}) for position, word in enumerate(words)}
    assert sum(node_splits.values()) > 100  # the study is full of compounds
    disagreements = {word: splits for word, splits in node_splits.items() if splits != decompounder_finds_parts(word)}
    assert not disagreements
