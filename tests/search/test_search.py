"""The search service on both backends, with the same cases: what a municipal official types must find its page.

The database backend runs on the suite's database (SQLite, or PostgreSQL in the second run of `make test`); the
Elasticsearch backend on the throw-away node of tests/search/conftest.py, with the project's analysis plugin.
"""

import socket
import threading

import pytest
from django.db import connection
from django.http import QueryDict
from elasticsearch.dsl import Search

from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.indexing import all_documents
from search.query import SearchQuery, parse_search_query
from search.service import SearchService
from tests.search.conftest import TEST_INDEX


def querydict(values):
    query = QueryDict(mutable=True)
    for key, value in values.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def ask(service, text="", **filters):
    query = parse_search_query(querydict({"q": text, "limit": "100", **filters}))
    results = service.search(query)
    assert not results.fallback_reason, results.fallback_reason
    return results


def top(results, n=10):
    return results.hits[:n]


def test_the_right_backend_answers(service):
    expected = "elasticsearch" if service.elasticsearch else "database"
    assert ask(service, "casusoverleg").backend == expected


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("echtscheidingsloket", "echtscheidingsloket"),
        ("casusoverleg", "casusoverleg"),
        ("sociale kaart", "sociale-kaart"),
        ("MASIC", "screeningsinstrument"),
    ],
)
def test_a_theme_word_finds_pages_about_it(service, text, theme):
    hits = top(ask(service, text), 3)
    assert hits and theme in hits[0].themes + hits[1].themes, [(hit.title, hit.themes) for hit in hits]


def test_a_plural_finds_the_singular(service):
    singular = {hit.id for hit in ask(service, "casusoverleg").hits}
    plural = {hit.id for hit in ask(service, "casusoverleggen").hits}
    assert singular and singular & plural


def test_a_compound_finds_its_parts(service):
    hits = ask(service, "vechtscheidingsproblematiek").hits
    assert any("vechtscheiding" in (hit.title + hit.snippet).lower() for hit in hits), [h.title for h in hits[:5]]


def test_a_synonym_finds_the_studys_word(service):
    # Parents say "conflictscheiding"; the study says "vechtscheiding" or "complexe scheiding".
    hits = ask(service, "conflictscheiding").hits
    assert hits
    words = " ".join(hit.title + " " + hit.snippet for hit in hits[:10]).lower()
    assert "vechtscheiding" in words or "complexe scheiding" in words


def test_a_typo_still_finds_the_word(service):
    results = ask(service, "casusoverlg")
    assert any("casusoverleg" in hit.themes for hit in top(results, 5))


@pytest.mark.parametrize(
    ("municipality", "initiative"), [("Zoetermeer", "scheidingspunt"), ("Dalfsen", "scheiden-doe-je-samen")]
)
def test_a_municipality_finds_the_initiative_that_covers_it_and_its_practices(service, municipality, initiative):
    hits = ask(service, municipality).hits
    assert any(hit.type == "initiative" and hit.initiative == initiative for hit in hits)
    assert any(hit.type == "practice" and hit.initiative == initiative for hit in hits)


def test_a_typo_among_known_words_still_finds_the_word(service):
    # The place alone brings no casusoverleg page into the top ten: the misspelt word must do it.
    assert not any("casusoverleg" in hit.themes for hit in top(ask(service, "Zoetermeer"), 10))
    results = ask(service, "casusoverlg Zoetermeer")
    assert any("casusoverleg" in hit.themes for hit in top(results, 10))
    assert results.suggestions == ["casusoverleg zoetermeer"]


def test_only_words_the_index_lacks_are_matched_fuzzily(elasticsearch_backend, db):
    assert elasticsearch_backend.unknown_words("Casusoverlg wijkteam Zoetermeeer") == ["casusoverlg", "zoetermeeer"]
    assert elasticsearch_backend.unknown_words("casusoverleg in Zoetermeer") == []
    # Outside the platform's vocabulary, but in titles: the index's term statistics know it.
    assert elasticsearch_backend.unknown_words("juristen Zoetermeeer") == ["zoetermeeer"]


def test_pages_follow_one_order_and_add_up_to_the_count(service):
    everything = ask(service, "scheiding")
    assert 20 < everything.count <= 100
    assert len(everything.hits) == everything.count
    paged = []
    for offset in range(0, everything.count, 10):
        query = parse_search_query(querydict({"q": "scheiding", "limit": "10", "offset": str(offset)}))
        page = service.search(query)
        assert page.count == everything.count
        paged.extend(hit.id for hit in page.hits)
    assert paged == [hit.id for hit in everything.hits]


@pytest.mark.parametrize("text", ["scheiding", "ouders in conflict"])
def test_choosing_one_type_keeps_the_order_that_type_has_among_all_results(elasticsearch_backend, db, text):
    # Elasticsearch leaves out the page-type weights when one type is chosen; they must not have changed the order.
    # (The database backend scales its relevance to the best candidate, so there a filter can swap close pages.)
    service = SearchService(DatabaseBackend(), elasticsearch_backend)
    everything = ask(service, text)
    practices = ask(service, text, type="practice")
    assert 5 < practices.count < everything.count
    assert [hit.id for hit in practices.hits] == [hit.id for hit in everything.hits if hit.type == "practice"]


def test_a_theme_label_is_a_searchable_word(service):
    hits = top(ask(service, "Vroegsignalering"), 5)
    assert hits and any("signalering" in hit.themes for hit in hits)


def test_snippets_highlight_the_words_and_escape_the_rest(service):
    hits = ask(service, "loket").hits
    assert any("<mark>" in hit.snippet for hit in hits)
    assert all("<script" not in hit.snippet for hit in hits)


def test_without_words_it_lists_everything_most_recent_first(service):
    results = ask(service)
    assert results.count == len(all_documents())


def test_one_facet_widens_within_and_narrows_across(service):
    zeeland = ask(service, region="zeeland").count
    twente = ask(service, region="twente").count
    both = ask(service, region=["zeeland", "twente"])
    assert both.count == zeeland + twente
    narrowed = ask(service, region=["zeeland", "twente"], type="practice")
    assert 0 < narrowed.count < both.count
    assert all(hit.type == "practice" and hit.region in {"zeeland", "twente"} for hit in narrowed.hits)


def test_facet_counts_match_what_a_click_would_show(service):
    results = ask(service, "scheiding")
    for item in results.facets["theme"][:3]:
        assert ask(service, "scheiding", theme=item.value).count == item.count
    for item in results.facets["type"]:
        assert ask(service, "scheiding", type=item.value).count == item.count


def test_every_facet_count_is_what_choosing_that_value_gives(service):
    filters = {"type": ["practice", "update"], "region": ["haaglanden", "twente", "zeeland"]}
    results = ask(service, "scheiding", **filters)
    assert results.facets["theme"] and results.facets["initiative"]
    for facet, values in results.facets.items():
        for item in values:
            chosen = {name: value for name, value in filters.items() if name != facet} | {facet: item.value}
            assert ask(service, "scheiding", **chosen).count == item.count, (facet, item.value)


def test_a_facet_ignores_its_own_selection(service):
    unfiltered = {item.value: item.count for item in ask(service, "").facets["region"]}
    chosen = ask(service, "", region="zeeland")
    assert {item.value: item.count for item in chosen.facets["region"]} == unfiltered
    assert [item.value for item in chosen.facets["region"] if item.selected] == ["zeeland"]


def test_facet_values_carry_the_names_readers_know(service):
    from network.models import InitiativePage, RegionPage
    from practices.models import Factor, Theme

    facets = ask(service, "scheiding").facets
    expected = {
        "region": dict(RegionPage.objects.values_list("slug", "title")),
        "initiative": dict(InitiativePage.objects.values_list("slug", "title")),
        "theme": dict(Theme.objects.values_list("slug", "label")),
        "factor": dict(Factor.objects.values_list("slug", "label")),
        "type": {"practice": "Praktijk", "initiative": "Initiatief", "update": "Nieuws", "region": "Regio"},
    }
    for facet, names in expected.items():
        assert facets[facet], facet
        assert {item.value: item.label for item in facets[facet]} == {
            item.value: names[item.value] for item in facets[facet]
        }


@pytest.mark.parametrize(
    "text", ['"*()~^:\\/[]{}!', "loket AND OR NOT", "a\x00b", "Зутермер 佐特尔梅尔 loket", "-", "*"]
)
def test_query_syntax_is_just_text(service, text):
    results = service.search(parse_search_query(querydict({"q": text})))
    assert results.count >= 0


def test_elasticsearch_stopped_mid_run_makes_the_database_answer(elasticsearch_backend, db, caplog):
    """A real interruption: traffic goes through a relay that is shut down between two searches."""
    relay = Relay(elasticsearch_backend.client.transport.node_pool.get().config.port)
    backend = ElasticsearchBackend(f"http://127.0.0.1:{relay.port}", index_name=TEST_INDEX, timeout=2)
    service = SearchService(DatabaseBackend(), backend)
    before = service.search(SearchQuery(text="casusoverleg"))
    assert before.backend == "elasticsearch" and before.count

    relay.stop()
    with caplog.at_level("WARNING"):
        after = service.search(SearchQuery(text="casusoverleg"))
    assert after.backend == "database" and after.count
    assert "Elasticsearch is niet bereikbaar" in after.fallback_reason
    assert "Elasticsearch could not answer" in caplog.text


def test_a_rebuild_swaps_the_alias_while_search_keeps_answering(elasticsearch_backend, django_db_blocker):
    client = elasticsearch_backend.client
    before = set(client.indices.get_alias(name=TEST_INDEX))
    answers = []
    stop = threading.Event()

    def keep_searching():
        # Straight to the alias: this thread has no database connection for the facet labels.
        search = Search(using=client, index=TEST_INDEX).query(ElasticsearchBackend.match_query("loket"))
        while not stop.is_set():
            answers.append(search.count())

    with django_db_blocker.unblock():
        documents = all_documents()
    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        new_index = elasticsearch_backend.rebuild(documents)
    finally:
        stop.set()
        searcher.join()
    assert set(client.indices.get_alias(name=TEST_INDEX)) == {new_index}
    assert new_index not in before
    assert not any(client.indices.exists(index=old) for old in before)
    assert answers and all(count > 0 for count in answers)


class Relay:
    """A TCP relay to the test node on a loopback port, which can be switched off like a failing node."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        self.server.close()
        for sock in self.connections:
            try:
                sock.close()
            except OSError:
                pass


def _es_titles(service, text):
    """Titles Elasticsearch returns (a compound's parts also find other pages, so tests look for one title)."""
    results = service.search(SearchQuery(text=text, backend="elasticsearch"))
    assert results.backend == "elasticsearch", results.fallback_reason
    return [hit.title for hit in results.hits]


def test_publish_unpublish_and_delete_reach_elasticsearch(
    service_with_elasticsearch, network, django_capture_on_commit_callbacks
):
    from tests.factories import add_practice

    service = service_with_elasticsearch
    with django_capture_on_commit_callbacks(execute=True):
        practice = add_practice(network.initiative("joop"), title="Zeeuwse bemiddelingstafelpraktijk")
    title = "Zeeuwse bemiddelingstafelpraktijk"
    assert _es_titles(service, "bemiddelingstafelpraktijk")[0] == title
    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()
    assert title not in _es_titles(service, "bemiddelingstafelpraktijk")
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    assert _es_titles(service, "bemiddelingstafelpraktijk")[0] == title
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()
    assert title not in _es_titles(service, "bemiddelingstafelpraktijk")


def test_a_moved_practice_carries_its_new_initiative(
    service_with_elasticsearch, network, django_capture_on_commit_callbacks
):
    from tests.factories import add_practice

    service = service_with_elasticsearch
    practice = add_practice(network.initiative("joop"), title="Verhuisde omgangsregelingspraktijk")
    with django_capture_on_commit_callbacks(execute=True):
        practice.move(network.initiative("bram"), pos="last-child")
    for backend in ("elasticsearch", "database"):
        hits = service.search(SearchQuery(text="omgangsregelingspraktijk", backend=backend)).hits
        moved = [hit for hit in hits if hit.title == "Verhuisde omgangsregelingspraktijk"]
        assert [(hit.initiative, hit.region, hit.url) for hit in moved] == [
            ("bram", "twente", "/netwerk/twente/bram/" + practice.slug + "/")
        ], backend
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()


@pytest.mark.django_db
def test_a_misspelt_municipality_is_found_on_either_database():
    # The backend alone, without the service's retry: the vocabulary knows the place the typo resembles.
    results = DatabaseBackend().search(SearchQuery(text="Zoetermeeer"))
    assert any(hit.initiative == "scheidingspunt" for hit in results.hits[:5]), [h.title for h in results.hits[:5]]
    assert results.approximate


@pytest.mark.django_db
def test_a_misspelt_word_outside_the_vocabulary_is_found_on_postgresql():
    typo = SearchQuery(text="terugkopeling")  # "terugkoppeling" is in a title, not in the vocabulary
    hits = DatabaseBackend().search(typo).hits
    if connection.vendor == "postgresql":
        # Trigram similarity (pg_trgm) on titles and keywords forgives what stemming cannot.
        assert any("terugkoppeling" in hit.title.lower() for hit in hits[:5]), [h.title for h in hits[:5]]
    else:
        # SQLite has neither trigrams nor fuzzy matching: only vocabulary words are corrected.
        assert hits == []
