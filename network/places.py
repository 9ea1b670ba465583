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
