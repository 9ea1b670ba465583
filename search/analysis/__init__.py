"""Dutch text analysis shared by both search backends.

One vocabulary, two consumers:

* Elasticsearch gets :func:`index_analysis_settings` — the ``analysis`` section of
  the index settings, with the synonyms (``synonyms.txt``) and the decompounding
  dictionary (``compound_words.txt``) inline, so the node needs no files.
* The database backend (PostgreSQL full text with the ``dutch`` configuration, or
  SQLite FTS5) cannot decompound or expand synonyms itself, so it widens the query
  in Python with :func:`expand_query_terms`, using the same two files.

Pure Python on purpose: importing this module needs neither Django nor an
Elasticsearch client, so the unit tests and the build script run anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "SynonymRule",
    "compound_word_list",
    "decompounder_finds_parts",
    "expand_query_terms",
    "fold",
    "index_analysis_settings",
    "load_compound_words",
    "load_synonym_groups",
    "load_synonym_mappings",
    "load_synonym_rules",
    "split_compound",
    "synonym_rules",
    "tokenize",
]

HERE = Path(__file__).resolve().parent
SYNONYMS_FILE = HERE / "synonyms.txt"
COMPOUND_WORDS_FILE = HERE / "compound_words.txt"

# Decompounding limits, shared by Elasticsearch and split_compound. A part has
# at least four letters (shorter dictionary words -- "wet", "rol", "ei" -- hide
# inside far too many unrelated words), so only tokens of eight letters or more
# can be compounds of two parts.
MIN_SUBWORD_SIZE = 4
MAX_SUBWORD_SIZE = 20
MIN_WORD_SIZE = 2 * MIN_SUBWORD_SIZE

# Linking sounds ("tussenklanken") between the parts of a Dutch compound:
# scheiding-s-loket, kind-er-opvang, boek-en-kast, rijk-e-lui. The cost ranks
# readings that split into the same number of parts: the -s- is by far the most
# common, the others only win where no plain reading exists.
_LINKER_COST = {"": 0, "s": -1, "e": 1, "en": 2, "er": 2}

# Snowball's Dutch stop list, as used by Elasticsearch's "_dutch_" stopwords;
# expand_query_terms drops the same words so both backends ignore them alike.
DUTCH_STOPWORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor
    had er maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook
    tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal
    me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
    wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
    """.split()
)

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


def fold(text: str) -> str:
    """Lowercase and strip diacritics (``Coördinatie`` -> ``coordinatie``),
    like Elasticsearch's ``lowercase`` + ``asciifolding``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Letters and digits, keeping an apostrophe between letters (dino's, ib'er)
# as the standard tokenizer does; hyphens and everything else separate words.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokenize(text: str) -> list[str]:
    """Split text into folded words the way the ``standard`` tokenizer does
    for Dutch prose (``vfas-advocaat`` -> ``vfas``, ``advocaat``)."""
    return [token.replace("’", "'") for token in _TOKEN.findall(fold(text))]


def _normalize_term(term: str) -> str:
    return " ".join(tokenize(term))


# --- synonyms -----------------------------------------------------------------


@dataclass(frozen=True)
class SynonymRule:
    """One line of ``synonyms.txt``: an equivalence group, or with ``=>`` a
    one-way mapping from ``inputs`` to ``outputs``."""

    inputs: tuple[str, ...]
    outputs: tuple[str, ...] | None = None

    @property
    def is_mapping(self) -> bool:
        return self.outputs is not None


def _split_terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


@lru_cache(maxsize=1)
def load_synonym_rules() -> tuple[SynonymRule, ...]:
    rules = []
    for number, raw in enumerate(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line != line.lower():
            raise ValueError(f"{SYNONYMS_FILE.name}:{number}: synonyms must be lowercase")
        if "=>" in line:
            left, _, right = line.partition("=>")
            rule = SynonymRule(_split_terms(left), _split_terms(right))
            if not rule.inputs or not rule.outputs:
                raise ValueError(f"{SYNONYMS_FILE.name}:{number}: empty side of '=>'")
        else:
            rule = SynonymRule(_split_terms(line))
            if len(rule.inputs) < 2:
                raise ValueError(f"{SYNONYMS_FILE.name}:{number}: a group needs two terms")
        rules.append(rule)
    return tuple(rules)


@lru_cache(maxsize=1)
def load_synonym_groups() -> list[list[str]]:
    """The equivalence groups of ``synonyms.txt``, terms as written (lowercase).

    One-way ``=>`` rules are not groups; see :func:`load_synonym_mappings`.
    The result is cached: treat it as read-only.
    """
    return [list(rule.inputs) for rule in load_synonym_rules() if not rule.is_mapping]


@lru_cache(maxsize=1)
def load_synonym_mappings() -> list[tuple[list[str], list[str]]]:
    """The one-way ``inputs => outputs`` rules of ``synonyms.txt``."""
    return [(list(rule.inputs), list(rule.outputs)) for rule in load_synonym_rules() if rule.is_mapping]


@lru_cache(maxsize=1)
def _synonym_rule_lines() -> tuple[str, ...]:
    lines = []
    for rule in load_synonym_rules():
        # Write the rules in the form the search analyzer sees its tokens
        # (lowercased, folded, hyphens as word breaks). Stock Elasticsearch
        # would run the rules through the filters before synonym_graph anyway;
        # doing it here keeps the rules right for any parser of the Solr format.
        inputs = list(dict.fromkeys(filter(None, map(_normalize_term, rule.inputs))))
        if rule.is_mapping:
            outputs = list(dict.fromkeys(filter(None, map(_normalize_term, rule.outputs))))
            lines.append(f"{', '.join(inputs)} => {', '.join(outputs)}")
        elif len(inputs) > 1:
            lines.append(", ".join(inputs))
    return tuple(lines)


def synonym_rules() -> list[str]:
    """Lines for the inline ``synonyms`` of an Elasticsearch ``synonym_graph`` filter."""
    return list(_synonym_rule_lines())


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, tuple[str, ...]]:
    """Normalized term -> the terms a query for it should also look for."""
    index: dict[str, list[str]] = {}
    for rule in load_synonym_rules():
        inputs = [_normalize_term(t) for t in rule.inputs]
        outputs = [_normalize_term(t) for t in rule.outputs] if rule.is_mapping else inputs
        for term in inputs:
            expansions = index.setdefault(term, [])
            expansions += [t for t in outputs if t != term and t not in expansions]
    return {term: tuple(expansions) for term, expansions in index.items()}


# --- compounds ------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_compound_words() -> frozenset[str]:
    """The decompounding dictionary (``compound_words.txt``, generated by
    ``build_compound_words.py``)."""
    text = COMPOUND_WORDS_FILE.read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def compound_word_list() -> list[str]:
    """The dictionary as a sorted list, for the ``word_list`` of Elasticsearch's
    ``dictionary_decompounder``."""
    return sorted(load_compound_words())


def _base_forms(word: str) -> list[str]:
    """Candidate dictionary forms of an inflected word: plural, diminutive.

    ``gesprekken`` -> ``gesprek``, ``advocaten`` -> ``advocaat``, ``kinderen`` ->
    ``kind``, ``gemeenten`` -> ``gemeente``, ``loketjes`` -> ``loket``.
    """
    forms = [word]
    for ending in ("etjes", "etje", "tjes", "pjes", "jes", "tje", "pje", "je", "'s", "s"):
        if word.endswith(ending):
            forms.append(word[: -len(ending)])
    if word.endswith("en"):
        stem = word[:-2]
        forms.append(word[:-1])  # gemeenten -> gemeente
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # gesprekk -> gesprek
        if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
            restored = stem[:-1] + stem[-2] + stem[-1]  # advocat -> advocaat
            forms.append(restored)
            forms.append(restored[:-1] + {"v": "f", "z": "s"}.get(restored[-1], restored[-1]))
        forms.append(stem)
        if stem[-1:] in ("v", "z"):
            forms.append(stem[:-1] + {"v": "f", "z": "s"}[stem[-1]])  # initiatiev -> initiatief
    if word.endswith("eren"):
        forms.append(word[:-4])  # kinderen -> kind
    return [form for form in forms if len(form) >= MIN_SUBWORD_SIZE]


def _dictionary_form(piece: str, final: bool, words: frozenset[str]) -> str | None:
    if piece in words:
        return piece
    if final:  # only the last part of a compound carries the inflection
        for form in _base_forms(piece):
            if form in words:
                return form
    return None


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[str, ...] | None:
    """The best split of ``word`` into dictionary words, or None.

    Best = fewest parts, then the cheapest linking sounds, then the longest first
    part (longest match): ``vechtscheidingsproblematiek`` -> ``vechtscheiding``
    + ``problematiek``, not ``vecht`` + ``scheiding`` + ``problematiek``.
    """
    words = load_compound_words()
    n = len(word)
    # best[i]: (parts, linker cost, parts) for the rest of the word from i on
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[n] = (0, 0, ())
    for i in range(n - MIN_SUBWORD_SIZE, -1, -1):
        choice = None
        for j in range(i + MIN_SUBWORD_SIZE, n + 1):
            if i == 0 and j == n:
                continue  # the whole word is not a split of itself
            final = j == n
            part = _dictionary_form(word[i:j], final, words)
            if part is None:
                continue
            for linker, cost in _LINKER_COST.items():
                k = j + len(linker)
                if not word.startswith(linker, j) or k > n or (linker and k == n):
                    continue
                rest = best[k]
                if rest is None:
                    continue
                score = (rest[0] + 1, rest[1] + cost, -(j - i))
                if choice is None or score < choice[0]:
                    choice = (score, (part, *rest[2]))
        if choice is not None:
            (parts, cost, _), found = choice
            best[i] = (parts, cost, found)
    return best[0][2] if best[0] is not None else None


def decompounder_finds_parts(text: str) -> bool:
    """Whether Elasticsearch's ``dictionary_decompounder`` would add a part to
    any word of ``text``: a dictionary word inside it other than the word itself.

    Mirrors the filter's own scan (every substring of the allowed sizes, in
    words of ``MIN_WORD_SIZE`` letters or more), so the search backend can
    leave out its decompounding clause for queries that have no compounds:
    that clause would then only repeat the plain one at extra cost.
    """
    words = load_compound_words()
    for token in tokenize(text):
        if len(token) < MIN_WORD_SIZE:
            continue
        for start in range(len(token) - MIN_SUBWORD_SIZE + 1):
            longest = min(MAX_SUBWORD_SIZE, len(token) - start)
            for size in range(MIN_SUBWORD_SIZE, longest + 1):
                if size < len(token) and token[start : start + size] in words:
                    return True
    return False


def split_compound(word: str) -> list[str]:
    """The dictionary words a Dutch compound is made of, at every level.

    ``vechtscheidingsproblematiek`` -> ``["vechtscheiding", "vecht", "scheiding",
    "problematiek"]``; ``jeugdhulpverlening`` -> ``["jeugd", "hulpverlening",
    "hulp"]``; ``kindgesprekken`` -> ``["kind", "gesprek"]``. Returns ``[]`` for a
    word that is not a compound of dictionary words (``scheiding``, ``tijdens``).

    The parts are looked up in the same list Elasticsearch's decompounder uses.
    Unlike that filter, which reports every dictionary word found anywhere in a
    token, this splits the whole word (with the linking -s-, -e-, -en-, -er-)
    and so finds no accidental words inside it. Parts that are not compounds
    themselves still report a dictionary word they start or end with (``hulp``
    in ``hulpverlening``, ``ouder`` in ``ouderschap``), as the decompounder would.
    Input is lowercased and folded; so are the parts.
    """
    word = fold(word.strip())
    if len(word) < MIN_WORD_SIZE or not word.isalpha():
        return []
    parts = _segment(word)
    if not parts:
        return []
    found: list[str] = []
    for part in parts:
        found.append(part)
        inner = split_compound(part) or _affixes(part)
        found.extend(inner)
    return list(dict.fromkeys(p for p in found if p != word))


def _affixes(part: str) -> list[str]:
    """Dictionary words at the start or end of a part that is not a compound."""
    words = load_compound_words()
    found = []
    for size in range(len(part) - 1, MIN_SUBWORD_SIZE - 1, -1):
        if part[:size] in words:
            found.append(part[:size])
            break
    for size in range(len(part) - 1, MIN_SUBWORD_SIZE - 1, -1):
        if part[-size:] in words:
            found.append(part[-size:])
            break
    return found


# --- query expansion -------------------------------------------------------------


def _synonyms_of(term: str) -> tuple[str, ...]:
    index = _synonym_index()
    if term in index:
        return index[term]
    if " " not in term:  # an inflection not listed in the group: loketjes, huisartsen
        for form in _base_forms(term)[1:]:
            if form in index:
                return (form, *index[form])
    return ()


def _synonym_matches(tokens: list[str]) -> tuple[list[str], set[int]]:
    """Synonyms of the words and phrases in ``tokens``, longest match first.

    Like the synonym_graph filter, a phrase that matches a rule hides the
    shorter matches inside it: "high conflict forum" (a rule of its own) is not
    read as "high conflict" + "forum". Returns the synonyms and the positions
    of the tokens that belong to a matched phrase of several words.
    """
    index = _synonym_index()
    longest = max((term.count(" ") + 1 for term in index), default=1)
    covered: set[int] = set()
    in_phrases: set[int] = set()
    found: list[str] = []
    for size in range(min(longest, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span & covered:
                continue
            phrase = " ".join(tokens[start : start + size])
            if phrase in index:
                expansions = index[phrase]
            elif size == 1 and _synonyms_of(phrase):
                expansions = _synonyms_of(phrase)
            else:
                continue
            covered |= span
            if size > 1:
                in_phrases |= span
                found.append(phrase)
            found.extend(expansions)
    return found, in_phrases


def expand_query_terms(text: str) -> list[str]:
    """The terms a database search for ``text`` should look for.

    A flat, de-duplicated list of folded lowercase words and phrases, most
    specific first: the query's own words (without stop words), then synonyms of
    the words and phrases in it ("raad voor de kinderbescherming" -> "rvdk"), then
    the parts of its compound words, then the synonyms of those parts::

        >>> expand_query_terms("vechtscheidingsproblematiek")[:5]
        ['vechtscheidingsproblematiek', 'vechtscheiding', 'vecht', 'scheiding', 'problematiek']

    Words inside a matched multi-word term are not decompounded: in "raad voor
    de kinderbescherming" the user means the organisation, not children in
    general. A consumer that ranks can weigh the terms by their position.
    """
    tokens = tokenize(text)
    terms = [t for t in tokens if t not in DUTCH_STOPWORDS]
    synonyms, in_phrases = _synonym_matches(tokens)
    terms.extend(synonyms)
    parts = [
        part
        for position, token in enumerate(tokens)
        if position not in in_phrases and token not in DUTCH_STOPWORDS
        for part in split_compound(token)
    ]
    terms.extend(parts)
    for part in parts:
        terms.extend(_synonyms_of(part))
    return list(dict.fromkeys(terms))


# --- Elasticsearch -----------------------------------------------------------------


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
                "filter": [
                    "lowercase",
                    "nl_folding",
                    "nl_decompounder",
                    "nl_stop",
                    "nl_protected",
                    "nl_stemmer_override",
                    "nl_stemmer",
                ],
            },
            "dutch_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "nl_folding",
                    "nl_synonyms",
                    "nl_stop",
                    "nl_protected",
                    "nl_stemmer_override",
                    "nl_stemmer",
                ],
            },
            "autocomplete_index": {
                "type": "custom",
                "char_filter": ["nl_html_strip"],
                "tokenizer": "standard",
                "filter": ["lowercase", "nl_folding", "nl_autocomplete"],
            },
            "autocomplete_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "nl_folding"],
            },
        },
    }
