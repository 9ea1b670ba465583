"""Derive ``youth_care_regions.csv`` or ``landsdelen.csv`` in network/data/places/ from CBS's boundary maps.

    manage.py derive_cbs_areas youth-care-regions gemeente_2023.topojson jeugdregio_2023.topojson
    manage.py derive_cbs_areas landsdelen gemeente_2023.topojson landsdeel_2023.topojson

The maps are CBS's generalised boundaries of one year (TopoJSON, the same series, so the same grid); the README in
network/data/places/ names the copy used. The command refuses rather than guesses: the municipalities of the map must
be exactly those of the reference file, every municipality must lie clearly in one area (network/area_geometry.py),
and for landsdelen every province must lie wholly in one landsdeel.
"""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network import reference
from network.area_geometry import MIN_SHARE, area_of_rings, assign, features


class Command(BaseCommand):
    help = "Derive the youth-care region per municipality, or the landsdeel per province, from CBS boundary maps."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["youth-care-regions", "landsdelen"])
        parser.add_argument("municipalities", type=Path, help="CBS's municipality map of the reference year")
        parser.add_argument("areas", type=Path, help="CBS's map of the areas of the same year")
        parser.add_argument("--output", type=Path, help="where to write (default: the file in network/data/places)")

    def handle(self, kind, municipalities, areas, output=None, **options):
        municipality_map, area_map = self.read(municipalities), self.read(areas)
        known = {m.code: m for m in reference.municipalities()}
        on_map = {feature.code for feature in features(municipality_map)}
        if on_map != set(known):
            raise CommandError(
                f"The municipality map is of another year than {reference.SOURCE_FILE.name}: "
                f"{len(on_map - set(known))} codes not in the file, {len(set(known) - on_map)} missing."
            )
        try:
            found = assign(municipality_map, area_map)
        except ValueError as error:
            raise CommandError(str(error)) from error
        unclear = [item for item in found if item.area is None or item.share < MIN_SHARE]
        if unclear:
            listed = ", ".join(f"{known[item.code].name} ({item.share:.0%})" for item in unclear)
            raise CommandError(f"These municipalities lie in no single area: {listed}. Nothing was written.")
        names = {feature.code: feature.name for feature in features(area_map)}
        self.check_areas_are_covered(municipality_map, area_map, found)
        if kind == "youth-care-regions":
            path = output or reference.YOUTH_CARE_REGIONS_FILE
            rows = [(item.code, item.area, names[item.area]) for item in found]
            rows.sort(key=lambda row: list(known).index(row[0]))
            header = ("cbs_code", "youth_care_region_code", "youth_care_region")
        else:
            path = output or reference.LANDSDELEN_FILE
            rows, header = self.per_province(found, known, names), ("province_code", "landsdeel_code", "landsdeel")
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        lowest = min(found, key=lambda item: item.share)
        self.stdout.write(
            f"Wrote {len(rows)} rows to {path} ({len({item.area for item in found})} areas); the least clear "
            f"municipality is {known[lowest.code].name}, {lowest.share:.0%} of its sample points in {lowest.area}."
        )

    def read(self, path):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: not a readable TopoJSON file ({error}).") from error

    def check_areas_are_covered(self, municipality_map, area_map, found):
        """Each area's municipalities must together cover it (within 5% of its area): else areas were missed."""
        area_of = {feature.code: area_of_rings(feature.rings) for feature in features(municipality_map)}
        for feature in features(area_map):
            covered = sum(area_of[item.code] for item in found if item.area == feature.code)
            ratio = covered / area_of_rings(feature.rings)
            if not 0.95 <= ratio <= 1.05:
                raise CommandError(f"Area {feature.code} {feature.name}: its municipalities cover {ratio:.0%} of it.")

    def per_province(self, found, known, names):
        landsdeel_of = {}
        for item in found:
            landsdeel_of.setdefault(known[item.code].province.code, set()).add(item.area)
        split = {code: sorted(codes) for code, codes in landsdeel_of.items() if len(codes) != 1}
        if split:
            raise CommandError(f"Provinces in more than one landsdeel: {split}. Nothing was written.")
        return [(code, next(iter(codes)), names[next(iter(codes))]) for code, codes in sorted(landsdeel_of.items())]
