"""Which CBS area each municipality lies in, read from CBS's boundaries (TopoJSON), for the reference data.

CBS publishes its area classifications (youth-care regions, landsdelen, ...) as maps, generalised boundaries per
year. Every such area is a union of whole municipalities, so a municipality lies in exactly one area of a kind.
:func:`assign` finds it by sampling points inside the municipality's boundary and asking which area holds them;
the share of points that agree is returned with the answer, so a caller can refuse to decide when the boundaries
do not say clearly (``derive_cbs_areas`` refuses below ``MIN_SHARE``). Plain Python, no geometry library: the files
are small (a few hundred polygons), and the method is simple enough to check by hand.

Used only to (re)derive ``network/data/places/`` (see its README); the site reads the CSV files, never a map.
"""

from __future__ import annotations

from dataclasses import dataclass

# Below this share of agreeing sample points a municipality's area is not decided (the boundaries are unclear).
MIN_SHARE = 0.75

# Sample points per municipality, roughly: a grid of SAMPLES x SAMPLES over its bounding box.
SAMPLES = 25


@dataclass(frozen=True)
class Feature:
    code: str  # CBS statcode: "GM0153", "JZ14"
    name: str  # CBS statnaam
    rings: tuple  # closed rings of (x, y) in the topology's integer grid


@dataclass(frozen=True)
class Assignment:
    code: str  # the municipality
    area: str | None  # the area holding most of its sample points (None: outside every area)
    share: float  # the share of sample points in that area, 0..1
    samples: int


def features(topology: dict) -> list[Feature]:
    """The features of a TopoJSON topology's (single) object, with their rings decoded from the shared arcs.

    Coordinates stay in the topology's quantised grid; two topologies can be compared only when they share it (the
    same ``transform``), which :func:`assign` checks.
    """
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x, y))
        arcs.append(points)
    (collection,) = topology["objects"].values()
    found = []
    for geometry in collection["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = tuple(_ring(ring, arcs) for polygon in polygons for ring in polygon)
        properties = geometry["properties"]
        found.append(Feature(properties["statcode"], properties["statnaam"], rings))
    return found


def assign(municipalities: dict, areas: dict, samples: int = SAMPLES) -> list[Assignment]:
    """For every municipality of the ``municipalities`` topology, the area of the ``areas`` topology it lies in."""
    if municipalities.get("transform") != areas.get("transform"):
        raise ValueError("The two maps are quantised differently; derive from files of one series (the same year).")
    area_features = [(feature, _bounds(feature.rings)) for feature in features(areas)]
    result = []
    for municipality in features(municipalities):
        points = _points_inside(municipality.rings, samples)
        counts: dict[str | None, int] = {}
        for x, y in points:
            hit = next(
                (
                    feature.code
                    for feature, (x0, y0, x1, y1) in area_features
                    if x0 <= x <= x1 and y0 <= y <= y1 and _inside(x, y, feature.rings)
                ),
                None,
            )
            counts[hit] = counts.get(hit, 0) + 1
        best = max(counts, key=counts.get)
        result.append(Assignment(municipality.code, best, counts[best] / len(points), len(points)))
    return result


def area_of_rings(rings) -> float:
    """The area enclosed by rings (outer rings minus holes, by orientation), in grid units."""
    total = 0.0
    for ring in rings:
        total += sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2
    return abs(total)


def _ring(indices, arcs):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _bounds(rings):
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _points_inside(rings, samples):
    x0, y0, x1, y1 = _bounds(rings)
    # Off-grid offsets, so no sample lies on a boundary (boundaries run through integer grid points).
    step = max(1, max(x1 - x0, y1 - y0) // samples)
    while True:
        points = [
            (x + 0.37, y + 0.41)
            for x in range(x0, x1 + 1, step)
            for y in range(y0, y1 + 1, step)
            if _inside(x + 0.37, y + 0.41, rings)
        ]
        if len(points) >= 20 or step == 1:
            return points or [((x0 + x1) / 2, (y0 + y1) / 2)]
        step = max(1, step // 3)


def _inside(x, y, rings):
    """Even-odd rule over all rings, so holes (lakes, enclaves) count as outside."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
