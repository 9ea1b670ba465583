"""What a reader asks the search service, checked before any backend sees it.

The same rules serve the API, the search page and the practices overview: bad input is a ``SearchInputError``
with a Dutch message (a 400 for the API), never an exception from deep inside a backend.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from .facets import FACET_NAMES

MAX_QUERY_LENGTH = 1000
# A question has a handful of words; each word widens into its synonyms and compound parts, and SQLite's
# full-text parser gives up (a server error) on a few hundred terms. Longer input is not a question.
MAX_QUERY_WORDS = 32
MAX_LIMIT = 100
# The deepest result a search reaches (Elasticsearch's result window): offset + limit stay within it. Paging
# stops there; an export reads every hit another way.
MAX_RESULT_WINDOW = 10_000
MAX_VALUES_PER_FACET = 20
BACKEND_CHOICES = ("auto", "database", "elasticsearch")


class SearchInputError(ValueError):
    """The request cannot be answered as asked; the message says why, in Dutch."""


class UnknownFilterValue(SearchInputError):
    """A filter names a region, initiative, theme, ... that does not exist: for a page, that is a 404."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems) or [message]


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet → tuple of slugs
    limit: int = 10
    offset: int = 0
    backend: str = "auto"

    def without_facet(self, facet):
        return replace(self, filters={name: values for name, values in self.filters.items() if name != facet})

    def window(self, offset, limit):
        return replace(self, offset=offset, limit=limit)


def parse_search_query(params, *, allowed_parameters=None, default_limit=10):
    """Build a ``SearchQuery`` from query-string parameters (a QueryDict), checking every value."""
    text = params.get("q", "") or ""
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchInputError(_("De zoekvraag is te lang: hoogstens %(max)d tekens.") % {"max": MAX_QUERY_LENGTH})
    # Null bytes and other control characters are no part of any word; PostgreSQL rejects them outright.
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    if len(text.split()) > MAX_QUERY_WORDS:
        raise SearchInputError(_("De zoekvraag heeft te veel woorden: hoogstens %(max)d.") % {"max": MAX_QUERY_WORDS})

    if allowed_parameters is not None:
        unknown = sorted(set(params) - set(allowed_parameters))
        if unknown:
            raise SearchInputError(_("Onbekende parameter: %(names)s.") % {"names": ", ".join(unknown)})

    filters = {}
    for facet in FACET_NAMES:
        values = []
        for raw in params.getlist(facet):
            # Control characters are no part of a slug, and PostgreSQL refuses a NUL byte in any query.
            raw = "".join(ch for ch in raw if ch.isprintable())
            values.extend(part.strip() for part in raw.split(","))
        values = tuple(dict.fromkeys(value for value in values if value))
        if len(values) > MAX_VALUES_PER_FACET:
            raise SearchInputError(
                _("Kies hoogstens %(max)d waarden voor ‘%(facet)s’.") % {"max": MAX_VALUES_PER_FACET, "facet": facet}
            )
        if values:
            filters[facet] = values

    limit = _integer(params, "limit", default_limit, 1, MAX_LIMIT)
    offset = _integer(params, "offset", 0, 0, MAX_RESULT_WINDOW - limit)
    backend = params.get("backend", "auto") or "auto"
    if backend not in BACKEND_CHOICES:
        raise SearchInputError(
            _("Onbekende backend ‘%(value)s’: kies uit %(choices)s.")
            % {"value": backend[:50], "choices": ", ".join(BACKEND_CHOICES)}
        )
    query = SearchQuery(text=text, filters=filters, limit=limit, offset=offset, backend=backend)
    check_filter_values(query)
    return query


def check_filter_values(query):
    """Every filter value must name something that exists: an unknown slug is a mistake worth telling."""
    from .vocabulary import known_values

    problems = []
    for facet, values in query.filters.items():
        unknown = sorted(set(values) - known_values(facet, values))
        if unknown:
            shown = ", ".join(f"‘{value[:60]}’" for value in unknown[:5])
            problems.append(_("Onbekende waarde voor %(facet)s: %(values)s.") % {"facet": facet, "values": shown})
    if problems:
        raise UnknownFilterValue(" ".join(problems), problems)


def _integer(params, name, default, minimum, maximum):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SearchInputError(_("‘%(name)s’ moet een geheel getal zijn.") % {"name": name}) from None
    if not minimum <= value <= maximum:
        raise SearchInputError(
            _("‘%(name)s’ moet tussen %(min)d en %(max)d liggen.") % {"name": name, "min": minimum, "max": maximum}
        )
    return value
