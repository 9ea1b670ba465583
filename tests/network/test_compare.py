"""/vergelijk/: initiatives side by side on the study's dimensions."""

import re
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import InitiativePage
from tests.factories import add_initiative

ALL_DIMENSIONS = (
    "Regio",
    "Niveau",
    "Gemeenten",
    "Partners per discipline en lijn",
    "Coördinatie",
    "Scheidingsloket",
    "Overlegritme",
    "Stuurgroep",
    "Thema’s",
    "Faciliterende factoren",
    "Belemmerende factoren",
    "Status",
    "Laatst bevestigd",
)


def column_headers(html):
    return re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a>', html)


def row_headers(html):
    return re.findall(r'<th scope="row">([^<]+)', html)


def different_rows(html):
    return re.findall(r'<tr class="is-different">\s*<th scope="row">([^<]+)', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slugs",
    [
        ["kees", "bram"],
        ["scheidingspunt", "joop", "wijzer-scheiden"],
        ["kees", "bram", "joop", "scheiden-doe-je-samen"],
    ],
)
def test_two_three_or_four_initiatives_stand_side_by_side_in_the_order_asked(client, network, slugs):
    response = client.get("/vergelijk/", {"initiatieven": ",".join(slugs)})
    html = response.content.decode()
    assert response.status_code == 200
    assert column_headers(html) == [network.initiative(slug).title for slug in slugs]
    assert [label.strip() for label in row_headers(html)] == list(ALL_DIMENSIONS)
    assert re.search(r'<table class="compare-table[ "]', html)


@pytest.mark.django_db
def test_the_table_shows_the_values_from_the_profiles(client, network):
    html = client.get("/vergelijk/?initiatieven=scheidingspunt,scheiden-doe-je-samen").content.decode()
    assert "Zoetermeer" in html and "Dalfsen" in html
    assert "Gemeentelijk" in html
    partner = network.initiative("scheidingspunt").partners.select_related("organisation").first().organisation
    assert partner.name in html
    assert partner.get_discipline_display() in html


@pytest.mark.django_db
def test_rows_that_differ_are_marked_for_eyes_and_for_screen_readers(client, network):
    twin = add_initiative(network.region("twente"), title="BRAM-tweeling", level="regionaal")
    html = client.get(f"/vergelijk/?initiatieven=scheidingspunt,{twin.slug}").content.decode()
    differing = [label.strip() for label in different_rows(html)]
    assert "Niveau" in differing  # gemeentelijk against regionaal
    assert "Regio" in differing
    assert html.count("(verschilt)") == len(differing)
    assert 'class="visually-hidden"> (verschilt)' in html

    # Two initiatives that agree on a dimension: that row is not marked.
    same_level = add_initiative(network.region("zeeland"), level="regionaal")
    html = client.get(f"/vergelijk/?initiatieven={twin.slug},{same_level.slug}").content.decode()
    assert "Niveau" not in [label.strip() for label in different_rows(html)]
    assert "Niveau" in [label.strip() for label in row_headers(html)]


@pytest.mark.django_db
def test_no_intensity_ranking_the_study_never_made(client, network):
    # The study defines the intensity scale (§2.2.2) but places no initiative on it, and chose not to compare
    # regions (§4): the comparison has no such row, even for an initiative that an editor gave a value.
    initiative = network.initiative("scheidingspunt")
    initiative.intensity = "nieuw-aanbod-in-gebruik"
    initiative.save_revision().publish()
    html = client.get("/vergelijk/?initiatieven=kees,bram,joop,scheidingspunt").content.decode()
    assert "Intensiteit" not in html
    assert "van 4" not in html
    assert "niet overal expliciet te vergelijken (§4)" in html


@pytest.mark.django_db
def test_every_fact_in_the_comparison_carries_its_section(client, network):
    html = client.get("/vergelijk/?initiatieven=joop,scheidingspunt,scheiden-doe-je-samen,wijzer-scheiden")
    html = html.content.decode()
    sourced = ("Niveau", "Gemeenten", "Partners per discipline en lijn", "Scheidingsloket", "Overlegritme", "Status")
    sourced += ("Faciliterende factoren", "Belemmerende factoren")
    checked = 0
    for label in sourced:
        row = re.search(rf'<th scope="row">{label}.*?</tr>', html, re.S).group(0)
        for cell in re.findall(r"<td>(.*?)</td>", row, re.S):
            if "Niet bekend uit de studie" in cell:
                continue
            lines = re.findall(r"<li>(.*?)</li>", cell, re.S) or [cell]
            for line in lines:
                assert re.search(
                    r'<span class="fact-source">\((?:afgeleid, )?§\d[\d.]*(?:, §[\d.]+)*\)</span>', line
                ), (
                    label,
                    line,
                )
                checked += 1
    assert checked >= 25


@pytest.mark.django_db
def test_a_value_beside_an_empty_cell_is_no_difference(client, network):
    # Every region meets every six to eight weeks (§4.1.2.1), though only some profiles have the rhythm filled
    # in: a known value beside an unknown one must not be marked as a difference between the initiatives.
    assert (
        network.initiative("joop").meeting_rhythm
        and not network.initiative("kenniscentrum-kind-en-scheiding").meeting_rhythm
    )
    html = client.get("/vergelijk/?initiatieven=joop,kenniscentrum-kind-en-scheiding").content.decode()
    differing = [label.strip() for label in different_rows(html)]
    assert "Overlegritme" in [label.strip() for label in row_headers(html)]
    assert "Overlegritme" not in differing
    assert "Regio" in differing  # two known values that differ still do

    # Two known values that differ are a difference.
    other = add_initiative(network.region("twente"), level="regionaal")
    other.meeting_rhythm = "Elke week"
    other.save_revision().publish()
    html = client.get(f"/vergelijk/?initiatieven=joop,{other.slug}").content.decode()
    assert "Overlegritme" in [label.strip() for label in different_rows(html)]


def test_an_unknown_value_is_no_difference(client, network):
    known = add_initiative(network.region("twente"), level="regionaal", meeting_rhythm="Maandelijks")
    unknown = add_initiative(network.region("twente"), level="regionaal", meeting_rhythm="")
    html = client.get(f"/vergelijk/?initiatieven={known.slug},{unknown.slug}").content.decode()
    assert "Overlegritme" in [label.strip() for label in row_headers(html)]
    assert "Overlegritme" not in [label.strip() for label in different_rows(html)]
    assert "een leeg vak betekent dat zij er niets over zegt, en is geen verschil" in html

    other = add_initiative(network.region("twente"), level="regionaal", meeting_rhythm="Wekelijks")
    html = client.get(f"/vergelijk/?initiatieven={known.slug},{unknown.slug},{other.slug}").content.decode()
    assert "Overlegritme" in [label.strip() for label in different_rows(html)]  # two known values that differ


@pytest.mark.django_db
def test_only_differences_hides_the_rows_that_agree_without_javascript(client, network):
    first = add_initiative(network.region("twente"), level="regionaal")
    second = add_initiative(network.region("zeeland"), level="regionaal")
    url = f"/vergelijk/?initiatieven={first.slug},{second.slug}"
    full = client.get(url).content.decode()
    assert "Toon alleen verschillen" in full

    response = client.get(url + "&verschillen=1")
    html = response.content.decode()
    assert response.status_code == 200
    shown = [label.strip() for label in row_headers(html)]
    assert shown == [label.strip() for label in different_rows(html)]
    assert "Regio" in shown and "Niveau" not in shown
    assert "Toon alle kenmerken" in html
    assert f'href="?initiatieven={first.slug}%2C{second.slug}"' in html  # the way back keeps the choice


@pytest.mark.django_db
def test_repeated_parameters_work_like_a_comma_list_and_the_url_can_be_shared(client, network):
    repeated = client.get("/vergelijk/?initiatieven=kees&initiatieven=bram")
    assert repeated.status_code == 200
    assert column_headers(repeated.content.decode()) == ["KEES", "BRAM"]
    assert "http://testserver/vergelijk/?initiatieven=kees,bram" in repeated.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("initiatieven=kees", "Kies minstens 2 initiatieven"),
        ("initiatieven=", "Kies minstens 2 initiatieven"),
        ("initiatieven=kees,bram,joop,scheidingspunt,wijzer-scheiden", "hoogstens 4 initiatieven"),
        ("initiatieven=kees,kees", "U koos kees meer dan eens"),
        ("initiatieven=kees,bestaat-niet", "Het initiatief ‘bestaat-niet’ bestaat niet"),
        ("initiatieven=nee,ook-niet", "De initiatieven ‘nee’, ‘ook-niet’ bestaan niet"),
        ("initiatieven=kees,%3Cscript%3E", "is geen geldige naam van een initiatief"),
        ("initiatieven=kees,b%00ram", "is geen geldige naam van een initiatief"),
        ("initiatieven=" + "x" * 5000 + ",kees", "is geen geldige naam van een initiatief"),
    ],
)
def test_a_bad_choice_is_a_400_with_a_dutch_message_and_the_form(client, network, query, message):
    response = client.get("/vergelijk/?" + query)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'name="initiatieven" value="kees"' in html  # the reader can choose again right there
    assert "<script>" not in html


@pytest.mark.django_db
def test_a_draft_initiative_cannot_be_compared(client, network):
    draft = add_initiative(network.region("twente"))
    draft.unpublish()
    response = client.get(f"/vergelijk/?initiatieven=kees,{draft.slug}")
    assert response.status_code == 400
    assert draft.title not in response.content.decode()


@pytest.mark.django_db
def test_the_form_lists_every_live_initiative_and_vergelijk_met_ticks_one(client, network):
    response = client.get("/vergelijk/?met=joop")
    html = response.content.decode()
    assert response.status_code == 200
    for initiative in InitiativePage.objects.live():
        assert f'value="{initiative.slug}"' in html
    assert 'value="joop" checked' in html
    assert 'value="kees" checked' not in html
    assert 'method="get" action="/vergelijk/"' in html


@pytest.mark.django_db
def test_every_profile_and_the_overview_offer_a_way_to_compare(client, network):
    profile = client.get(network.initiative("bram").url).content.decode()
    assert 'href="/vergelijk/?met=bram"' in profile
    overview = client.get("/netwerk/").content.decode()
    assert 'action="/vergelijk/"' in overview
    assert 'name="initiatieven" value="bram"' in overview


@pytest.mark.django_db
def test_comparing_costs_the_same_queries_for_two_or_four_initiatives(client, network):
    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    two = queries("/vergelijk/?initiatieven=scheidingspunt,joop")
    four = queries("/vergelijk/?initiatieven=scheidingspunt,joop,scheiden-doe-je-samen,wijzer-scheiden")
    assert two == four
    assert four <= 12  # initiatives, four prefetches, regions, the picker (2), view restrictions (2), site


def test_the_comparison_prints_without_the_picker():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    print_rules = "".join(re.findall(r"@media print \{(.*?)\n\}", css, re.DOTALL))
    assert ".compare-table tr.is-different" in print_rules  # the difference mark survives without colour
    assert ".compare-picker" in print_rules


@pytest.mark.django_db
@pytest.mark.parametrize("slugs", [",".join(["a"] * 32000), ",".join(f"{n:x}" for n in range(13000))])
def test_a_huge_choice_is_refused_quickly(client, slugs):
    # About 64 KB of query string: checking it for duplicates took seconds (quadratic in the number of slugs).
    started = time.perf_counter()
    response = client.get("/vergelijk/", {"initiatieven": slugs})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert elapsed < 0.5, f"{elapsed:.2f} s"
