"""The filters of the practices overview: parse the query string, check every value, apply them.

Several values of one filter widen the result (OR); different filters narrow it (AND).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from network.models import InitiativePage, RegionPage

from .models import Factor, PracticePage, Theme

MAX_VALUES_PER_FILTER = 20


@dataclass
class PracticeFilter:
    """The chosen filter values, resolved to objects, plus a Dutch message for each value that does not exist."""

    regions: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    factors: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    # query parameter → (attribute, how to find the objects by slug, label for messages)
    parameters = {
        "region": ("regions", lambda slugs: RegionPage.objects.live().public().filter(slug__in=slugs), _("regio")),
        "initiative": (
            "initiatives",
            lambda slugs: InitiativePage.objects.live().public().filter(slug__in=slugs),
            _("initiatief"),
        ),
        "theme": ("themes", lambda slugs: Theme.objects.filter(slug__in=slugs), _("thema")),
        "factor": ("factors", lambda slugs: Factor.objects.filter(slug__in=slugs), _("factor")),
        "tag": ("tags", lambda slugs: Tag.objects.filter(slug__in=slugs), _("trefwoord")),
    }

    @classmethod
    def from_query(cls, query):
        chosen = cls()
        for parameter, (attribute, lookup, label) in cls.parameters.items():
            slugs = _values(query, parameter)
            if not slugs:
                continue
            if len(slugs) > MAX_VALUES_PER_FILTER:
                chosen.errors.append(_("Kies hoogstens %(max)d waarden per filter.") % {"max": MAX_VALUES_PER_FILTER})
                continue
            found = list(lookup(slugs))
            setattr(chosen, attribute, found)
            unknown = sorted(set(slugs) - {item.slug for item in found})
            for slug in unknown:
                chosen.errors.append(_("Onbekende %(label)s: ‘%(slug)s’.") % {"label": label, "slug": slug})
        return chosen

    @property
    def is_active(self):
        return any((self.regions, self.initiatives, self.themes, self.factors, self.tags))

    def apply(self, practices):
        if self.regions:
            practices = practices.filter(_below_any(self.regions))
        if self.initiatives:
            practices = practices.filter(_below_any(self.initiatives))
        if self.themes:
            practices = practices.filter(themes__in=self.themes)
        if self.factors:
            practices = practices.filter(factors__in=self.factors)
        if self.tags:
            practices = practices.filter(tags__in=self.tags)
        # A practice matching two chosen themes must still be listed once.
        return practices.distinct()

    def selected_slugs(self):
        return {
            parameter: {item.slug for item in getattr(self, attribute)}
            for parameter, (attribute, _lookup, _label) in self.parameters.items()
        }


def _values(query, parameter):
    """Values of a parameter, repeated (``?theme=a&theme=b``) or comma-separated (``?theme=a,b``)."""
    values = []
    for raw in query.getlist(parameter):
        # Control characters are no part of a slug, and PostgreSQL refuses a NUL byte in any query.
        raw = "".join(ch for ch in raw if ch.isprintable())
        values.extend(part.strip() for part in raw.split(","))
    return list(dict.fromkeys(value for value in values if value))


def _below_any(pages):
    condition = Q()
    for page in pages:
        condition |= Q(path__startswith=page.path, depth__gt=page.depth)
    return condition


def live_practices():
    return PracticePage.objects.live().public().for_listing()
