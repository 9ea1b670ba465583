"""Dutch compound words: base forms, segmentation and the decompounding dictionary.

One implementation serves three readers: the query side of the database backend
(:func:`split_compound`), the search backend's check whether Elasticsearch's
decompounder would find anything (:func:`decompounder_finds_parts`), and
``build_compound_words.py``, which derives the dictionary itself from wdutch with
the same :func:`segment` and :func:`base_form_candidates`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from pathlib import Path

from .text import fold, tokenize

COMPOUND_WORDS_FILE = Path(__file__).resolve().with_name("compound_words.txt")

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
# common (huwelijk-s-problemen, not huwelijks-problemen), the others only win
# where no plain reading exists (warmte-therapie, not warmt-e-therapie).
LINKER_COST = {"": 0, "s": -1, "e": 1, "en": 2, "er": 2}

_DIMINUTIVE_ENDINGS = ("etjes", "etje", "tjes", "pjes", "jes", "tje", "pje", "je")
_PLURAL_S_ENDINGS = ("'s", "s")
_ADJECTIVE_E_ENDINGS = ("ische", "lijke", "ige")
# A stem that ends in a voiced consonant before -en ends voiceless on its own: initiatiev(en) -> initiatief.
_DEVOICED = {"v": "f", "z": "s"}


def base_form_candidates(word: str, *, strip_plural_s: bool = False, strip_adjective_e: bool = False) -> list[str]:
    """Possible dictionary forms of an inflected word, most likely first; the caller
    keeps the first one its dictionary knows.

    ``gesprekken`` -> ``gesprek``, ``advocaten`` -> ``advocaat``, ``kinderen`` -> ``kind``,
    ``gemeenten`` -> ``gemeente``, ``loketjes`` -> ``loket``. The plural ``-s``
    (``organisaties`` -> ``organisatie``) only with ``strip_plural_s``: inside a
    compound a final -s is usually the word's own (``plaats``, ``gegevens``). The
    ``-e`` of adjectives (``juridische`` -> ``juridisch``) only with ``strip_adjective_e``.
    """
    forms = []
    endings = _DIMINUTIVE_ENDINGS + (_PLURAL_S_ENDINGS if strip_plural_s else ())
    for ending in endings:
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
            forms.append(restored[:-1] + _DEVOICED.get(restored[-1], restored[-1]))
        forms.append(stem)
        if stem[-1:] in _DEVOICED:
            forms.append(stem[:-1] + _DEVOICED[stem[-1]])  # initiatiev -> initiatief
    if word.endswith("eren"):
        forms.append(word[:-4])  # kinderen -> kind
    if strip_adjective_e and word.endswith(_ADJECTIVE_E_ENDINGS):
        forms.append(word[:-1])
    return [form for form in forms if len(form) >= MIN_SUBWORD_SIZE]


Part = tuple[int, int, str]  # start and end in the word, and the dictionary form found there


def segment(
    word: str,
    vocabulary: Collection[str],
    *,
    final_part_forms: Callable[[str], list[str]] | None = None,
    max_part: int | None = None,
) -> tuple[Part, ...] | None:
    """The best split of ``word`` into words of ``vocabulary``, or None.

    Best = fewest parts, then the cheapest linking sounds (:data:`LINKER_COST`),
    then the longest first part (longest match): ``vechtscheidingsproblematiek``
    -> ``vechtscheiding`` + ``problematiek``, not ``vecht`` + ``scheiding`` +
    ``problematiek``. The whole word is never a split of itself. Only the last
    part carries an inflection: when it is not in the vocabulary as it stands,
    ``final_part_forms`` (if given) offers the forms to look up instead.
    ``max_part`` bounds the length of a part as written (default: no bound).
    """
    n = len(word)
    longest = n if max_part is None else max_part
    # best[i]: (number of parts, linker cost, parts) for the rest of the word from i on
    best: list[tuple[int, int, tuple[Part, ...]] | None] = [None] * (n + 1)
    best[n] = (0, 0, ())
    for i in range(n - MIN_SUBWORD_SIZE, -1, -1):
        choice = None
        for j in range(i + MIN_SUBWORD_SIZE, min(n, i + longest) + 1):
            if i == 0 and j == n:
                continue
            piece = word[i:j]
            if piece in vocabulary:
                part = piece
            elif j == n and final_part_forms is not None:
                part = next((form for form in final_part_forms(piece) if form in vocabulary), None)
                if part is None:
                    continue
            else:
                continue
            for linker, cost in LINKER_COST.items():
                k = j + len(linker)
                if k > n or (linker and (k == n or not word.startswith(linker, j))):
                    continue
                rest = best[k]
                if rest is None:
                    continue
                score = (rest[0] + 1, rest[1] + cost, -(j - i))
                if choice is None or score < choice[0]:
                    choice = (score, ((i, j, part), *rest[2]))
        if choice is not None:
            (parts, total_cost, _), found = choice
            best[i] = (parts, total_cost, found)
    return best[0][2] if best[0] is not None else None


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


def _query_word_forms(piece: str) -> list[str]:
    return base_form_candidates(piece, strip_plural_s=True)


@lru_cache(maxsize=4096)
def _dictionary_parts(word: str) -> tuple[str, ...] | None:
    parts = segment(word, load_compound_words(), final_part_forms=_query_word_forms)
    return tuple(part for _, _, part in parts) if parts is not None else None


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
    parts = _dictionary_parts(word)
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
