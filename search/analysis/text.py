"""Folding, tokenising and stop words: how both search backends read Dutch text.

Everything here imitates what Elasticsearch's ``standard`` tokenizer, ``lowercase``,
``asciifolding`` and ``stop`` (``_dutch_``) do, so that the database backend and the
Python side of the analysis see the same words as the index.
"""

from __future__ import annotations

import re
import unicodedata

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

# Letters and digits, keeping an apostrophe between letters (dino's, ib'er)
# as the standard tokenizer does; hyphens and everything else separate words.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def strip_accents(text: str) -> str:
    """Drop the diacritics of ``text`` (``Coördinatie`` -> ``Coordinatie``), case untouched."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lowercase and strip diacritics (``Coördinatie`` -> ``coordinatie``),
    like Elasticsearch's ``lowercase`` + ``asciifolding``."""
    return strip_accents(text.lower())


def tokenize(text: str) -> list[str]:
    """Split text into folded words the way the ``standard`` tokenizer does
    for Dutch prose (``vfas-advocaat`` -> ``vfas``, ``advocaat``)."""
    return [token.replace("’", "'") for token in _TOKEN.findall(fold(text))]


def normalize_term(term: str) -> str:
    """A word or phrase as the analyzers see it: folded words separated by single spaces."""
    return " ".join(tokenize(term))
