"""The Python side of the Dutch analysis: synonyms, decompounding, query expansion
and the Elasticsearch settings built from them. No Django, no Elasticsearch."""

import json
import re
from pathlib import Path

import pytest

from search import analysis
from search.analysis import (
    build_compound_words,
    compound_word_list,
    decompounder_finds_parts,
    expand_query_terms,
    index_analysis_settings,
    load_compound_words,
    load_synonym_groups,
    load_synonym_mappings,
    split_compound,
    synonym_rules,
)
from search.analysis.compounds import base_form_candidates, segment
from search.analysis.text import strip_accents, tokenize

REPO_ROOT = Path(__file__).resolve().parents[2]

# What the project's Elasticsearch plugin provides (and stock analysis-common calls them).
ALLOWED_TYPES = {
    "char_filter": {"html_strip"},
    "tokenizer": {"standard"},
    "filter": {
        "lowercase",
        "asciifolding",
        "stop",
        "keyword_marker",
        "stemmer_override",
        "stemmer",
        "synonym_graph",
        "dictionary_decompounder",
        "edge_ngram",
    },
}
BUILT_IN = {"char_filter": set(), "tokenizer": {"standard"}, "filter": {"lowercase"}}


# --- synonyms ----------------------------------------------------------------


def test_synonym_file_has_enough_groups_of_lowercase_terms():
    groups = load_synonym_groups()
    assert len(groups) >= 45
    for group in groups:
        assert len(group) >= 2, group
        for term in group:
            assert term == term.lower() == term.strip(), term
            assert term, group


def test_no_term_is_repeated_within_a_group_nor_across_groups():
    seen = {}
    for group in load_synonym_groups():
        normalized = [" ".join(analysis.tokenize(term)) for term in group]
        assert len(normalized) == len(set(normalized)), group
        for term in normalized:
            assert term not in seen, f"{term!r} is in two groups: {seen.get(term)} and {group}"
            seen[term] = group


def test_the_field_s_own_words_are_equivalent():
    groups = {term: set(group) for group in load_synonym_groups() for term in group}
    assert {"complexe scheiding", "conflictscheiding", "high conflict"} <= groups["vechtscheiding"]
    assert {"rvdk"} <= groups["raad voor de kinderbescherming"]
    assert {"kind", "jeugdigen"} <= groups["kinderen"]
    assert {"scheidingsbemiddelaar", "familiemediator"} <= groups["mediator"]
    assert {"zorgregeling", "bezoekregeling"} <= groups["omgangsregeling"]


def test_distinct_things_stay_apart():
    groups = {term: set(group) for group in load_synonym_groups() for term in group}
    # A bare "raad" is also the gemeenteraad.
    assert "raad" not in groups
    # The child protection judge is not the divorce judge.
    assert "kinderrechter" not in groups.get("familierechter", set())


def test_no_name_and_no_concept_is_a_synonym_of_a_word():
    """Names (initiatives, regions, places) and the themes' and factors' own words are not in the everyday list:
    a search for the Scheidingspunt initiative found 35 desks when its name sat in the desk group, and the words
    for a theme are its search terms, which editors keep on the theme."""
    taxonomy = json.loads((REPO_ROOT / "network" / "data" / "taxonomy.json").read_text(encoding="utf-8"))
    seeds = json.loads((REPO_ROOT / "network" / "data" / "search_terms.json").read_text(encoding="utf-8"))
    names = {entry["name"] for entry in taxonomy["initiatives"]} | {entry["label_nl"] for entry in taxonomy["regions"]}
    names |= {name for entry in taxonomy["regions"] for name in entry.get("municipalities", [])}
    concept_words = {term for terms in (*seeds["themes"].values(), *seeds["factors"].values()) for term in terms}
    grouped = {" ".join(tokenize(term)) for group in load_synonym_groups() for term in group}
    assert grouped.isdisjoint(" ".join(tokenize(name)) for name in names)
    assert grouped.isdisjoint(" ".join(tokenize(word)) for word in concept_words)


def test_one_way_rules_are_deliberate():
    mappings = load_synonym_mappings()
    jurist = next(outputs for inputs, outputs in mappings if "juristen" in inputs)
    assert "advocaten" in jurist
    # ...and not the other way round.
    advocaat = next(group for group in load_synonym_groups() if "advocaat" in group)
    assert "jurist" not in advocaat


def test_synonym_rules_are_folded_and_tokenized_like_the_text():
    rules = synonym_rules()
    assert len(rules) == len(load_synonym_groups()) + len(load_synonym_mappings())
    assert any("coordinator" in rule for rule in rules)
    assert not any("ï" in rule or "-" in rule for rule in rules)
    assert any(rule.startswith("high conflict forum =>") for rule in rules)
    for rule in rules:
        for term in re.split(r",|=>", rule):
            assert term.strip(), rule


# --- compound words ------------------------------------------------------------


def test_compound_word_list_is_sorted_lowercase_and_small():
    words = compound_word_list()
    assert words == sorted(words)
    assert len(words) == len(load_compound_words())
    assert 500 <= len(words) <= 3000
    assert len("\n".join(words).encode()) < 60_000
    for word in words:
        assert re.fullmatch(r"[a-z]{4,20}", word), word


def test_compound_word_file_has_no_comments():
    text = (analysis.COMPOUND_WORDS_FILE).read_text(encoding="utf-8")
    assert "#" not in text


@pytest.mark.parametrize(
    "noise",
    # Fragments that would attach themselves to unrelated words in Elasticsearch.
    ["echt", "schap", "ring", "ding", "heid", "rijk", "lijk", "belang", "middel", "tijd", "schil"],
)
def test_compound_word_list_leaves_out_noise(noise):
    assert noise not in load_compound_words()


def test_no_compound_word_is_a_stop_word():
    assert not load_compound_words() & analysis.DUTCH_STOPWORDS


@pytest.mark.parametrize(
    "word, expected",
    [
        ("vechtscheidingsproblematiek", ["vechtscheiding", "vecht", "scheiding", "problematiek"]),
        ("echtscheidingsloket", ["echtscheiding", "scheiding", "loket"]),
        ("ouderschapsplan", ["ouderschap", "ouder", "plan"]),
        ("kindgesprekken", ["kind", "gesprek"]),
        ("scheidingsbemiddelaar", ["scheiding", "bemiddelaar"]),
        ("jeugdhulpverlening", ["jeugd", "hulpverlening", "hulp"]),
        ("kinderbescherming", ["kind", "bescherming"]),
        ("samenwerkingsinitiatieven", ["samenwerking", "initiatief"]),
        ("huisartsenpraktijk", ["huisarts", "praktijk"]),
    ],
)
def test_split_compound(word, expected):
    assert split_compound(word) == expected


def test_split_compound_folds_its_input():
    assert split_compound("Casuïstiekoverleg") == ["casuistiek", "overleg"]


@pytest.mark.parametrize(
    "word",
    # Simple words, inflections and words with a dictionary word inside by accident.
    ["scheiding", "scheidingen", "kinderen", "tijdens", "belangrijk", "rechter", "gemeente", "", "kind", "e-mail"],
)
def test_split_compound_returns_nothing_for_a_non_compound(word):
    assert split_compound(word) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vechtscheidingsproblematiek", True),
        ("Casusoverleggen", True),
        ("wijkteam zoetermeer", False),  # no dictionary word inside either
        ("sociale kaart", False),  # words too short to hold two parts
        ("preventie", False),
        ("", False),
    ],
)
def test_decompounder_finds_parts_tells_which_queries_hold_compounds(text, expected):
    assert decompounder_finds_parts(text) is expected


def _query_word_forms(piece):
    return base_form_candidates(piece, strip_plural_s=True)


def test_segment_reads_the_linking_sound_and_an_inflected_last_part():
    words = load_compound_words()
    parts = segment("echtscheidingsloketten", words, final_part_forms=_query_word_forms)
    # The linking -s- sits between the parts, outside both spans.
    assert parts == ((0, 13, "echtscheiding"), (14, 22, "loket"))
    # Without forms for the last part only the plain dictionary words count.
    assert segment("echtscheidingsloketten", words) is None
    assert segment("echtscheidingsloket", words) == ((0, 13, "echtscheiding"), (14, 19, "loket"))


def test_segment_never_reads_a_word_as_a_split_of_itself():
    assert segment("scheiding", load_compound_words()) is None


def test_segment_respects_the_longest_part_it_is_given():
    words = load_compound_words()
    assert segment("vechtscheidingsloket", words)[0][2] == "vechtscheiding"
    assert segment("vechtscheidingsloket", words, max_part=9) == (
        (0, 5, "vecht"),
        (5, 14, "scheiding"),
        (15, 20, "loket"),
    )


@pytest.mark.parametrize(
    ("word", "options", "expected", "absent"),
    [
        ("gesprekken", {}, "gesprek", None),
        ("advocaten", {}, "advocaat", None),
        ("kinderen", {}, "kind", None),
        ("initiatieven", {}, "initiatief", None),
        ("loketjes", {}, "loket", None),
        ("organisaties", {}, None, "organisatie"),
        ("organisaties", {"strip_plural_s": True}, "organisatie", None),
        ("juridische", {}, None, "juridisch"),
        ("juridische", {"strip_adjective_e": True}, "juridisch", None),
    ],
)
def test_base_form_candidates(word, options, expected, absent):
    candidates = base_form_candidates(word, **options)
    if expected:
        assert expected in candidates
    if absent:
        assert absent not in candidates
    assert all(len(candidate) >= analysis.MIN_SUBWORD_SIZE for candidate in candidates)


def test_folding_strips_accents_and_lowercases():
    assert strip_accents("Súdwest-Fryslân Coördinatie") == "Sudwest-Fryslan Coordinatie"
    assert analysis.fold("Súdwest-Fryslân Coördinatie") == "sudwest-fryslan coordinatie"


@pytest.mark.skipif(
    not build_compound_words.WDUTCH.exists(), reason="needs /usr/share/dict/dutch (apt-get install wdutch)"
)
def test_the_builder_reproduces_the_committed_compound_word_list(tmp_path, capsys):
    # The builder and the query side share their segmentation and base forms: a change to either that
    # changes the list must come with the rebuilt list.
    output = tmp_path / "compound_words.txt"
    assert build_compound_words.main(["--output", str(output)]) == 0
    assert output.read_bytes() == analysis.COMPOUND_WORDS_FILE.read_bytes()
    assert "wrote 1036 words" in capsys.readouterr().out


# --- query expansion ---------------------------------------------------------------


def test_expansion_of_a_compound_brings_its_parts_and_their_synonyms():
    terms = expand_query_terms("vechtscheidingsproblematiek")
    assert terms[0] == "vechtscheidingsproblematiek"
    assert "vechtscheiding" in terms and "scheiding" in terms
    assert "complexe scheiding" in terms and "conflictscheiding" in terms
    assert len(terms) == len(set(terms))


def test_expansion_finds_the_singular():
    terms = expand_query_terms("kinderen")
    assert "kind" in terms


def test_expansion_matches_phrases_and_drops_stop_words():
    terms = expand_query_terms("Raad voor de Kinderbescherming en loyaliteitsconflict")
    assert "voor" not in terms and "de" not in terms
    assert {"raad voor de kinderbescherming", "rvdk", "loyaliteitsconflict", "loyaliteitsproblemen"} <= set(terms)


def test_expansion_of_an_organisation_does_not_decompound_its_name():
    terms = expand_query_terms("Raad voor de Kinderbescherming")
    assert "rvdk" in terms
    # The organisation, not children in general.
    assert "kind" not in terms and "jeugdigen" not in terms


def test_expansion_takes_the_longest_phrase_like_the_synonym_filter():
    terms = expand_query_terms("High Conflict Forum")
    assert "high conflict forum" in terms
    assert "vechtscheiding" not in terms
    assert "vechtscheiding" in expand_query_terms("high conflict")


def test_expansion_follows_one_way_rules_one_way():
    assert "advocaten" in expand_query_terms("juristen")
    assert "jurist" not in expand_query_terms("advocaten")


def test_expansion_of_an_inflection_missing_from_the_group():
    terms = expand_query_terms("mediatortje")
    assert "mediator" in terms and "scheidingsbemiddelaar" in terms


@pytest.mark.parametrize("text", ["", "   ", "!!!", "de en van", "<script>", "x" * 500])
def test_expansion_of_odd_input_does_not_fail(text):
    terms = expand_query_terms(text)
    assert all(term == term.lower() and term.strip() for term in terms)


# --- Elasticsearch settings ------------------------------------------------------------


def _components(settings):
    for kind in ("char_filter", "tokenizer", "filter"):
        yield from ((kind, name, definition) for name, definition in settings.get(kind, {}).items())


def test_index_settings_use_only_the_plugin_s_components():
    settings = index_analysis_settings()
    assert set(settings) <= {"char_filter", "tokenizer", "filter", "analyzer"}
    for kind, name, definition in _components(settings):
        assert definition["type"] in ALLOWED_TYPES[kind], (kind, name)
    for name, analyzer in settings["analyzer"].items():
        assert analyzer["type"] == "custom", name
        assert analyzer["tokenizer"] in settings.get("tokenizer", {}) or analyzer["tokenizer"] in BUILT_IN["tokenizer"]
        for kind, key in (("char_filter", "char_filter"), ("filter", "filter")):
            for component in analyzer.get(key, []):
                assert component in settings.get(kind, {}) or component in BUILT_IN[kind], (name, component)


def test_index_settings_define_the_project_s_analyzers():
    analyzers = index_analysis_settings()["analyzer"]
    assert set(analyzers) == {"dutch_index", "dutch_search", "autocomplete_index", "autocomplete_search"}
    filters = index_analysis_settings()["filter"]

    def types(name):
        return [filters[f]["type"] if f in filters else f for f in analyzers[name]["filter"]]

    index, search = types("dutch_index"), types("dutch_search")
    assert index[:2] == search[:2] == ["lowercase", "asciifolding"]
    assert "dictionary_decompounder" in index and "synonym_graph" not in index
    assert "synonym_graph" in search and "dictionary_decompounder" not in search
    # Synonyms see the words before stop words and stems are taken away.
    assert search.index("synonym_graph") < search.index("stop") < search.index("stemmer")
    assert index.index("dictionary_decompounder") < index.index("stop")
    for chain in (index, search):
        assert chain.index("stemmer_override") < chain.index("stemmer")
        assert chain[-1] == "stemmer"
    assert types("autocomplete_index") == ["lowercase", "asciifolding", "edge_ngram"]
    assert types("autocomplete_search") == ["lowercase", "asciifolding"]


def test_index_settings_parameters():
    filters = index_analysis_settings()["filter"]
    by_type = {definition["type"]: definition for definition in filters.values()}
    assert by_type["stop"]["stopwords"] == "_dutch_"
    assert by_type["stemmer"]["language"] == "dutch"
    assert by_type["synonym_graph"]["synonyms"] == synonym_rules()
    assert by_type["dictionary_decompounder"]["word_list"] == compound_word_list()
    assert by_type["dictionary_decompounder"]["min_subword_size"] == 4
    assert by_type["edge_ngram"]["min_gram"] == 2 and by_type["edge_ngram"]["max_gram"] == 15
    for rule in by_type["stemmer_override"]["rules"]:
        word, stem = (side.strip() for side in rule.split("=>"))
        assert word and stem and word == word.lower()


def test_index_settings_are_json_of_a_reasonable_size():
    size = len(json.dumps({"settings": {"analysis": index_analysis_settings()}}).encode())
    assert size < 100_000


def test_module_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, search.analysis as a; a.index_analysis_settings(); a.expand_query_terms('x');"
        "print('django' in sys.modules)"
    )
    repo_root = analysis.HERE.parents[1]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo_root)
    assert result.stdout.strip() == "False"
