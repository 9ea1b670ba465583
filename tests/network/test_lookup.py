"""/netwerk/gemeente/: which region a municipality is in and which initiatives work there; and the region map."""

import re

import pytest

from network.lookup import find_municipality, normalise
from network.models import InitiativePage, Municipality

# Goes, Enschede, Waalwijk and the like stand for municipalities an editor added (the study names only three).
pytestmark = pytest.mark.usefixtures("added_municipalities")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["Goes", "goes", "GOES", "  Goes ", "gemeente Goes", "Gemeente goes", "Gose", "Goess"]
)
def test_a_municipality_is_found_by_name_case_prefix_and_small_typos(client, network, typed):
    response = client.get("/netwerk/gemeente/", {"naam": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Gemeente Goes</h1>" in html
    assert f'href="{network.region("zeeland").url}">Zeeland</a>' in html
    # No initiative names Goes itself, so the region's initiatives are shown, and the page says so.
    assert "Geen initiatief noemt Goes uitdrukkelijk" in html
    assert network.initiative("joop").title in html


@pytest.mark.django_db
def test_a_corrected_typo_is_announced(client, network):
    html = client.get("/netwerk/gemeente/", {"naam": "Zoetermer"}).content.decode()
    assert "U zocht ‘Zoetermer’; wij tonen Zoetermeer." in html


@pytest.mark.django_db
def test_initiatives_that_name_the_municipality_come_first_and_alone(client, network):
    html = client.get("/netwerk/gemeente/", {"naam": "zoetermeer"}).content.decode()
    assert "Initiatieven die in Zoetermeer werken" in html
    assert network.initiative("scheidingspunt").title in html
    # Haaglanden's other initiative does not name Zoetermeer.
    assert network.initiative("kenniscentrum-kind-en-scheiding").title not in html


@pytest.mark.django_db
def test_accents_and_hyphens_do_not_matter(client, network):
    Municipality.objects.create(
        name="Súdwest-Fryslân", slug="sudwest-fryslan", region=network.region("noord-nederland")
    )
    html = client.get("/netwerk/gemeente/", {"naam": "sudwest fryslan"}).content.decode()
    assert "<h1>Gemeente Súdwest-Fryslân</h1>" in html
    assert "Noord-Nederland" in html


@pytest.mark.django_db
def test_a_name_that_is_no_municipality_is_a_404_with_close_real_names(client, network):
    response = client.get("/netwerk/gemeente/", {"naam": "Tilbrug-Noord"})
    html = response.content.decode()
    assert response.status_code == 404
    assert "Wij kennen geen gemeente ‘Tilbrug-Noord’ in Nederland." in html
    assert "Bedoelde u:" in html
    assert 'href="?naam=Tilburg"' in html
    # Only names that are actually close: not every municipality with a similar ending.
    assert html.count('href="?naam=') <= 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, name, province",
    [("Utrecht", "Utrecht", "Utrecht"), ("Den Bosch", "'s-Hertogenbosch", "Noord-Brabant")],
)
def test_a_real_municipality_outside_the_network_is_answered_not_a_404(client, network, typed, name, province):
    response = client.get("/netwerk/gemeente/", {"naam": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"In {name} werkt voor zover bekend nog geen initiatief van het netwerk." in html.replace("&#x27;", "'")
    assert province in html
    assert "CBS, Gemeentelijke indeling op 1 januari 2023" in html
    # Every initiative is offered, so the reader always has someone to ask.
    assert all(initiative.title in html for initiative in InitiativePage.objects.live())


@pytest.mark.django_db
def test_outside_the_network_the_same_province_comes_first(client, network):
    # 's-Hertogenbosch is in Noord-Brabant, like the youth-care region Midden-Brabant (JZ35) of the region of the
    # same name, where Wijzer-Scheiden works (§3.2); it is not in that youth-care region (CBS).
    html = client.get("/netwerk/gemeente/", {"naam": "Den Bosch"}).content.decode()
    nearby = html.index("Initiatieven in de provincie Noord-Brabant")
    elsewhere = html.index("Initiatieven elders in het land")
    assert nearby < html.index("Wijzer-Scheiden") < elsewhere < html.index("JOOP")


# --- municipalities of a region's CBS areas ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "name", "region", "area", "initiative"),
    [
        ("Hengelo", "Hengelo", "twente", "CBS-jeugdregio Twente (JZ14)", "bram"),
        ("Vlissingen", "Vlissingen", "zeeland", "CBS-jeugdregio Zeeland (JZ38)", "joop"),
        (
            "Den Haag",
            "'s-Gravenhage",
            "haaglanden",
            "CBS-jeugdregio Haaglanden (JZ24)",
            "kenniscentrum-kind-en-scheiding",
        ),
        ("Zwolle", "Zwolle", "ijsselland", "CBS-jeugdregio IJsselland (JZ07)", "scheiden-doe-je-samen"),
        ("Leeuwarden", "Leeuwarden", "noord-nederland", "CBS-landsdeel Noord-Nederland (LD01)", "kees"),
    ],
)
def test_a_municipality_of_a_regions_cbs_area_is_in_that_region(client, network, typed, name, region, area, initiative):
    response = client.get("/netwerk/gemeente/", {"naam": typed})
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert f"<h1>Gemeente {name}</h1>" in html
    assert f'href="{network.region(region).url}">{network.region(region).title}</a>' in html
    # Where that comes from: the CBS area, CBS's classification and the study's section that names the region.
    assert area in html
    assert "CBS, Gebiedsindelingen 2023" in html and "§3.2" in html
    assert "de redactie heeft haar aan de regio toegevoegd" not in html
    assert "werkt voor zover bekend nog geen initiatief" not in html
    assert network.initiative(initiative).title in html


@pytest.mark.django_db
def test_a_region_wide_initiative_is_stated_for_every_municipality_of_its_area(client, network):
    # Wijzer-Scheiden aims at the whole region Midden-Brabant (§3.2); Dongen is in youth-care region JZ35.
    html = client.get("/netwerk/gemeente/", {"naam": "Dongen"}).content.decode()
    assert "Initiatieven die in Dongen werken" in html
    assert "Richt zich op de hele regio Midden-Brabant" in html
    assert network.initiative("wijzer-scheiden").title in html


@pytest.mark.django_db
def test_a_municipality_typed_exactly_is_not_corrected_to_a_snippet(client, network):
    # "Goes" is a snippet (added_municipalities); "Gouda" is a real municipality outside every region's areas.
    html = client.get("/netwerk/gemeente/", {"naam": "Gouda"}).content.decode()
    assert "In Gouda werkt voor zover bekend nog geen initiatief van het netwerk." in html


@pytest.mark.django_db
def test_no_name_shows_the_form(client, network):
    for query in ("", "?naam=", "?naam=+++"):
        response = client.get("/netwerk/gemeente/" + query)
        html = response.content.decode()
        assert response.status_code == 200
        assert '<form class="search-box municipality-form" method="get" action="/netwerk/gemeente/"' in html
        assert "alert--error" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["x" * 101, "Goes\x00"])
def test_garbage_is_a_400_not_a_500(client, network, typed):
    response = client.get("/netwerk/gemeente/", {"naam": typed})
    assert response.status_code == 400
    assert "Dat is geen naam van een gemeente" in response.content.decode()


@pytest.mark.django_db
def test_html_in_the_name_is_escaped(client, network):
    html = client.get("/netwerk/gemeente/", {"naam": "<b>Goes</b>"}).content.decode()
    assert "<b>Goes</b>" not in html


def test_normalise_forgives_what_readers_type():
    assert normalise("  Gemeente  Rijssen–Holten ") == "rijssen holten"
    assert normalise("gem. Den Haag") == "den haag"
    assert normalise("Súdwest-Fryslân") == "sudwest fryslan"


@pytest.mark.django_db
def test_a_fragment_is_suggested_not_guessed(network):
    match = find_municipality("Rijssen", Municipality.objects.all())
    assert match.municipality is None
    assert match.suggestions[0].name == "Rijssen-Holten"


# ---------------------------------------------------------------------------------------------------------------
# The overview at /netwerk/: the region map, the lookup form, the table


@pytest.mark.django_db
def test_the_overview_has_a_linked_region_map_and_keeps_its_table(client, network):
    html = client.get("/netwerk/").content.decode()
    figure = html[html.index('<figure class="map region-map">') : html.index("</figure>")]
    tiles = re.findall(r'<a class="map__region" href="([^"]+)" aria-label="([^"]+)">\s*<title>([^<]+)</title>', figure)
    assert len(tiles) == 6
    labels = {label for _href, label, _title in tiles}
    assert "Midden-Brabant: 2 initiatieven" in labels
    assert "Zeeland: 1 initiatief" in labels
    assert {href for href, _label, _title in tiles} == {
        network.region(slug).url
        for slug in ("noord-nederland", "twente", "zeeland", "haaglanden", "midden-brabant", "ijsselland")
    }
    assert all(label == title for _href, label, title in tiles)
    assert "<figcaption>" in figure
    assert "http" not in re.sub(r'xmlns="[^"]+"', "", figure)  # no map tiles, images or fonts from elsewhere
    assert 'class="table"' in html  # the same information as a plain table
    assert 'action="/netwerk/gemeente/"' in html


@pytest.mark.django_db
def test_the_overview_keeps_the_strict_policy(client, network):
    html = client.get("/netwerk/").content.decode()
    assert not re.search(r"\sstyle=|<style\b|<script(?![^>]*\bsrc=)", html)
