"""Dutch municipalities and provinces as reference data: what a typed place name refers to.

The facts live in ``network/data/places/`` (CBS's *Gemeentelijke indeling op 1 januari 2023* and a few documented
everyday names; the folder's README names every source). This module reads those files once per process and
answers the questions search and the municipality lookup ask:

* :func:`municipality` — the municipality a typed name or CBS code refers to ("Den Bosch", "gemeente Súdwest
  Fryslan", "GM0796"), or ``None``;
* :func:`province` — the province a typed name or code refers to (official, Frisian or everyday name);
* :func:`municipalities_in_province`, :func:`municipalities_in_youth_care_region`;
* :func:`area` and :func:`municipalities_in_area` — a CBS area by its code (a youth-care region JZ.., a landsdeel
  LD.., a province PV..) and the municipalities in it: what a network region consists of (``RegionPage.cbs_areas``);
* :func:`suggest_municipalities` — the real municipalities closest to a name that is not one ("did you mean").

Plain Python, no models: the database is not involved, so callers can use it anywhere without queries.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from search.analysis import tokenize

PLACES_DIR = Path(__file__).resolve().parent / "data" / "places"
SOURCE_FILE = PLACES_DIR / "gemeenten-alfabetisch-2023.csv"
PROVINCES_FILE = PLACES_DIR / "provinces.csv"
NAMES_FILE = PLACES_DIR / "names.csv"
YOUTH_CARE_REGIONS_FILE = PLACES_DIR / "youth_care_regions.csv"
LANDSDELEN_FILE = PLACES_DIR / "landsdelen.csv"

# What the site says when it shows these facts (the README in PLACES_DIR says where the copy came from).
REFERENCE_DATE = "2023-01-01"
SOURCE = "CBS, Gemeentelijke indeling op 1 januari 2023"
# The youth-care regions and landsdelen: CBS's area classification of the same year (the README says how the
# rows were derived from CBS's boundaries and checked).
AREAS_SOURCE = "CBS, Gebiedsindelingen 2023 (jeugdregio's en landsdelen)"

# Words people put before a place name that are not part of it ("gemeente Goes", "provincie Zeeland").
_PREFIXES = frozenset({"gemeente", "provincie"})

# How alike a typed name and a real one must be (difflib's ratio) to be offered as "did you mean": low enough
# that "Den Bosh" finds 's-Hertogenbosch through "den bosch" and "Enschde" Enschede, high enough that "Bergen"
# does not suggest Tubbergen (0.80) and "Groningen" never Dongen.
SUGGESTION_CUTOFF = 0.85


@dataclass(frozen=True)
class Province:
    code: str  # CBS code, "PV30"
    name: str  # CBS's official name, "Noord-Brabant", "Fryslân"
    frisian_name: str | None
    other_names: tuple[str, ...]  # everyday and English names from names.csv ("Brabant", "Friesland")
    landsdeel_code: str | None = None  # CBS landsdeel (NUTS 1), "LD01"; None if the data file has none
    landsdeel: str | None = None  # "Noord-Nederland"

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS code, "GM0796"
    name: str  # CBS's official name, "'s-Hertogenbosch"
    province: Province
    youth_care_region_code: str | None  # None: the source has no youth-care region for it (see the README)
    youth_care_region: str | None
    other_names: tuple[str, ...]  # everyday and English names from names.csv ("Den Bosch")

    def __str__(self):
        return self.name


def place_key(text: str) -> str:
    """A typed place name as a lookup key: the project's folding and tokenising (case, accents, hyphens,
    apostrophes: "'s-Hertogenbosch" and "s Hertogenbosch" are one key), without a leading "gemeente"/"provincie".
    The Dutch "ij" is often typed as "y" ("Harderwyk", "Nymegen"), so both are one letter in the key; the key is
    only ever compared with other keys, never shown.
    """
    words = tokenize(text)
    if len(words) > 1 and words[0] in _PREFIXES:
        words = words[1:]
    return " ".join(words).replace("ij", "y")


def municipalities() -> tuple[Municipality, ...]:
    """Every municipality of the reference date, in the source's (alphabetical) order."""
    return _reference().municipalities


def provinces() -> tuple[Province, ...]:
    """The 12 provinces, by CBS code."""
    return _reference().provinces


def municipality(name_or_code: str) -> Municipality | None:
    """The municipality a typed name, everyday name or CBS code (GM0855) refers to; ``None`` if there is none
    or the name is ambiguous (plain "Bergen" is both Bergen (L.) and Bergen (NH.))."""
    ref = _reference()
    code = name_or_code.strip().upper()
    if code in ref.municipality_by_code:
        return ref.municipality_by_code[code]
    return ref.municipality_by_key.get(place_key(name_or_code))


def province(name_or_code: str) -> Province | None:
    """The province a typed official, Frisian or everyday name or CBS code (PV29) refers to, or ``None``."""
    ref = _reference()
    code = name_or_code.strip().upper()
    if code in ref.province_by_code:
        return ref.province_by_code[code]
    return ref.province_by_key.get(place_key(name_or_code))


def province_of(name_or_code: str) -> Province | None:
    """The province of the municipality a typed name refers to."""
    found = municipality(name_or_code)
    return found.province if found else None


def youth_care_region_of(name_or_code: str) -> str | None:
    """The youth-care region of the municipality a typed name refers to; ``None`` when the municipality is
    unknown or the source has no youth-care region for it."""
    found = municipality(name_or_code)
    return found.youth_care_region if found else None


def municipalities_in_province(name_or_code: str) -> list[Municipality]:
    """All municipalities of a province given by any of its names or its code; empty for an unknown province."""
    found = province(name_or_code)
    if found is None:
        return []
    return [m for m in municipalities() if m.province == found]


def municipalities_in_youth_care_region(name_or_code: str) -> list[Municipality]:
    """All municipalities of a youth-care region given by name or JZ code (empty while the data has none)."""
    key = place_key(name_or_code)
    code = name_or_code.strip().upper()
    return [
        m
        for m in municipalities()
        if m.youth_care_region and (m.youth_care_region_code == code or place_key(m.youth_care_region) == key)
    ]


@dataclass(frozen=True)
class Area:
    """A CBS area that network regions are made of: a youth-care region, a landsdeel or a province."""

    code: str  # "JZ14", "LD01", "PV29"
    name: str  # CBS's name: "Twente", "Noord-Nederland", "Zeeland"
    kind: str  # "youth_care_region", "landsdeel", "province"
    municipalities: tuple[Municipality, ...]

    @property
    def kind_label(self):
        return AREA_KINDS[self.kind]

    def __str__(self):
        return f"{self.name} ({self.code})"


# How the site names each kind of area.
AREA_KINDS = {"youth_care_region": _("CBS-jeugdregio"), "landsdeel": _("CBS-landsdeel"), "province": _("provincie")}


def area(code: str) -> Area | None:
    """The CBS area with this code ("JZ14", "jz14", "LD01", "PV29"), with its municipalities; ``None`` if unknown."""
    return _reference().area_by_code.get(code.strip().upper())


def areas() -> tuple[Area, ...]:
    """Every area a region can be made of: the youth-care regions, the landsdelen and the provinces, by code."""
    return tuple(sorted(_reference().area_by_code.values(), key=lambda item: item.code))


def municipalities_in_area(code: str) -> list[Municipality]:
    """The municipalities of the CBS area with this code; empty for an unknown code."""
    found = area(code)
    return list(found.municipalities) if found else []


def suggest_municipalities(name: str, limit: int = 5) -> list[Municipality]:
    """The real municipalities whose name (official or everyday) is closest to ``name``, closest first; empty
    when nothing is really close (see ``SUGGESTION_CUTOFF``)."""
    ref = _reference()
    keys = difflib.get_close_matches(place_key(name), ref.suggestion_keys, n=limit * 3, cutoff=SUGGESTION_CUTOFF)
    found = []
    for key in keys:
        for candidate in ref.municipalities_by_any_key[key]:
            if candidate not in found:
                found.append(candidate)
    return found[:limit]


@dataclass(frozen=True)
class _Reference:
    municipalities: tuple[Municipality, ...]
    provinces: tuple[Province, ...]
    municipality_by_code: dict[str, Municipality]
    municipality_by_key: dict[str, Municipality]  # unambiguous keys only
    municipalities_by_any_key: dict[str, list[Municipality]]  # every key, ambiguous ones too (for suggestions)
    suggestion_keys: list[str]
    province_by_code: dict[str, Province]
    province_by_key: dict[str, Province]
    area_by_code: dict[str, Area]


@cache
def _reference() -> _Reference:
    """Read the files once per process; they only change with a deploy."""
    other_names: dict[str, list[tuple[str, str]]] = {}
    for row in _read(NAMES_FILE):
        other_names.setdefault(row["cbs_code"], []).append((row["name"], row["kind"]))

    landsdelen = {row["province_code"]: row for row in _read(LANDSDELEN_FILE)}
    provinces_ = tuple(
        Province(
            code=row["cbs_code"],
            name=row["name"],
            frisian_name=row["frisian_name"] or None,
            other_names=tuple(name for name, _kind in other_names.get(row["cbs_code"], [])),
            landsdeel_code=landsdelen.get(row["cbs_code"], {}).get("landsdeel_code") or None,
            landsdeel=landsdelen.get(row["cbs_code"], {}).get("landsdeel") or None,
        )
        for row in _read(PROVINCES_FILE)
    )
    province_by_code = {p.code: p for p in provinces_}

    youth_care = {row["cbs_code"]: row for row in _read(YOUTH_CARE_REGIONS_FILE)}
    municipalities_ = tuple(
        Municipality(
            code=row["GemeentecodeGM"],
            name=row["Gemeentenaam"],
            province=province_by_code[row["ProvinciecodePV"]],
            youth_care_region_code=youth_care.get(row["GemeentecodeGM"], {}).get("youth_care_region_code") or None,
            youth_care_region=youth_care.get(row["GemeentecodeGM"], {}).get("youth_care_region") or None,
            other_names=tuple(name for name, _kind in other_names.get(row["GemeentecodeGM"], [])),
        )
        for row in _read(SOURCE_FILE)
    )

    by_any_key: dict[str, list[Municipality]] = {}
    for m in municipalities_:
        for key in _municipality_keys(m):
            if m not in by_any_key.setdefault(key, []):
                by_any_key[key].append(m)

    province_by_key: dict[str, Province] = {}
    for p in provinces_:
        for name in (p.name, p.frisian_name, *p.other_names):
            if name:
                province_by_key[place_key(name)] = p

    return _Reference(
        area_by_code=_areas(municipalities_, provinces_),
        municipalities=municipalities_,
        provinces=provinces_,
        municipality_by_code={m.code: m for m in municipalities_},
        # A key two municipalities share ("bergen") names neither: answering one of them would be a guess.
        municipality_by_key={key: found[0] for key, found in by_any_key.items() if len(found) == 1},
        municipalities_by_any_key=by_any_key,
        suggestion_keys=sorted(by_any_key),
        province_by_code=province_by_code,
        province_by_key=province_by_key,
    )


def _areas(municipalities_, provinces_) -> dict[str, Area]:
    members: dict[tuple[str, str, str], list[Municipality]] = {}
    for m in municipalities_:
        if m.youth_care_region_code:
            members.setdefault((m.youth_care_region_code, m.youth_care_region, "youth_care_region"), []).append(m)
        if m.province.landsdeel_code:
            members.setdefault((m.province.landsdeel_code, m.province.landsdeel, "landsdeel"), []).append(m)
        members.setdefault((m.province.code, m.province.name, "province"), []).append(m)
    return {code: Area(code, name, kind, tuple(found)) for (code, name, kind), found in members.items()}


def _municipality_keys(m: Municipality) -> list[str]:
    keys = [place_key(name) for name in (m.name, *m.other_names)]
    # CBS tells namesakes apart with the province in brackets, "Bergen (NH.)"; people type just "Bergen".
    if "(" in m.name:
        keys.append(place_key(m.name.split("(", 1)[0]))
    return keys


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
