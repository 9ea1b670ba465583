"""Highlighted snippets for the database backend (Elasticsearch makes its own)."""

import re

from django.utils.html import escape

SNIPPET_LENGTH = 220


def make_snippet(texts, terms, length=SNIPPET_LENGTH):
    """A short, HTML-escaped passage around the first term found, with every term wrapped in <mark>."""
    words = sorted({word for term in terms for word in term.lower().split() if len(word) > 2}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE) if words else None
    passage = ""
    for text in texts:
        text = " ".join((text or "").split())
        if not text:
            continue
        match = pattern.search(text) if pattern else None
        if match or not passage:
            passage = _window(text, match.start() if match else 0, length)
        if match:
            break
    if not pattern:
        return escape(passage)
    # Escape the pieces between matches, so user text can never inject markup around the <mark> tags.
    out, position = [], 0
    for match in pattern.finditer(passage):
        out.append(escape(passage[position : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    out.append(escape(passage[position:]))
    return "".join(out)


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
