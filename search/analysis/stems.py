"""Word stems in Python, as the Elasticsearch index makes them: for matching questions against short labels.

Dutch words go through the same steps as the index's Dutch analyzer (folding, stop words, the protected names,
the stemmer overrides, then the Dutch snowball stemmer, which is Lucene's DutchStemmer); English words through the
English snowball stemmer, for the English labels of the interface. ``snowballstemmer`` is the reference
implementation of both algorithms.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from .elasticsearch import PROTECTED_WORDS, STEMMER_OVERRIDES
from .text import DUTCH_STOPWORDS, tokenize

# Function words of English questions; everything else is a word worth matching.
ENGLISH_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i in into is it its my of on or our the their them these "
    "they this to we what when where which who why will with without you your".split()
)

_OVERRIDES = dict(STEMMER_OVERRIDES)
_PROTECTED = frozenset(PROTECTED_WORDS)
_DUTCH = snowballstemmer.stemmer("dutch")
_ENGLISH = snowballstemmer.stemmer("english")


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` without Dutch or English function words."""
    return [word for word in tokenize(text) if word not in DUTCH_STOPWORDS and word not in ENGLISH_STOPWORDS]


@lru_cache(maxsize=20_000)
def stems(word: str) -> frozenset[str]:
    """The forms a folded word may match on: itself, its Dutch stem and its English stem."""
    if word in _PROTECTED:
        return frozenset({word})
    dutch = _OVERRIDES.get(word) or _DUTCH.stemWord(word)
    return frozenset({word, dutch, _ENGLISH.stemWord(word)})
