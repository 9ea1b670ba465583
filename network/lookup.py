"""Find a municipality by the name a reader types: case, accents, "gemeente …" and small typos forgiven.

Used by the municipality lookup on /netwerk/gemeente/ and by the exchange form, which derives the sender's region
from the municipality they name. The network has a few dozen municipalities, so matching runs in Python over all
of them (one query) instead of sending the reader's text to the database.
"""

import difflib
import re
from typing import NamedTuple

from search.analysis.text import strip_accents

# "Gemeente Goes", "gem. Goes": the word says nothing about which municipality is meant.
_PREFIX = re.compile(r"^(?:de\s+)?(?:gemeente|gem\.?)\s+")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,']+")

# How close a typo must be to count as the same name (difflib's ratio; "gose" for "goes" is 0.75), how much
# closer than the next name it must be, and how close a suggestion must be.
MATCH_CUTOFF = 0.75
MARGIN = 0.1
SUGGESTION_CUTOFF = 0.5


def normalise(name):
    """The comparable form of a municipality name: lower case, no accents, no "gemeente", single spaces."""
    text = strip_accents(name or "").casefold().strip()
    text = _PREFIX.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


class Match(NamedTuple):
    municipality: object | None
    corrected: bool
    suggestions: list


def find_municipality(name, municipalities):
    """The municipality among ``municipalities`` that ``name`` means, or suggestions when there is none.

    ``corrected`` tells the caller that a typo was forgiven, so it can say which name it used.
    """
    by_name = {normalise(municipality.name): municipality for municipality in municipalities}
    wanted = normalise(name)
    if not wanted:
        return Match(None, False, [])
    if wanted in by_name:
        return Match(by_name[wanted], False, [])
    ranked = sorted(((_likeness(wanted, key), key) for key in by_name), reverse=True)
    best_score, best = ranked[0] if ranked else (0, None)
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    # Only guess when one name is clearly the closest; otherwise let the reader choose among the suggestions.
    if best_score >= MATCH_CUTOFF and best_score - runner_up >= MARGIN:
        return Match(by_name[best], True, [])
    # A fragment such as "rijssen" is no typo of "rijssen holten" by difflib's measure, but clearly meant.
    suggestions = [key for key in by_name if wanted in key]
    suggestions += [key for score, key in ranked if score >= SUGGESTION_CUTOFF and key not in suggestions]
    return Match(None, False, [by_name[key] for key in suggestions[:5]])


def _likeness(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()
