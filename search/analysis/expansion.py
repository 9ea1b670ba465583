"""Query expansion for the database backend.

PostgreSQL's ``dutch`` configuration and SQLite FTS5 can neither decompound nor
expand synonyms, so the database backend widens the query in Python with
:func:`expand_query_terms`, from the same synonyms and compound list that
Elasticsearch gets in its index settings.
"""

from __future__ import annotations

from .compounds import base_form_candidates, split_compound
from .synonyms import synonym_index
from .text import DUTCH_STOPWORDS, tokenize


def _synonyms_of(term: str) -> tuple[str, ...]:
    index = synonym_index()
    if term in index:
        return index[term]
    if " " not in term:  # an inflection not listed in the group: loketjes, huisartsen
        for form in base_form_candidates(term, strip_plural_s=True):
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
    index = synonym_index()
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
