"""What a network region consists of: the CBS areas an editor names on the region, and where they come from."""

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.roles import EDITORS
from network.area_geometry import assign, features
from network.models import RegionPage
from tests.editorial.conftest import make_user

from .test_study_content import main


@pytest.mark.django_db
def test_the_region_page_lists_the_municipalities_of_its_cbs_area_and_says_where_they_come_from(client, network):
    html = main(client, network.region("twente").url)
    assert "De regio valt naar haar naam samen met CBS-jeugdregio Twente (JZ14), met 14 gemeenten:" in html
    assert "Afgeleid" in html, "an inference says it is one"
    assert "<li>Enschede</li>" in html and "<li>Hengelo</li>" in html and "<li>Almelo</li>" in html
    assert "CBS, Gebiedsindelingen 2023" in html and "De studie noemt de regio Twente (§3.2" in html
    north = main(client, network.region("noord-nederland").url)
    assert "CBS-landsdeel Noord-Nederland (LD01), met 40 gemeenten" in north and "<li>Leeuwarden</li>" in north


@pytest.mark.django_db
def test_the_six_regions_the_study_names_consist_of_the_cbs_area_of_that_name(network):
    expected = {
        "noord-nederland": "LD01",
        "twente": "JZ14",
        "zeeland": "JZ38",
        "haaglanden": "JZ24",
        "midden-brabant": "JZ35",
        "ijsselland": "JZ07",
    }
    for slug, code in expected.items():
        region = network.region(slug)
        assert region.cbs_areas == code
        assert [found.name for found in region.areas()] == [region.title]
        assert "§3.2" in region.cbs_areas_basis


@pytest.mark.django_db
def test_codes_are_checked_normalised_and_need_a_basis(network):
    region = network.region("twente")
    region.cbs_areas = "jz14 ; JZ14, ld01"
    region.full_clean()
    assert region.cbs_areas == "JZ14, LD01"
    region.cbs_areas = "JZ99, Twente"
    with pytest.raises(ValidationError) as error:
        region.full_clean()
    assert "Onbekend CBS-gebied: JZ99, Twente" in str(error.value)
    region.cbs_areas, region.cbs_areas_basis = "JZ14", ""
    with pytest.raises(ValidationError) as error:
        region.full_clean()
    assert "cbs_areas_basis" in error.value.message_dict


def region_form(region, **changes):
    values = {
        "title": region.title,
        "slug": region.slug,
        "label_en": region.label_en,
        "provinces": region.provinces,
        "intro": region.intro,
        "cbs_areas": region.cbs_areas,
        "cbs_areas_basis": region.cbs_areas_basis,
        "sources": inline_formset([]),
        **changes,
    }
    return nested_form_data(values)


@pytest.mark.django_db
def test_an_editor_changes_the_composition_in_the_admin_and_bad_codes_get_a_form_error(network):
    client = Client()
    client.force_login(make_user(Group.objects.get(name=EDITORS)))
    region = network.region("zeeland")
    url = f"/admin/pages/{region.pk}/edit/"

    response = client.post(url, region_form(region, cbs_areas="JZ38, JZ99"))
    assert response.status_code == 200
    assert "Onbekend CBS-gebied: JZ99" in response.content.decode()
    assert RegionPage.objects.get(pk=region.pk).cbs_areas == "JZ38"

    form = region_form(region, cbs_areas="pv29", cbs_areas_basis="Provincie Zeeland, volgens de redactie.")
    response = client.post(url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    assert RegionPage.objects.get(pk=region.pk).cbs_areas == "PV29"


@pytest.mark.django_db
def test_the_migration_fills_the_regions_of_a_site_loaded_before_and_leaves_editors_values(network):
    fill = importlib.import_module("network.migrations.0006_region_cbs_areas_from_the_study").fill
    twente, zeeland = network.region("twente"), network.region("zeeland")
    RegionPage.objects.filter(pk=twente.pk).update(cbs_areas="", cbs_areas_basis="")
    revision = twente.latest_revision
    revision.content = {key: value for key, value in revision.content.items() if not key.startswith("cbs_areas")}
    revision.save()
    RegionPage.objects.filter(pk=zeeland.pk).update(cbs_areas="PV29", cbs_areas_basis="Door de redactie.")

    fill(apps, None)

    twente.refresh_from_db()
    assert twente.cbs_areas == "JZ14" and "§3.2" in twente.cbs_areas_basis
    # What an editor opens is the latest revision: it has the values too, so a publish keeps them.
    assert twente.get_latest_revision_as_object().cbs_areas == "JZ14"
    assert RegionPage.objects.get(pk=zeeland.pk).cbs_areas == "PV29"


# --- deriving the reference data from CBS's boundaries -----------------------------------------------------------


def square(x, y, size=10):
    return [[x, y], [size, 0], [0, size], [-size, 0], [0, -size]]


def topology(name, squares):
    """A TopoJSON topology of unit squares, each its own feature: [(code, name, x, y, size)]."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [3.0, 50.0]},
        "arcs": [square(x, y, size) for _code, _name, x, y, size in squares],
        "objects": {
            name: {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[index]], "properties": {"statcode": code, "statnaam": label}}
                    for index, (code, label, *_rest) in enumerate(squares)
                ],
            }
        },
    }


def test_each_municipality_is_assigned_to_the_area_that_holds_it():
    municipalities = topology(
        "gemeente", [("GM1", "A", 0, 0, 10), ("GM2", "B", 10, 0, 10), ("GM3", "C", 20, 0, 10), ("GM4", "D", 28, 0, 4)]
    )
    regions = topology("jeugdregio", [("JZ1", "West", 0, 0, 20), ("JZ2", "Oost", 20, 0, 20)])
    assert [feature.code for feature in features(municipalities)] == ["GM1", "GM2", "GM3", "GM4"]
    found = {item.code: (item.area, item.share) for item in assign(municipalities, regions)}
    assert found == {"GM1": ("JZ1", 1.0), "GM2": ("JZ1", 1.0), "GM3": ("JZ2", 1.0), "GM4": ("JZ2", 1.0)}


def test_a_municipality_across_two_areas_shows_as_unclear():
    municipalities = topology("gemeente", [("GM1", "Across", 5, 0, 10)])
    regions = topology("jeugdregio", [("JZ1", "West", 0, 0, 10), ("JZ2", "Oost", 10, 0, 10)])
    (item,) = assign(municipalities, regions)
    assert 0.4 < item.share < 0.6


def test_maps_of_different_series_are_refused():
    municipalities = topology("gemeente", [("GM1", "A", 0, 0, 10)])
    regions = topology("jeugdregio", [("JZ1", "West", 0, 0, 10)])
    regions["transform"] = {"scale": [0.01, 0.01], "translate": [3.0, 50.0]}
    with pytest.raises(ValueError, match="quantised differently"):
        assign(municipalities, regions)


def test_the_command_refuses_a_municipality_map_of_another_year(tmp_path):
    path = tmp_path / "gemeente.topojson"
    path.write_text(json.dumps(topology("gemeente", [("GM0153", "Enschede", 0, 0, 10)])))
    output = tmp_path / "out.csv"
    with pytest.raises(CommandError, match="another year"):
        call_command("derive_cbs_areas", "youth-care-regions", str(path), str(path), output=str(output))
    assert not output.exists()
