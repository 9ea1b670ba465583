"""The Elasticsearch node that search/elasticsearch-node.sh starts, and its analysis plugin.

Every analysis definition here uses stock analysis-common names and parameters, so the same settings
also run on a stock Elasticsearch 8.19/9.x cluster (ELASTICSEARCH_TEST_URL) without the plugin.
Plain urllib keeps these tests independent of client versions; the root endpoint, which the plugin adds
because this distribution lacks it, is checked with the official client too.
"""

import json
import os
import urllib.error
import urllib.request
import uuid

import pytest

pytestmark = pytest.mark.elasticsearch

WORD_LIST = ["scheiding", "vecht", "echt", "loket", "ouderschap", "plan", "kind", "gesprek"]


def call(base_url, method, path, body=None):
    """(HTTP status, decoded JSON body); HTTP errors are returned, not raised."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(base_url + path, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own node)
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        raw = error.read()
        status = error.code
    text = raw.decode() if raw else ""
    try:
        return status, json.loads(text) if text else None
    except json.JSONDecodeError:
        return status, text


def analyze(base_url, **definition):
    status, body = call(base_url, "POST", "/_analyze", definition)
    assert status == 200, body
    return [token["token"] for token in body["tokens"]]


def error_reason(body):
    """All reasons of an error response, root causes and causes included, as one string."""
    return json.dumps(body["error"])


@pytest.fixture
def index_name(elasticsearch_url):
    name = f"test-analysis-{uuid.uuid4().hex[:12]}"
    yield name
    call(elasticsearch_url, "DELETE", f"/{name}")


# ---------------------------------------------------------------------------------------------
# The node


def test_cluster_is_healthy(elasticsearch_url):
    status, body = call(elasticsearch_url, "GET", "/_cluster/health?wait_for_status=yellow&timeout=30s")
    assert status == 200
    assert body["status"] in {"green", "yellow"}


def test_node_runs_elasticsearch_8_19(elasticsearch_url):
    status, body = call(elasticsearch_url, "GET", "/_nodes/_local")
    assert status == 200
    (node,) = body["nodes"].values()
    assert node["version"].startswith(("8.19.", "9."))


def test_analysis_plugin_is_installed(elasticsearch_url):
    status, plugins = call(elasticsearch_url, "GET", "/_cat/plugins?format=json")
    assert status == 200
    if os.environ.get("ELASTICSEARCH_TEST_URL"):
        # A stock cluster brings the same components in its analysis-common module instead.
        _, info = call(elasticsearch_url, "GET", "/_nodes/_local/plugins")
        (node,) = info["nodes"].values()
        if any(module["name"] == "analysis-common" for module in node["modules"]):
            pytest.skip("stock cluster: analysis-common provides the analysis components")
    assert "project-analysis" in {plugin["component"] for plugin in plugins}


def test_python_client_talks_to_the_node(elasticsearch_client):
    assert elasticsearch_client.cluster.health()["status"] in {"green", "yellow"}


def test_the_root_answers_like_a_stock_node_so_client_info_and_ping_work(elasticsearch_client, elasticsearch_url):
    info = elasticsearch_client.info()
    _, nodes = call(elasticsearch_url, "GET", "/_nodes/_local")
    ((node_id, node),) = nodes["nodes"].items()
    _, state = call(elasticsearch_url, "GET", "/_cluster/state/metadata?filter_path=metadata.cluster_uuid")
    assert info["name"] == node["name"]
    assert info["cluster_name"] == nodes["cluster_name"]
    assert info["cluster_uuid"] == state["metadata"]["cluster_uuid"] != "_na_"
    assert info["version"]["number"] == node["version"]
    assert info["version"]["lucene_version"]
    assert info["tagline"] == "You Know, for Search"
    assert elasticsearch_client.ping() is True


def test_head_on_the_root_is_200_without_a_body(elasticsearch_url):
    status, body = call(elasticsearch_url, "HEAD", "/")
    assert (status, body) == (200, None)


# ---------------------------------------------------------------------------------------------
# Each component, with Dutch text


def test_dutch_stemmer(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "stemmer", "language": "dutch"}],
        text="Scheidingen kinderen gesprekken",
    )
    assert tokens == ["scheiding", "kinder", "gesprek"]


def test_stemmer_name_is_an_alias_of_language(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url, tokenizer="standard", filter=[{"type": "stemmer", "name": "dutch"}], text="gesprekken"
    )
    assert tokens == ["gesprek"]


def test_stemmer_override_and_keyword_marker(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=[
            "lowercase",
            {"type": "keyword_marker", "keywords": ["ouders"]},
            {"type": "stemmer_override", "rules": ["kinderen, kinders => kind"]},
            {"type": "stemmer", "language": "dutch"},
        ],
        text="ouders kinderen scheidingen",
    )
    assert tokens == ["ouders", "kind", "scheiding"]


def test_dictionary_decompounder(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "dictionary_decompounder", "word_list": WORD_LIST}],
        text="Vechtscheidingsproblematiek ouderschapsplan",
    )
    first, *rest = tokens
    assert first == "vechtscheidingsproblematiek"
    assert {"vecht", "scheiding"} <= set(rest)
    assert tokens[-3:] == ["ouderschapsplan", "ouderschap", "plan"]


def test_asciifolding(elasticsearch_url):
    tokens = analyze(elasticsearch_url, tokenizer="standard", filter=["lowercase", "asciifolding"], text="één café")
    assert tokens == ["een", "cafe"]


def test_asciifolding_preserve_original(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "asciifolding", "preserve_original": True}],
        text="café",
    )
    assert tokens == ["cafe", "café"]


def test_html_strip(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        char_filter=["html_strip"],
        filter=["lowercase"],
        text="<p>Ouders &amp; kinderen</p>",
    )
    assert tokens == ["ouders", "kinderen"]


def test_synonym_graph_rules_go_through_the_chain_before_it(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=[
            "lowercase",
            "asciifolding",
            {"type": "synonym_graph", "synonyms": ["Vechtscheiding, complexe scheiding", "Omgangsregeling => omgang"]},
        ],
        text="VECHTSCHEIDING omgangsregeling",
    )
    assert {"vechtscheiding", "complexe", "scheiding", "omgang"} <= set(tokens)
    assert "omgangsregeling" not in tokens


def test_dutch_stop_words(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "stop", "stopwords": "_dutch_"}],
        text="de ouders en het kind",
    )
    assert tokens == ["ouders", "kind"]


def test_edge_ngram_filter(elasticsearch_url):
    assert analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}],
        text="Kind",
    ) == ["k", "ki", "kin", "kind"]


def test_shingle(elasticsearch_url):
    tokens = analyze(
        elasticsearch_url,
        tokenizer="standard",
        filter=["lowercase", {"type": "shingle", "max_shingle_size": 2, "output_unigrams": False}],
        text="Ouders en kind",
    )
    assert tokens == ["ouders en", "en kind"]


# ---------------------------------------------------------------------------------------------
# Real indices


DUTCH_INDEX_SETTINGS = {
    "settings": {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": {
            "filter": {
                "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                "dutch_keywords": {"type": "keyword_marker", "keywords": ["ouders"]},
                "dutch_override": {"type": "stemmer_override", "rules": ["kinderen => kind"]},
                "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                "dutch_compounds": {"type": "dictionary_decompounder", "word_list": WORD_LIST},
                "dutch_synonyms": {"type": "synonym_graph", "synonyms": ["vechtscheiding, conflictscheiding"]},
            },
            "analyzer": {
                "dutch_index": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["html_strip"],
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        "dutch_stop",
                        "dutch_compounds",
                        "dutch_keywords",
                        "dutch_override",
                        "dutch_stemmer",
                    ],
                },
                "dutch_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        "dutch_stop",
                        "dutch_synonyms",
                        "dutch_keywords",
                        "dutch_override",
                        "dutch_stemmer",
                    ],
                },
            },
        },
    },
    "mappings": {
        "properties": {"body": {"type": "text", "analyzer": "dutch_index", "search_analyzer": "dutch_search"}}
    },
}


def test_dutch_index_finds_compound_parts_and_synonyms(elasticsearch_url, index_name):
    status, body = call(elasticsearch_url, "PUT", f"/{index_name}", DUTCH_INDEX_SETTINGS)
    assert status == 200, body
    document = {"body": "<p>Hulp bij vechtscheidingsproblematiek &amp; het ouderschapsplan</p>"}
    status, body = call(elasticsearch_url, "PUT", f"/{index_name}/_doc/1?refresh=true", document)
    assert status in {200, 201}, body

    def hits(query):
        status, body = call(elasticsearch_url, "POST", f"/{index_name}/_search", {"query": {"match": {"body": query}}})
        assert status == 200, body
        return body["hits"]["total"]["value"]

    assert hits("scheidingen") == 1  # stemmed query word matches a compound part
    assert hits("ouderschap") == 1
    assert hits("conflictscheiding") == 0  # synonyms apply to what users type, not to compound parts
    assert hits("klimaat") == 0


# ---------------------------------------------------------------------------------------------
# Invalid settings: a 400 with a reason, and the node stays up


INVALID_FILTERS = [
    pytest.param({"type": "stemmer", "language": "klingon"}, "klingon", id="unknown-stemmer-language"),
    pytest.param({"type": "edge_ngram", "min_gram": 5, "max_gram": 2}, "min_gram", id="min-gram-above-max-gram"),
    pytest.param({"type": "synonym_graph", "synonyms": ["a => b => c"]}, "synonyms", id="unparsable-synonym-rule"),
    pytest.param({"type": "dictionary_decompounder"}, "word_list", id="missing-word-list"),
    pytest.param({"type": "stemmer_override", "rules": ["kinderen kind"]}, "kinderen kind", id="bad-override-rule"),
]


@pytest.mark.parametrize(("definition", "mentioned"), INVALID_FILTERS)
def test_invalid_filter_rejects_index_creation_with_400(elasticsearch_url, index_name, definition, mentioned):
    settings = {
        "settings": {
            "analysis": {
                "filter": {"broken": definition},
                "analyzer": {"test": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "broken"]}},
            }
        }
    }
    status, body = call(elasticsearch_url, "PUT", f"/{index_name}", settings)
    assert status == 400, body
    assert mentioned in error_reason(body)
    health_status, health = call(elasticsearch_url, "GET", "/_cluster/health")
    assert health_status == 200 and health["status"] in {"green", "yellow"}


def test_invalid_stemmer_in_analyze_is_400(elasticsearch_url):
    status, body = call(
        elasticsearch_url,
        "POST",
        "/_analyze",
        {"tokenizer": "standard", "filter": [{"type": "stemmer", "language": "klingon"}], "text": "x"},
    )
    assert status == 400
    assert body["error"]["type"] == "illegal_argument_exception"
    assert "klingon" in body["error"]["reason"]
