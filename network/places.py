"""Where a page sits in the network: its initiative and its region, read from the page tree."""

from typing import NamedTuple

from wagtail.models import Page


class Place(NamedTuple):
    initiative: Page | None
    region: Page | None


def attach_places(pages):
    """Set ``page.place`` on every page, in two queries however many pages there are.

    A page's own initiative is itself for an initiative page, and its own region is itself for a region page;
    a practice or update takes the nearest initiative and region above it.
    """
    from .models import InitiativePage, RegionPage

    pages = list(pages)
    paths_by_page = {page.pk: _own_and_ancestor_paths(page) for page in pages}
    all_paths = {path for paths in paths_by_page.values() for path in paths}
    regions = {
        region.path: region
        for region in RegionPage.objects.filter(path__in=all_paths).only("title", "slug", "path", "url_path", "depth")
    }
    initiatives = {
        initiative.path: initiative
        for initiative in InitiativePage.objects.filter(path__in=all_paths).only(
            "title", "slug", "path", "url_path", "depth"
        )
    }
    for page in pages:
        paths = paths_by_page[page.pk]
        page.place = Place(
            initiative=next((initiatives[path] for path in paths if path in initiatives), None),
            region=next((regions[path] for path in paths if path in regions), None),
        )
    return pages


def place_of(page):
    return attach_places([page])[0].place


def _own_and_ancestor_paths(page):
    # Nearest first, so the closest initiative or region wins.
    return [page.path[:end] for end in range(len(page.path), 0, -Page.steplen)]


def initiatives_serving(municipality, initiatives):
    """Which of ``initiatives`` work in ``municipality`` (a network municipality), and whether that is stated.

    An initiative works there when it names the municipality, or when it aims at its whole region (the study says
    so of Wijzer-Scheiden and the High Conflict Forum for all of Midden-Brabant, §3.2). When none does, all the
    initiatives of its region are returned with ``stated`` False: the study does not say which of them work there.
    ``initiatives`` need their municipalities prefetched.
    """
    region = municipality.region
    in_region = [item for item in initiatives if region is not None and item.path.startswith(region.path)]
    stated = [
        item
        for item in initiatives
        if municipality in item.municipalities.all() or (item.region_wide and item in in_region)
    ]
    return (stated, True) if stated else (in_region, False)


def initiatives_serving_region_member(region, initiatives):
    """Which of ``initiatives`` work in a municipality of ``region``'s CBS areas that no initiative names.

    Like :func:`initiatives_serving` for a municipality nobody names: the initiatives aimed at the whole region
    (stated), else all of the region's initiatives (not stated: the reader should ask them).
    """
    in_region = [item for item in initiatives if item.path.startswith(region.path)]
    stated = [item for item in in_region if item.region_wide]
    return (stated, True) if stated else (in_region, False)
