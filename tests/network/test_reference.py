"""network/reference.py: Dutch municipalities and provinces from CBS, and what a typed place name refers to."""

import csv
import difflib
import re
from collections import Counter

import pytest

from network import reference
from network.reference import (
    area,
    areas,
    municipalities,
    municipalities_in_area,
    municipalities_in_province,
    municipalities_in_youth_care_region,
    municipality,
    place_key,
    province,
    province_of,
    provinces,
    suggest_municipalities,
    youth_care_region_of,
)

CBS_COLUMNS = ["Gemeentecode", "GemeentecodeGM", "Gemeentenaam", "Provinciecode", "ProvinciecodePV", "Provincienaam"]

# Counted in CBS's "Gemeentelijke indeling op 1 januari 2023" (the copy named in network/data/places/README.md);
# a new year's file changes these, and the README says to update them from the new source.
MUNICIPALITIES_PER_PROVINCE_2023 = {
    "Groningen": 10,
    "Fryslân": 18,
    "Drenthe": 12,
    "Overijssel": 25,
    "Flevoland": 6,
    "Gelderland": 51,
    "Utrecht": 26,
    "Noord-Holland": 44,
    "Zuid-Holland": 50,
    "Zeeland": 13,
    "Noord-Brabant": 56,
    "Limburg": 31,
}


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- the files and their sources -------------------------------------------------------------------------------


def test_the_municipality_file_is_cbss_classification_unchanged():
    with reference.SOURCE_FILE.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    rows = read(reference.SOURCE_FILE)
    assert header == CBS_COLUMNS
    assert len(rows) == 342
    assert len({row["GemeentecodeGM"] for row in rows}) == 342
    assert len({row["Gemeentenaam"] for row in rows}) == 342
    assert all(row["GemeentecodeGM"] == "GM" + row["Gemeentecode"] for row in rows)
    assert all(row["ProvinciecodePV"] == "PV" + row["Provinciecode"] for row in rows)


def test_counts_per_province_match_the_source():
    from_source = Counter(row["Provincienaam"] for row in read(reference.SOURCE_FILE))
    from_module = {p.name: len(municipalities_in_province(p.code)) for p in provinces()}
    assert from_source == MUNICIPALITIES_PER_PROVINCE_2023
    assert from_module == MUNICIPALITIES_PER_PROVINCE_2023
    assert len(municipalities()) == sum(MUNICIPALITIES_PER_PROVINCE_2023.values())


def test_the_provinces_are_the_twelve_of_the_source_with_their_cbs_codes():
    in_source = {(row["ProvinciecodePV"], row["Provincienaam"]) for row in read(reference.SOURCE_FILE)}
    assert {(p.code, p.name) for p in provinces()} == in_source
    assert len(provinces()) == 12
    assert [p.frisian_name for p in provinces() if p.frisian_name] == ["Fryslân"]


def test_the_readme_names_the_source_its_publisher_year_and_copy():
    readme = (reference.PLACES_DIR / "README.md").read_text(encoding="utf-8")
    assert "Centraal Bureau voor de Statistiek (CBS)" in readme
    assert "Gemeentelijke indeling op 1 januari 2023" in readme
    assert "edugis-repo/cbsbuurtwijkgemeente" in readme
    assert "9a3127283d22f92f635f6decc90e1353017ff900" in readme
    for name in ("gemeenten-alfabetisch-2023.csv", "provinces.csv", "names.csv", "youth_care_regions.csv"):
        assert f"`{name}`" in readme
    # The youth-care regions and landsdelen: CBS's classification, the copy used and how the rows were derived.
    assert "`landsdelen.csv`" in readme and "cartomap/nl" in readme
    assert "7234d7f822d98610d144184dbcd74a9ac5c6d730" in readme
    assert "wgs84/jeugdregio_2023.topojson" in readme and "wgs84/landsdeel_2023.topojson" in readme
    assert "derive_cbs_areas" in readme and "2023" in reference.AREAS_SOURCE
    # What the site shows as the source says the same year as the file it reads.
    assert "2023" in reference.SOURCE and reference.REFERENCE_DATE.startswith("2023")
    assert reference.SOURCE_FILE.name == "gemeenten-alfabetisch-2023.csv"


def test_every_other_name_belongs_to_a_real_place_and_says_what_it_rests_on():
    codes = {m.code for m in municipalities()} | {p.code for p in provinces()}
    rows = read(reference.NAMES_FILE)
    assert rows
    for row in rows:
        assert row["cbs_code"] in codes, row
        assert row["kind"] in {"everyday", "english"}, row
        assert len(row["basis"]) > 40, row


def test_every_municipality_has_its_cbs_youth_care_region():
    rows = read(reference.YOUTH_CARE_REGIONS_FILE)
    assert [row["cbs_code"] for row in rows] == [m.code for m in municipalities()]
    assert all(re.fullmatch(r"JZ\d\d", row["youth_care_region_code"]) and row["youth_care_region"] for row in rows)
    regions = {(row["youth_care_region_code"], row["youth_care_region"]) for row in rows}
    assert len(regions) == len({code for code, _name in regions}) == 42
    assert all(m.youth_care_region for m in municipalities())
    assert youth_care_region_of("Enschede") == "Twente"
    assert youth_care_region_of("Den Haag") == "Haaglanden"


def test_twente_is_its_fourteen_municipalities_all_in_overijssel():
    twente = municipalities_in_youth_care_region("Twente")
    assert {m.name for m in twente} == {
        "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo", "Hof van Twente",
        "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden",
    }  # fmt: skip
    assert {m.province.name for m in twente} == {"Overijssel"}
    assert municipalities_in_youth_care_region("JZ14") == twente


def test_youth_care_regions_that_are_a_province_are_exactly_that_province():
    for region, province_name in (("Zeeland", "Zeeland"), ("Groningen", "Groningen"), ("Drenthe", "Drenthe")):
        assert set(municipalities_in_youth_care_region(region)) == set(municipalities_in_province(province_name))
    assert set(municipalities_in_area("JZ02")) == set(municipalities_in_province("Fryslân"))


def test_haaglanden_youth_care_region_includes_voorschoten():
    names = {m.name for m in municipalities_in_youth_care_region("Haaglanden")}
    assert names == {
        "'s-Gravenhage", "Delft", "Leidschendam-Voorburg", "Midden-Delfland", "Pijnacker-Nootdorp", "Rijswijk",
        "Voorschoten", "Wassenaar", "Westland", "Zoetermeer",
    }  # fmt: skip


def test_the_landsdelen_group_the_twelve_provinces_and_noord_nederland_is_the_north():
    rows = read(reference.LANDSDELEN_FILE)
    assert [row["province_code"] for row in rows] == [p.code for p in provinces()]
    assert {p.name for p in provinces() if p.landsdeel_code == "LD01"} == {"Groningen", "Fryslân", "Drenthe"}
    assert len(municipalities_in_area("LD01")) == 40
    assert {row["landsdeel_code"]: row["landsdeel"] for row in rows} == {
        "LD01": "Noord-Nederland", "LD02": "Oost-Nederland", "LD03": "West-Nederland", "LD04": "Zuid-Nederland",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "name", "kind", "count"),
    [("JZ14", "Twente", "youth_care_region", 14), ("jz38 ", "Zeeland", "youth_care_region", 13),
     ("LD01", "Noord-Nederland", "landsdeel", 40), ("PV29", "Zeeland", "province", 13)],
)  # fmt: skip
def test_an_area_is_found_by_its_cbs_code_with_its_municipalities(code, name, kind, count):
    found = area(code)
    assert (found.name, found.kind, len(found.municipalities)) == (name, kind, count)


@pytest.mark.parametrize("code", ["JZ40", "JZ99", "Twente", "", "GM0153", "LD05"])
def test_what_is_no_area_code_finds_no_area(code):
    assert area(code) is None
    assert municipalities_in_area(code) == []


def test_every_municipality_is_in_exactly_one_youth_care_region_and_one_landsdeel():
    for kind in ("youth_care_region", "landsdeel", "province"):
        members = [m.code for found in areas() if found.kind == kind for m in found.municipalities]
        assert sorted(members) == sorted(m.code for m in municipalities()), kind


def test_the_files_are_read_once_per_process():
    assert reference._reference() is reference._reference()
    assert municipality("Goes") is municipality("goes")


# --- what a reader types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name", "province_name"),
    [
        ("Goes", "Goes", "Zeeland"),
        ("Enschede", "Enschede", "Overijssel"),
        ("Waalwijk", "Waalwijk", "Noord-Brabant"),
        ("Groningen", "Groningen", "Groningen"),
        ("Nymegen", "Nijmegen", "Gelderland"),
        ("GM0855", "Tilburg", "Noord-Brabant"),
        ("gm0855", "Tilburg", "Noord-Brabant"),
        ("Bergen (NH.)", "Bergen (NH.)", "Noord-Holland"),
        ("Bergen NH", "Bergen (NH.)", "Noord-Holland"),
        ("Nuenen, Gerwen en Nederwetten", "Nuenen, Gerwen en Nederwetten", "Noord-Brabant"),
    ],
)
def test_a_municipality_and_its_province_are_found_by_name_or_code(typed, name, province_name):
    assert municipality(typed).name == name
    assert province_of(typed).name == province_name


@pytest.mark.parametrize(
    "typed",
    [
        "'s-Hertogenbosch",
        "’s-Hertogenbosch",
        "s-Hertogenbosch",
        "'s Hertogenbosch",
        "S-HERTOGENBOSCH",
        "Den Bosch",
        "den bosch",
        "Den-Bosch",
        "gemeente Den Bosch",
        "Gemeente 's-Hertogenbosch",
    ],
)
def test_s_hertogenbosch_is_found_however_it_is_typed(typed):
    assert municipality(typed).code == "GM0796"


@pytest.mark.parametrize("typed", ["Den Haag", "'s-Gravenhage", "s Gravenhage", "The Hague", "gemeente Den Haag"])
def test_the_hague_is_found_by_its_official_everyday_and_english_names(typed):
    found = municipality(typed)
    assert (found.code, found.name, found.province.name) == ("GM0518", "'s-Gravenhage", "Zuid-Holland")


@pytest.mark.parametrize("typed", ["Súdwest-Fryslân", "Sudwest Fryslan", "súdwest fryslân", "gemeente Sudwest-Fryslan"])
def test_accents_hyphens_and_spaces_do_not_matter(typed):
    assert municipality(typed).name == "Súdwest-Fryslân"


@pytest.mark.parametrize("typed", ["Friesland", "Fryslân", "fryslan", "FRIESLAND", "provincie Friesland", "PV21"])
def test_friesland_and_fryslan_are_the_same_province(typed):
    assert province(typed) == province("Fryslân")
    assert province(typed).code == "PV21"
    assert len(municipalities_in_province(typed)) == 18


def test_brabant_is_noord_brabant_and_its_municipalities_are_listed():
    assert province("Brabant") == province("Noord-Brabant") == province("noord brabant")
    names = [m.name for m in municipalities_in_province("Brabant")]
    assert "Waalwijk" in names and "'s-Hertogenbosch" in names and "Goes" not in names


@pytest.mark.parametrize("typed", ["Bergen", "Amsterdm", "Scheidingspunt", "", "gemeente", "Holland", "Brabant"])
def test_a_name_that_is_no_single_municipality_finds_none(typed):
    # "Bergen" is two municipalities; answering one would be a guess. "Brabant" is a province, not a municipality.
    assert municipality(typed) is None


def test_an_unknown_province_finds_none_and_no_municipalities():
    assert province("Holland") is None
    assert province("Goes") is None
    assert municipalities_in_province("Holland") == []


# --- "did you mean" --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Den Bosh", "'s-Hertogenbosch"),
        ("Enschde", "Enschede"),
        ("Goess", "Goes"),
        ("Amsterdm", "Amsterdam"),
        ("Harderwyk", "Harderwijk"),
        ("Zoetermer", "Zoetermeer"),
    ],
)
def test_a_typo_suggests_the_municipality_meant_first(typed, first):
    assert suggest_municipalities(typed)[0].name == first


def test_an_ambiguous_name_suggests_every_namesake_and_nothing_merely_similar():
    assert [m.name for m in suggest_municipalities("Bergen")] == ["Bergen (L.)", "Bergen (NH.)"]


@pytest.mark.parametrize("typed", ["Scheidingspunt", "zorg", "vechtscheiding", "xyz"])
def test_a_word_that_is_no_place_gets_no_suggestions(typed):
    assert suggest_municipalities(typed) == []


@pytest.mark.parametrize("typed", ["Den Bosh", "Groningn", "Enschde", "Bergen", "Haarlm", "Zwol"])
def test_every_suggestion_is_really_close(typed):
    for suggested in suggest_municipalities(typed):
        keys = [place_key(name) for name in (suggested.name, suggested.name.split("(")[0], *suggested.other_names)]
        best = max(difflib.SequenceMatcher(None, place_key(typed), key).ratio() for key in keys)
        assert best >= reference.SUGGESTION_CUTOFF, (typed, suggested.name)
