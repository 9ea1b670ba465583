"""The values each facet can take, with their labels: the slugs of taxonomy.json and the page tree."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from network.choices import Discipline
from network.models import InitiativePage, RegionPage
from practices.models import Factor, Theme

TYPE_LABELS = {
    "practice": _("Praktijk"),
    "initiative": _("Initiatief"),
    "update": _("Nieuws"),
    "region": _("Regio"),
}


def known_values(facet, values):
    """Which of ``values`` exist for this facet (one query at most)."""
    values = list(values)
    if facet == "type":
        return set(values) & set(TYPE_LABELS)
    if facet == "discipline":
        return set(values) & set(Discipline.values)
    model = {"region": RegionPage, "initiative": InitiativePage, "theme": Theme, "factor": Factor, "tag": Tag}[facet]
    return set(model.objects.filter(slug__in=values).values_list("slug", flat=True))


def labels(facet, values):
    """slug → label for the facet values in ``values`` (one query at most)."""
    values = list(values)
    if facet == "type":
        return {value: str(TYPE_LABELS[value]) for value in values if value in TYPE_LABELS}
    if facet == "discipline":
        names = dict(Discipline.choices)
        return {value: str(names[value]) for value in values if value in names}
    if facet in ("region", "initiative"):
        model = RegionPage if facet == "region" else InitiativePage
        return dict(model.objects.filter(slug__in=values).values_list("slug", "title"))
    if facet == "tag":
        return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))
    model = Theme if facet == "theme" else Factor
    return dict(model.objects.filter(slug__in=values).values_list("slug", "label"))
