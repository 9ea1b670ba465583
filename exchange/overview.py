"""The public picture of the network's exchanges: held exchanges only, counted per pair of regions and theme.

No names of people and no single request: a pair of regions, a theme and a number. An exchange whose requester's
region is unknown counts in the total but in no pair.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from network.models import RegionPage

from .models import ExchangeRequest


@dataclass
class Pair:
    first: str
    second: str
    theme: str
    count: int


def held_counts():
    """``(regions, pairs, total, unknown)`` in two queries: the live regions, and the held exchanges' counts."""
    rows = (
        ExchangeRequest.objects.held()
        .values_list("initiative_region_id", "sender_region_id", "theme__label")
        .order_by()
    )
    regions = {region.pk: region for region in RegionPage.objects.live().public().order_by("title")}
    by_pair_theme = Counter()
    by_pair = Counter()
    total = unknown = 0
    for asked, sender, theme in rows:
        total += 1
        if asked not in regions or sender not in regions:
            unknown += 1
            continue
        first, second = sorted((regions[asked].title, regions[sender].title))
        by_pair_theme[(first, second, theme or _("geen thema opgegeven"))] += 1
        by_pair[(first, second)] += 1
    pairs = [Pair(first, second, theme, count) for (first, second, theme), count in sorted(by_pair_theme.items())]
    return list(regions.values()), pairs, by_pair, total, unknown


CELL, LABEL = 44, 170


def matrix(regions, by_pair):
    """The SVG matrix's geometry: one row and column per region, a cell per pair with its count (symmetric)."""
    titles = [region.title for region in regions]
    peak = max(by_pair.values(), default=0)
    cells = []
    for row, first in enumerate(titles):
        for column, second in enumerate(titles):
            count = by_pair.get(tuple(sorted((first, second))), 0)
            level = 0 if not count else 1 + (3 * (count - 1)) // max(peak, 1)
            cells.append(
                {
                    "x": LABEL + column * CELL,
                    "y": LABEL + row * CELL,
                    "count": count,
                    "level": min(level, 3),
                    "label": _("%(first)s en %(second)s: %(count)s gehouden uitwisseling(en)")
                    % {"first": first, "second": second, "count": count},
                    "same": first == second,
                }
            )
    axis = [
        {"title": title, "middle": LABEL + index * CELL + CELL // 2, "start": LABEL + index * CELL}
        for index, title in enumerate(titles)
    ]
    size = LABEL + len(titles) * CELL
    # Wider than tall: the last column's slanted label runs past the matrix's right edge.
    return {
        "cells": cells,
        "axis": axis,
        "size": size,
        "width": size + 70,
        "cell": CELL,
        "label": LABEL,
        "edge": LABEL - 6,
    }
