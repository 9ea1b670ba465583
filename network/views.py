"""Readers' views under /vergelijk/ and /netwerk/gemeente/: compare initiatives, and find a municipality's initiatives.

They are Django views in front of Wagtail's catch-all (config/urls.py): /netwerk/ itself is a Wagtail page.
"""

import re
from typing import NamedTuple

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from .choices import Discipline, Line
from .lookup import find_municipality
from .models import InitiativeFactor, InitiativePage, InitiativePartner, Municipality, RegionPage

MIN_COMPARED = 2
MAX_COMPARED = 4
_SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


def attach_regions(initiatives):
    """Set each initiative's ``region`` (its parent) in one query, instead of one query per initiative."""
    initiatives = list(initiatives)
    regions = {
        region.path: region
        for region in RegionPage.objects.filter(
            path__in={initiative.path[: -Page.steplen] for initiative in initiatives}
        ).only("title", "slug", "path", "url_path", "depth")
    }
    for initiative in initiatives:
        # Overrides the cached property InitiativePage.region, which would otherwise query per initiative.
        initiative.region = regions.get(initiative.path[: -Page.steplen])
    return initiatives


# ---------------------------------------------------------------------------------------------------------------
# Compare


class Item(NamedTuple):
    """One line in a comparison cell: the text, and an optional detail shown quieter after it."""

    text: str
    detail: str = ""


class Row(NamedTuple):
    label: str
    cells: list  # one list of Items per initiative
    different: bool


def parse_slugs(query):
    """The requested slugs in order, from ``?initiatieven=a,b`` and/or ``?initiatieven=a&initiatieven=b``.

    Returns ``(slugs, error)``; ``error`` is a Dutch sentence for the reader when the request cannot be met.
    """
    raw = [part.strip().lower() for value in query.getlist("initiatieven") for part in value.split(",")]
    raw = [part for part in raw if part]
    invalid = [part for part in raw if not _SLUG.match(part)]
    if invalid:
        return [], _("‘%(value)s’ is geen geldige naam van een initiatief. Kies de initiatieven hieronder.") % {
            "value": invalid[0][:60]
        }
    duplicates = sorted({slug for slug in raw if raw.count(slug) > 1})
    if duplicates:
        return [], _("U koos %(names)s meer dan eens. Kies verschillende initiatieven.") % {
            "names": ", ".join(duplicates)
        }
    if len(raw) < MIN_COMPARED:
        return [], _("Kies minstens %(min)d initiatieven om te vergelijken.") % {"min": MIN_COMPARED}
    if len(raw) > MAX_COMPARED:
        return [], _("U kunt hoogstens %(max)d initiatieven tegelijk vergelijken; u koos er %(count)d.") % {
            "max": MAX_COMPARED,
            "count": len(raw),
        }
    return raw, None


def compared_initiatives(slugs):
    """The live initiatives with these slugs, in the order asked, with everything the table shows: six queries."""
    initiatives = (
        InitiativePage.objects.live()
        .public()
        .filter(slug__in=slugs)
        .order_by("path")
        .select_related("coordinating_organisation")
        .prefetch_related(
            "municipalities",
            "themes",
            Prefetch("partners", queryset=InitiativePartner.objects.select_related("organisation")),
            Prefetch(
                "factors",
                queryset=InitiativeFactor.objects.select_related("factor").order_by("factor__label", "sort_order"),
            ),
        )
    )
    by_slug = {}
    for initiative in initiatives:
        by_slug.setdefault(initiative.slug, initiative)  # two regions may use one slug: the first in the tree wins
    attach_regions(by_slug.values())
    return [by_slug[slug] for slug in slugs if slug in by_slug], [slug for slug in slugs if slug not in by_slug]


def _partners_by_discipline(initiative):
    groups = {}
    for partner in initiative.partners.all():
        organisation = partner.organisation
        key = (organisation.discipline, organisation.line)
        groups.setdefault(key, []).append(organisation.name)
    disciplines = [choice.value for choice in Discipline]
    lines = ["", *[choice.value for choice in Line]]
    items = []
    for (discipline, line), names in sorted(
        groups.items(), key=lambda pair: (disciplines.index(pair[0][0]), lines.index(pair[0][1]))
    ):
        label = Discipline(discipline).label
        if line:
            label = f"{label}, {Line(line).label}"
        items.append(Item(str(label), ", ".join(sorted(names))))
    return items


def _factors(initiative, kind):
    return [Item(item.factor.label, item.note) for item in initiative.factors.all() if item.factor.kind == kind]


def _one(value):
    return [Item(str(value))] if value else []


def comparison_rows(initiatives):
    """The study's dimensions, one row each, with a flag for the rows whose values are not all the same."""
    from practices.models import Factor

    def coordination(initiative):
        organisation = initiative.coordinating_organisation
        if not initiative.coordinator and not organisation:
            return []
        detail = organisation.name if initiative.coordinator and organisation else ""
        return [Item(initiative.coordinator or organisation.name, detail)]

    def intensity(initiative):
        if not initiative.intensity:
            return []
        step = _("stap %(step)d van 4") % {"step": initiative.intensity_step}
        return [Item(initiative.get_intensity_display(), step)]

    def last_confirmed(initiative):
        return [Item(dateformat.format(initiative.last_confirmed, "j F Y"))] if initiative.last_confirmed else []

    def facilitating(initiative):
        return _factors(initiative, Factor.Kind.FACILITATING)

    def limiting(initiative):
        return _factors(initiative, Factor.Kind.LIMITING)

    # Factors differ by which ones apply, not by each initiative's own note about them.
    by_text_only = {facilitating, limiting}

    dimensions = [
        (_("Regio"), lambda i: _one(i.region.title if i.region else "")),
        (_("Niveau"), lambda i: _one(i.get_level_display())),
        (_("Gemeenten"), lambda i: [Item(m.name) for m in sorted(i.municipalities.all(), key=lambda m: m.name)]),
        (_("Partners per discipline en lijn"), _partners_by_discipline),
        (_("Coördinatie"), coordination),
        (_("Scheidingsloket"), lambda i: _one(i.get_desk_form_display())),
        (_("Intensiteit van samenwerking"), intensity),
        (_("Overlegritme"), lambda i: _one(i.meeting_rhythm)),
        (_("Stuurgroep"), lambda i: _one(i.steering_group)),
        (_("Thema’s"), lambda i: [Item(t.label) for t in sorted(i.themes.all(), key=lambda t: t.label)]),
        (_("Faciliterende factoren"), facilitating),
        (_("Belemmerende factoren"), limiting),
        (_("Status"), lambda i: _one(i.get_status_display())),
        (_("Laatst bevestigd"), last_confirmed),
    ]
    rows = []
    for label, values_of in dimensions:
        cells = [values_of(initiative) for initiative in initiatives]
        # An empty cell means the study says nothing about it: unknown is no value, so it differs from nothing.
        known = [cell for cell in cells if cell]
        if values_of in by_text_only:
            compared = {tuple(item.text for item in cell) for cell in known}
        else:
            compared = {tuple(cell) for cell in known}
        rows.append(Row(label, cells, len(compared) > 1))
    return rows


def compare(request):
    """/vergelijk/?initiatieven=a,b[,c,d]: the chosen initiatives side by side; without a choice, the form."""
    only_differences = request.GET.get("verschillen") == "1"
    chosen_slugs, error, initiatives, rows = [], None, [], []
    if "initiatieven" in request.GET:
        chosen_slugs, error = parse_slugs(request.GET)
        if not error:
            initiatives, unknown = compared_initiatives(chosen_slugs)
            if unknown:
                error = ngettext(
                    "Het initiatief ‘%(names)s’ bestaat niet. Kies de initiatieven hieronder.",
                    "De initiatieven ‘%(names)s’ bestaan niet. Kies de initiatieven hieronder.",
                    len(unknown),
                ) % {"names": "’, ‘".join(unknown)}
                initiatives = []
            else:
                rows = comparison_rows(initiatives)
    choices = _initiative_choices()
    # "Vergelijk met…" on a profile arrives as ?met=<slug>: that initiative is ticked, the reader adds the others.
    preselected = next((i for i in choices if i.slug == request.GET.get("met", "").strip().lower()), None)
    selected = set(chosen_slugs) | ({preselected.slug} if preselected else set())
    query = request.GET.copy()
    query.pop("verschillen", None)
    context = {
        "preselected": preselected,
        "share_url": request.build_absolute_uri("?initiatieven=" + ",".join(i.slug for i in initiatives))
        if initiatives
        else "",
        "initiatives": initiatives,
        "rows": [row for row in rows if row.different] if only_differences else rows,
        "all_rows": rows,
        "difference_count": sum(row.different for row in rows),
        "only_differences": only_differences,
        "error": error,
        "choices": choices,
        "selected": selected,
        "query_all": query.urlencode(),
        "min_compared": MIN_COMPARED,
        "max_compared": MAX_COMPARED,
    }
    return TemplateResponse(request, "network/compare.html", context, status=400 if error else 200)


def _initiative_choices():
    """Every live initiative with its region's title, for the checkboxes: two queries."""
    return attach_regions(InitiativePage.objects.live().public().order_by("title").only("title", "slug", "path"))


# ---------------------------------------------------------------------------------------------------------------
# Municipality lookup

MAX_NAME_LENGTH = 100


def municipality_lookup(request):
    """/netwerk/gemeente/?naam=Goes: the municipality's region and the initiatives that work there."""
    name = request.GET.get("naam", "").strip()
    context = {"name": name[:MAX_NAME_LENGTH], "municipality": None, "suggestions": [], "error": None}
    if not name:
        return TemplateResponse(request, "network/municipality_lookup.html", context)
    if len(name) > MAX_NAME_LENGTH or "\x00" in name:
        context["error"] = _("Dat is geen naam van een gemeente. Typ de naam van één gemeente, bijvoorbeeld Goes.")
        return TemplateResponse(request, "network/municipality_lookup.html", context, status=400)

    match = find_municipality(name, Municipality.objects.select_related("region"))
    if match.municipality is None:
        context["suggestions"] = match.suggestions
        context["error"] = _("Wij kennen geen gemeente ‘%(name)s’ in het netwerk.") % {"name": name}
        context["regions"] = RegionPage.objects.live().public().order_by("title").only("title", "url_path", "path")
        return TemplateResponse(request, "network/municipality_lookup.html", context, status=404)

    municipality = match.municipality
    region = municipality.region
    initiatives = list(
        InitiativePage.objects.live().public().filter(municipalities=municipality).for_listing().order_by("title")
    )
    explicit = bool(initiatives)
    if not explicit:
        initiatives = list(InitiativePage.objects.child_of(region).live().public().for_listing().order_by("title"))
    attach_regions(initiatives)
    context.update(
        {
            "municipality": municipality,
            "region": region,
            "corrected": match.corrected,
            "initiatives": initiatives,
            "explicit": explicit,
        }
    )
    return TemplateResponse(request, "network/municipality_lookup.html", context)
