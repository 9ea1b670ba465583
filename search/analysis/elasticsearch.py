"""The ``analysis`` section of the Elasticsearch index settings.

The synonyms and the decompounding dictionary travel inline, so the node needs
no files. Every component has stock ``analysis-common``'s name and parameters:
the development node gets them from the project's plugin
(``search/elasticsearch-plugin``), a production cluster from analysis-common.
"""

from __future__ import annotations

from .compounds import MAX_SUBWORD_SIZE, MIN_SUBWORD_SIZE, MIN_WORD_SIZE, compound_word_list
from .synonyms import synonym_rules

# Corrections to the Dutch snowball stemmer (Lucene 9.12's DutchStemmer, which
# Elasticsearch 8 uses for language "dutch"), found by stemming every seed and
# synonym word of this package together with its plural: where the plural ends
# on another stem than the singular, the plural is mapped onto the singular's
# stem. The stemmer leaves -s after a vowel alone (organisaties, subsidies,
# websites), does not undouble most consonants (plannen -> plann, gezinnen ->
# gezinn, processen -> process), keeps kinderen -> kinder, and strips the -s
# of singulars ending in -ts (huisarts -> huisart, but huisartsen -> huisarts).
# Singular and plural already agree for scheiding(en) -> scheiding and
# vechtscheiding(en) -> vechtscheid; the Elasticsearch tests check that.
STEMMER_OVERRIDES = (
    ("alimentaties", "alimentatie"),
    ("balies", "balie"),
    ("casussen", "casus"),
    ("casusoverleggen", "casusoverleg"),
    ("conferenties", "conferentie"),
    ("congressen", "congres"),
    ("consultaties", "consultatie"),
    ("coordinaties", "coordinatie"),
    ("cursussen", "cursus"),
    ("diagnoses", "diagnos"),
    ("directies", "directie"),
    ("disciplines", "disciplin"),
    ("echtscheidingsprocedures", "echtscheidingsprocedur"),
    ("escalaties", "escalatie"),
    ("evaluaties", "evaluatie"),
    ("expertises", "expertis"),
    ("families", "familie"),
    ("functies", "functie"),
    ("gemeentes", "gemeent"),
    ("gezinnen", "gezin"),
    ("huisartsen", "huisart"),
    ("indicaties", "indicatie"),
    ("instanties", "instantie"),
    ("interventies", "interventie"),
    ("jeugdartsen", "jeugdart"),
    ("ketens", "ket"),
    ("kinderen", "kind"),
    ("landschappen", "landschap"),
    ("meldcodes", "meldcod"),
    ("methodes", "method"),
    ("ministeries", "ministerie"),
    ("moederorganisaties", "moederorganisatie"),
    ("notarissen", "notaris"),
    ("organisaties", "organisatie"),
    ("ouderschapsplannen", "ouderschapsplan"),
    ("overleggen", "overleg"),
    ("plannen", "plan"),
    ("pleeggezinnen", "pleeggezin"),
    ("procedures", "procedur"),
    ("processen", "proces"),
    ("provincies", "provincie"),
    ("relaties", "relatie"),
    ("ruzies", "ruzie"),
    ("scheidingsprocedures", "scheidingsprocedur"),
    ("scheidingsprocessen", "scheidingsproces"),
    ("sessies", "sessie"),
    ("situaties", "situatie"),
    ("subsidies", "subsidie"),
    ("therapieen", "therapie"),
    ("veiligheidsplannen", "veiligheidsplan"),
    ("websites", "websit"),
    ("zorgplannen", "zorgplan"),
)

# Names of the initiatives and the field's abbreviations. They have no
# inflections, so stemming them gains nothing and only risks collisions with
# real words (the stemmer turns bramen into "bram" and jopen into "jop").
PROTECTED_WORDS = (
    "kees", "bram", "joop", "kies", "masic", "vfas", "rvdk", "rvk", "ggz", "ggd",
    "jgz", "avg", "ots", "mdo", "amhk", "opvoedpoli", "scheidingspunt",
)  # fmt: skip

# Every analyzer reads words alike (the database backend's text.fold does the same), and both Dutch ones
# stem alike, so a word matches itself whichever way it came in; they differ only in what they add in
# between: compound parts when indexing, synonyms when searching.
_FOLDED = ("lowercase", "nl_folding")
_STEMMED = ("nl_stop", "nl_protected", "nl_stemmer_override", "nl_stemmer")


def index_analysis_settings() -> dict:
    """The ``analysis`` section of the Elasticsearch index settings.

    Analyzers:

    ``dutch_index``
        html_strip -> standard -> lowercase -> asciifolding -> decompounder ->
        stop (Dutch) -> keyword_marker -> stemmer_override -> stemmer (Dutch).
        Decompounding happens at index time only: every compound in a text also
        puts its parts in the index (vechtscheidingsproblematiek -> vechtscheiding,
        vecht, scheiding, problematiek), so a query for a part finds it.
    ``dutch_search``
        standard -> lowercase -> asciifolding -> synonym_graph -> stop (Dutch) ->
        keyword_marker -> stemmer_override -> stemmer (Dutch).
        Synonyms are applied at query time only, so editing synonyms.txt needs no
        reindex, and before stop words and stemming, so multi-word rules
        ("raad voor de kinderbescherming") see the words as typed and both sides
        of a rule are stemmed the same way as the index. There is no
        decompounder here: it would add parts at the positions of a synonym
        graph without knowing its position lengths, which breaks the graph that
        multi-word synonyms build (and with it the phrase queries made from it);
        index-time decompounding already makes the parts findable. No html_strip
        either: queries are plain text, and a stray "<" must not swallow words.
    ``autocomplete_index`` / ``autocomplete_search``
        Edge n-grams (2 to 15 letters) of the folded words at index time, the
        plain folded words at query time, for search as you type.
    """
    return {
        "char_filter": {
            "nl_html_strip": {"type": "html_strip"},
        },
        "filter": {
            "nl_folding": {"type": "asciifolding", "preserve_original": False},
            "nl_decompounder": {
                "type": "dictionary_decompounder",
                "word_list": compound_word_list(),
                "min_word_size": MIN_WORD_SIZE,
                "min_subword_size": MIN_SUBWORD_SIZE,
                "max_subword_size": MAX_SUBWORD_SIZE,
                # All words found, not only the longest: jeugdhulpverlening must
                # give both hulp and hulpverlening. The list is built so that the
                # shorter words in it are real parts, not accidental substrings.
                "only_longest_match": False,
            },
            "nl_stop": {"type": "stop", "stopwords": "_dutch_"},
            "nl_protected": {"type": "keyword_marker", "keywords": list(PROTECTED_WORDS)},
            "nl_stemmer_override": {
                "type": "stemmer_override",
                "rules": [f"{word} => {stem}" for word, stem in STEMMER_OVERRIDES],
            },
            "nl_stemmer": {"type": "stemmer", "language": "dutch"},
            "nl_synonyms": {"type": "synonym_graph", "synonyms": synonym_rules()},
            "nl_autocomplete": {
                "type": "edge_ngram",
                "min_gram": 2,
                "max_gram": 15,
                # Longer words stay findable when typed out in full.
                "preserve_original": True,
            },
        },
        "analyzer": {
            "dutch_index": {
                "type": "custom",
                "char_filter": ["nl_html_strip"],
                "tokenizer": "standard",
                "filter": [*_FOLDED, "nl_decompounder", *_STEMMED],
            },
            "dutch_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*_FOLDED, "nl_synonyms", *_STEMMED],
            },
            "autocomplete_index": {
                "type": "custom",
                "char_filter": ["nl_html_strip"],
                "tokenizer": "standard",
                "filter": [*_FOLDED, "nl_autocomplete"],
            },
            "autocomplete_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*_FOLDED],
            },
        },
    }
