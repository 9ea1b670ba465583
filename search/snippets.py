"""Highlighted snippets: a short passage of a hit with the words of the question marked, on both backends.

Only whole words are marked, never a stop word or a piece of a longer word ("b<mark>uit</mark>en"): the database
backend marks the words whose form or stem is one of the searched words; Elasticsearch marks what its analysis
matched, compound parts included, so its marks are trimmed to the same rule (``whole_word_marks``). The text is
escaped exactly once, here or by Elasticsearch's html encoder.
"""

import re

from django.utils.html import escape

from .analysis import DUTCH_STOPWORDS, fold, tokenize
from .analysis.stems import ENGLISH_STOPWORDS, stems

SNIPPET_LENGTH = 220
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
_UNMARKED_WORDS = DUTCH_STOPWORDS | ENGLISH_STOPWORDS


def make_snippet(texts, terms, length=SNIPPET_LENGTH):
    """A short, HTML-escaped passage around the first searched word found, with every such word in <mark>."""
    wanted = _wanted(terms)
    passage = ""
    for text in texts:
        text = " ".join((text or "").split())
        if not text:
            continue
        first = next((match for match in _WORD.finditer(text) if _is_wanted(match.group(0), wanted)), None)
        if first or not passage:
            passage = _window(text, first.start() if first else 0, length)
        if first:
            break
    # Escape the pieces between marked words, so user text can never inject markup around the <mark> tags.
    out, position = [], 0
    for match in _WORD.finditer(passage):
        if _is_wanted(match.group(0), wanted):
            out.append(escape(passage[position : match.start()]))
            out.append(f"<mark>{escape(match.group(0))}</mark>")
            position = match.end()
    out.append(escape(passage[position:]))
    return "".join(out)


def whole_word_marks(snippet):
    """An Elasticsearch highlight with the marks that cover part of a word, or a stop word, taken away."""

    def keep_or_drop(match):
        before = snippet[match.start() - 1 : match.start()]
        after = snippet[match.end() : match.end() + 1]
        inner = match.group(1)
        inside_a_word = (before.isalnum() or after.isalnum()) if before or after else False
        if inside_a_word or fold(inner) in _UNMARKED_WORDS:
            return inner
        return match.group(0)

    return _MARKED.sub(keep_or_drop, snippet)


def _wanted(terms):
    """The stems of the searched words, without stop words."""
    words = {word for term in terms for word in tokenize(term) if word not in _UNMARKED_WORDS and len(word) > 1}
    return {stem for word in words for stem in stems(word)}


def _is_wanted(word, wanted):
    folded = fold(word)
    return folded not in _UNMARKED_WORDS and bool(stems(folded) & wanted)


def _window(text, at, length):
    if len(text) <= length:
        return text
    start = max(0, min(at - length // 3, len(text) - length))
    # Start and end on word boundaries, and say that the text goes on.
    if start:
        start = text.find(" ", start) + 1
    end = text.rfind(" ", start, start + length)
    end = end if end > start else start + length
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
