"""Readers' views under /vergelijk/ and /netwerk/gemeente/: compare initiatives, and find a municipality's initiatives.

They are Django views in front of Wagtail's catch-all (config/urls.py): /netwerk/ itself is a Wagtail page.
"""

import re
from collections import Counter
from typing import NamedTuple

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from . import reference
from .choices import Discipline, Line, Status
from .lookup import find_municipality
from .models import InitiativeFactor, InitiativePage, InitiativePartner, Municipality, RegionPage
from .places import initiatives_serving, initiatives_serving_region_member

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
    """One line in a comparison cell: the text, an optional detail shown quieter after it, and where it comes from.

    ``source`` (a section of the study, or the date the initiative confirmed it) is shown but never compared: the
    same value from two sections is no difference between initiatives.
    """

    text: str
    detail: str = ""
    source: str = ""


def _source_of(initiative, field):
    fact = initiative.fact_source(field)
    if fact.kind == "confirmed":
        return _("bevestigd %(date)s") % {"date": dateformat.format(fact.confirmed, "j F Y")}
    if fact.kind == "inferred":
        return _("afgeleid, %(section)s") % {"section": fact.section}
    return fact.section


def _sourced(initiative, field, text, detail=""):
    return [Item(str(text), detail, _source_of(initiative, field))] if text else []


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
    # Counted once over the list: raw.count() per slug was quadratic, 9 s for a 64 KB query string.
    duplicates = sorted(slug for slug, count in Counter(raw).items() if count > 1)
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
    sections = {}
    for partner in initiative.partners.all():
        organisation = partner.organisation
        key = (organisation.discipline, organisation.line)
        groups.setdefault(key, []).append(organisation.name)
        if partner.section and partner.section not in sections.setdefault(key, []):
            sections[key].append(partner.section)
    disciplines = [choice.value for choice in Discipline]
    lines = ["", *[choice.value for choice in Line]]
    items = []
    for (discipline, line), names in sorted(
        groups.items(), key=lambda pair: (disciplines.index(pair[0][0]), lines.index(pair[0][1]))
    ):
        label = Discipline(discipline).label
        if line:
            label = f"{label}, {Line(line).label}"
        items.append(Item(str(label), ", ".join(sorted(names)), ", ".join(sections.get((discipline, line), []))))
    return items


def _factors(initiative, kind):
    return [
        Item(item.factor.label, item.note, item.section)
        for item in initiative.factors.all()
        if item.factor.kind == kind
    ]


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
        return _sourced(initiative, "coordinator", initiative.coordinator or organisation.name, detail)

    def municipalities(initiative):
        source = _source_of(initiative, "municipalities")
        items = [Item(m.name, "", source) for m in sorted(initiative.municipalities.all(), key=lambda m: m.name)]
        if initiative.region_wide and initiative.region:
            whole = _("de hele regio %(region)s") % {"region": initiative.region.title}
            items += _sourced(initiative, "region_wide", whole)
        return items

    def status(initiative):
        return _sourced(initiative, "status", initiative.status_label if initiative.status != Status.UNKNOWN else "")

    def last_confirmed(initiative):
        # The platform's own date, never the study's: "not yet" is a value here, not a gap in the study.
        if not initiative.last_confirmed:
            return [Item(_("Nog niet bevestigd door het initiatief"))]
        return [Item(dateformat.format(initiative.last_confirmed, "j F Y"))]

    def facilitating(initiative):
        return _factors(initiative, Factor.Kind.FACILITATING)

    def limiting(initiative):
        return _factors(initiative, Factor.Kind.LIMITING)

    # Factors differ by which ones apply, not by each initiative's own note about them.
    by_text_only = {facilitating, limiting}

    dimensions = [
        (_("Regio"), lambda i: _one(i.region.title if i.region else "")),
        (_("Niveau"), lambda i: _sourced(i, "level", i.get_level_display())),
        (_("Gemeenten"), municipalities),
        (_("Partners per discipline en lijn"), _partners_by_discipline),
        (_("Coördinatie"), coordination),
        (_("Scheidingsloket"), lambda i: _sourced(i, "desk_form", i.get_desk_form_display())),
        (_("Overlegritme"), lambda i: _sourced(i, "meeting_rhythm", i.meeting_rhythm)),
        (_("Stuurgroep"), lambda i: _sourced(i, "steering_group", i.steering_group)),
        (_("Thema’s"), lambda i: [Item(t.label) for t in sorted(i.themes.all(), key=lambda t: t.label)]),
        (_("Faciliterende factoren"), facilitating),
        (_("Belemmerende factoren"), limiting),
        (_("Status"), status),
        (_("Laatst bevestigd"), last_confirmed),
    ]
    rows = []
    for label, values_of in dimensions:
        cells = [values_of(initiative) for initiative in initiatives]
        # An empty cell is something the study did not report, not a finding: a known value beside an unknown
        # one is no difference (§4.1.2.1 says every region meets every six to eight weeks, though only three
        # profiles have the rhythm filled in). Only two known values that differ make a difference.
        known = [cell for cell in cells if cell]
        if values_of in by_text_only:
            compared = {tuple(item.text for item in cell) for cell in known}
        else:
            compared = {tuple((item.text, item.detail) for item in cell) for cell in known}
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
    known = reference.municipality(name)
    # A real municipality typed exactly is not taken for another one that a typo correction found.
    typo_of_another = match.corrected and known is not None and match.municipality.name != known.name
    if known is not None and (match.municipality is None or typo_of_another):
        member_of = _regions_made_of(known)
        if member_of:
            return _in_a_regions_areas(request, context, known, *member_of[0])
        return _outside_the_network(request, context, known)
    if match.municipality is None:
        context["suggestions"] = _close_names(name)
        context["error"] = _("Wij kennen geen gemeente ‘%(name)s’ in Nederland.") % {"name": name}
        context["regions"] = RegionPage.objects.live().public().order_by("title").only("title", "url_path", "path")
        return TemplateResponse(request, "network/municipality_lookup.html", context, status=404)

    municipality = match.municipality
    region = municipality.region
    candidates = InitiativePage.objects.live().public().for_listing().order_by("title")
    initiatives, explicit = initiatives_serving(municipality, list(candidates))
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


# ---------------------------------------------------------------------------------------------------------------
# About the source


def about_source(request):
    """/over-de-bron/: what the study behind the starting content examined, when, and its own caveats."""
    from .models import Publication

    return TemplateResponse(request, "network/about_source.html", {"publication": Publication.objects.first()})


def _regions_made_of(known):
    """The live regions whose CBS areas hold the municipality ``known``, with the area: [(region, area)], by title.

    One query (the regions); the areas and their municipalities are reference data.
    """
    found = []
    regions = RegionPage.objects.live().public().exclude(cbs_areas="").order_by("title")
    for region in regions.only("title", "slug", "url_path", "path", "depth", "cbs_areas", "cbs_areas_basis"):
        for area in region.areas():
            if any(member.code == known.code for member in area.municipalities):
                found.append((region, area))
                break
    return found


def _in_a_regions_areas(request, context, known, region, area):
    """A municipality that belongs to a region because the region consists of its CBS area (Enschede: Twente).

    No initiative names it (a snippet would have been found first), so the answer is the region's initiatives:
    those aimed at the whole region, else all of them, with the advice to ask.
    """
    candidates = list(InitiativePage.objects.live().public().for_listing().order_by("title"))
    initiatives, explicit = initiatives_serving_region_member(region, candidates)
    attach_regions(initiatives)
    context.update(
        {
            "municipality": known,
            "region": region,
            "area": area,
            "areas_source": reference.AREAS_SOURCE,
            "corrected": False,
            "initiatives": initiatives,
            "explicit": explicit,
        }
    )
    return TemplateResponse(request, "network/municipality_lookup.html", context)


def _outside_the_network(request, context, known):
    """A real municipality the network has no initiative for yet: say so, and show the nearest initiatives.

    Nearest means in the same province first (the provinces of the network's municipalities, from the CBS
    reference data); then every other initiative, so the reader always has someone to ask.
    """
    provinces_by_region = {}
    for municipality in Municipality.objects.exclude(region=None).only("name", "region_id"):
        province = reference.province_of(municipality.name)
        if province is not None:
            provinces_by_region.setdefault(municipality.region_id, set()).add(province)
    for region in RegionPage.objects.exclude(cbs_areas="").only("cbs_areas"):
        provinces_by_region.setdefault(region.pk, set()).update(m.province for m in region.area_municipalities())
    initiatives = list(InitiativePage.objects.live().public().for_listing().order_by("title"))
    attach_regions(initiatives)

    def in_same_province(initiative):
        region = initiative.region
        return region is not None and known.province in provinces_by_region.get(region.pk, set())

    context.update(
        {
            "outside": known,
            "nearby": [item for item in initiatives if in_same_province(item)],
            "elsewhere": [item for item in initiatives if not in_same_province(item)],
            "reference_source": reference.SOURCE,
        }
    )
    return TemplateResponse(request, "network/municipality_lookup.html", context)


def _close_names(name):
    """Real municipalities close to a name that is none: as typed, and by its first word ("Tilbrug-Noord")."""
    words = reference.place_key(name).split()
    found = reference.suggest_municipalities(name)
    if len(words) > 1:
        found += reference.suggest_municipalities(words[0])
    return list(dict.fromkeys(municipality.name for municipality in found))[:5]
