"""Typo tolerance from the platform's own vocabulary, for every backend.

The vocabulary is what readers are likely to mean: the labels and search terms of themes and factors, the
synonyms, the place names, the region and initiative names and the compound dictionary. The database backend adds
the closest vocabulary word to the query for a word it does not know; the service uses the same to say "did you
mean".
"""

import difflib

from . import analysis
from .versioned import Derived

# How alike (0-1, difflib's ratio) a typed word and a vocabulary word must be to count as a typo of it.
SIMILARITY_CUTOFF = 0.8
# Shorter words are too often a different word one letter away ("kind", "kint") to correct.
MIN_WORD_LENGTH = 4


def closest_known_word(word):
    """The vocabulary word ``word`` is most likely a typo of, or None when it is known or nothing is close."""
    word = word.lower()
    vocabulary = known_words()
    if len(word) < MIN_WORD_LENGTH or word in vocabulary:
        return None
    close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SIMILARITY_CUTOFF)
    return close[0] if close else None


def suggest_correction(text):
    """The query with each unknown word replaced by the closest word of the platform's vocabulary, if any."""
    corrected, changed = [], False
    for word in text.lower().split():
        closest = closest_known_word(word)
        corrected.append(closest or word)
        changed = changed or bool(closest)
    return " ".join(corrected) if changed else ""


def known_words():
    """Words readers are likely to mean, as a set: built once per process and again after each change."""
    return _known_words.get()


def _vocabulary():
    from network.models import InitiativePage, Municipality, RegionPage
    from practices.models import Factor, Theme

    words = set()
    concepts = [*Theme.objects.all(), *Factor.objects.all()]
    phrases = [
        *(concept.label for concept in concepts),
        *(concept.label_en for concept in concepts),
        *(term for concept in concepts for term in concept.search_term_list()),
        *Municipality.objects.values_list("name", flat=True),
        *(
            name
            for region in RegionPage.objects.only("cbs_areas")
            for known in region.area_municipalities()
            for name in (known.name, *known.other_names)
        ),
        *RegionPage.objects.values_list("title", flat=True),
        *InitiativePage.objects.values_list("title", flat=True),
        *(term for group in analysis.load_synonym_groups() for term in group),
        *analysis.compound_word_list(),
    ]
    for phrase in phrases:
        words.update(word.strip(".,;:()").lower() for word in phrase.split() if len(word) > 3)
    return frozenset(words)


_known_words = Derived(_vocabulary)
