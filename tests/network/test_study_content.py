"""What a reader sees holds up against the study (issue 17): every fact with its section, nothing the study did not
say, statuses dated to the study's interviews, the full reference once per page, and the study's own caveats."""

import json
import re

import pytest

from network.management.commands.load_network import DATA_DIR
from network.models import InitiativePage, RegionPage
from practices.models import PracticePage

CONTENT = json.loads((DATA_DIR / "study_content.json").read_text(encoding="utf-8"))
NOT_FROM_THE_STUDY = ("Niet bekend uit de studie", "Niet onderzocht")
# The profile's labels of the structured fields that come from data (Niveau, from the taxonomy, is never empty;
# Laatst bevestigd is the initiative's own date).
LABELS = {
    "status": "Status",
    "municipalities": "Gemeenten",
    "coordinator": "Coördinatie",
    "meeting_rhythm": "Overlegritme",
    "steering_group": "Stuurgroep",
    "sub_working_groups": "Subwerkgroepen",
    "desk_form": "Scheidingsloket",
    "intensity": "Intensiteit van samenwerking",
    "website": "Website",
}


def main(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def facts(html):
    """The profile's "Kenmerken": {label: the dd's HTML}."""
    return dict(re.findall(r"<div><dt>([^<]+)</dt><dd>(.*?)</dd></div>", html))


def initiatives():
    return InitiativePage.objects.live().order_by("title")


@pytest.mark.django_db
def test_every_fact_bearing_field_on_a_profile_carries_a_section(client, network):
    checked = 0
    for initiative in initiatives():
        html = main(client, initiative.url)
        for label, value in facts(html).items():
            if label == "Laatst bevestigd" or any(text in value for text in NOT_FROM_THE_STUDY):
                continue
            assert re.search(r"§\d", value), (initiative.slug, label, value)
            checked += 1
        partner_rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", html, re.S)
        assert len(partner_rows) == initiative.partners.count()
        for row in partner_rows:
            assert re.search(r"<td>§\d[\d.]*</td>\s*</tr>", row), (initiative.slug, row)
            checked += 1
        for factor in re.findall(r'<div class="factor factor--\w+">.*?</div>', html, re.S):
            assert re.search(r"\(§\d[\d.]*\)</span></dd>", factor), (initiative.slug, factor)
            checked += 1
        lessons = re.search(r'<h2 id="lessen">.*?</ul>', html, re.S)
        for lesson in re.findall(r"<li>(.*?)</li>", lessons.group(0) if lessons else ""):
            assert re.search(r'<span class="muted">\(§[\d.,; §]+\)</span>$', lesson), (initiative.slug, lesson)
            checked += 1
    # The loaded network has sourced statuses, municipalities, partners, factors and lessons: the loop above must
    # have met them, or it proved nothing.
    assert checked >= 40


@pytest.mark.django_db
def test_no_profile_states_a_value_for_a_field_the_study_leaves_empty(client, network):
    empty_seen = 0
    for slug, data in CONTENT["initiatives"].items():
        shown = facts(main(client, network.initiative(slug).url))
        for field, label in LABELS.items():
            value = data.get(field)
            empty = not value or value == "onbekend"
            if field == "municipalities" and data.get("region_wide"):
                empty = False  # "gericht op de hele regio …" is a sourced value
            if empty:
                assert any(text in shown[label] for text in NOT_FROM_THE_STUDY), (slug, label, shown[label])
                assert "§" not in shown[label] or field == "intensity", (slug, label)
                empty_seen += 1
            else:
                assert not any(text in shown[label] for text in NOT_FROM_THE_STUDY), (slug, label)
    assert empty_seen >= 30


@pytest.mark.django_db
def test_an_inference_is_labelled_as_one(client, network):
    # §3.2 places KEES and BRAM only in a region; that they work regionally is read from it, and says so.
    for slug in ("kees", "bram"):
        level = facts(main(client, network.initiative(slug).url))["Niveau"]
        assert level == 'Regionaal <span class="fact-source">(afgeleid uit de studie 2018, §3.2)</span>'
    joop = facts(main(client, network.initiative("joop").url))["Niveau"]
    assert joop == 'Regionaal <span class="fact-source">(studie 2018, §3.2)</span>'


@pytest.mark.django_db
def test_no_initiative_is_placed_on_the_intensity_scale(client, network):
    # §2.2.2 defines the scale; the study places no initiative on it (§4 chose not to compare regions).
    assert all(not data["intensity"] for data in CONTENT["initiatives"].values())
    for initiative in initiatives():
        shown = facts(main(client, initiative.url))["Intensiteit van samenwerking"]
        assert "Niet onderzocht" in shown and "van 4" not in shown


@pytest.mark.django_db
def test_statuses_from_the_study_are_dated_wherever_they_show(client, network, added_municipalities):
    bare_status = re.compile(r"\b(?:Actief|actief|In de planfase|in de planfase)\b(?! \(voorjaar 2018)")
    pages = [
        *(initiative.url for initiative in initiatives()),
        *(region.url for region in RegionPage.objects.live()),
        "/netwerk/",
        "/netwerk/gemeente/?naam=Goes",
        "/netwerk/gemeente/?naam=Zoetermeer",
        "/vergelijk/?initiatieven=joop,scheidingspunt",
    ]
    fragments = 0
    for url in pages:
        html = main(client, url)
        # Where statuses show: cards' meta lines, the overview table, the profile's facts, the comparison's row.
        places = [
            *re.findall(r'<p class="card__meta">(.*?)</p>', html, re.S),
            *re.findall(r'<span class="muted">\((?:gemeentelijk|regionaal)[^<]*\)</span>', html),
            facts(html).get("Status", ""),
            *re.findall(r'<th scope="row">Status.*?</tr>', html, re.S),
        ]
        for place in places:
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", place))
            assert not bare_status.search(text), (url, text)
            fragments += bool(re.search(r"ctief|planfase", text))
    assert fragments >= 20
    joop = facts(main(client, network.initiative("joop").url))["Status"]
    assert "In de planfase" in joop and "(voorjaar 2018, volgens de studie, §3.2)" in joop
    region = main(client, network.region("haaglanden").url)
    assert "Gemeentelijk · Actief (voorjaar 2018, volgens de studie)" in region


@pytest.mark.django_db
def test_a_status_the_initiative_confirmed_shows_the_date_of_confirmation(client, network):
    initiative = network.initiative("scheidingspunt")
    initiative.confirmed_fields = {"status": "2026-11-20"}
    initiative.save_revision().publish()
    shown = facts(main(client, initiative.url))["Status"]
    assert "Actief" in shown and "bevestigd door het initiatief op 20 november 2026" in shown
    assert "volgens de studie" not in shown
    card = main(client, network.region("haaglanden").url)
    assert "Gemeentelijk · Actief</p>" in card


@pytest.mark.django_db
def test_brabants_case_consultation_is_not_put_on_an_initiative(client, network):
    practice = PracticePage.objects.get(slug="anoniem-casusoverleg-high-conflict-forum")
    assert practice.get_parent().specific == network.region("midden-brabant")
    assert "De studie zegt niet bij welk initiatief dit overleg hoort." in main(client, practice.url)
    forum = network.initiative("high-conflict-forum")
    html = main(client, forum.url)
    assert "Nog geen praktijken." in html
    assert "Apart casusoverleg" not in html
    assert not forum.lessons.exists() and not forum.themes.exists()


@pytest.mark.django_db
def test_the_dossier_does_not_say_who_runs_dalfsens_desk(client, network):
    from wagtail.models import Page

    from editorial.loading import DOSSIER_SLUG

    html = main(client, Page.objects.get(slug=DOSSIER_SLUG).url)
    assert "gemeentelijk loket" not in html.lower()
    assert "§4.1.2.3" in html  # it names its sections, having no sources list


@pytest.mark.django_db
def test_scheidingspunt_and_bram_claim_no_partner_or_factor_the_study_does_not_give(client, network):
    scheidingspunt = main(client, network.initiative("scheidingspunt").url)
    assert "Advocaten" not in scheidingspunt  # only a jurist briefed the desk staff (§4.1.2.3)
    bram = main(client, network.initiative("bram").url)
    assert "Face-to-face contact" not in bram  # lacking at BRAM (§3.2), so no facilitating factor
    assert "leek er echter weinig face-to-face contact meer te zijn" in bram


@pytest.mark.django_db
def test_a_municipality_in_midden_brabant_finds_both_region_wide_initiatives(client, network, added_municipalities):
    # Wijzer-Scheiden and the High Conflict Forum aim at the whole of Midden-Brabant (§3.2), not just Tilburg.
    html = main(client, "/netwerk/gemeente/?naam=Waalwijk")
    assert "Initiatieven die in Waalwijk werken" in html
    assert "Geen initiatief noemt Waalwijk" not in html
    assert "Wijzer-Scheiden" in html and "High Conflict Forum" in html
    assert html.count("Richt zich op de hele regio Midden-Brabant") == 2
    assert "(studie 2018, §3.2)" in html
    assert "Deze gemeente komt niet uit de studie" in html


@pytest.mark.django_db
def test_region_pages_list_only_the_studys_municipalities_as_the_studys(client, network, added_municipalities):
    haaglanden = main(client, network.region("haaglanden").url)
    assert "De studie noemt in deze regio:" in haaglanden
    assert 'Zoetermeer <span class="muted">(§3.2)</span>' in haaglanden
    zeeland = main(client, network.region("zeeland").url)
    assert "De studie noemt voor deze regio geen afzonderlijke gemeenten." in zeeland
    other = zeeland[zeeland.index("Andere gemeenten in deze regio (niet uit de studie") :]
    assert "Goes" in other and "Middelburg" in other
    for region in RegionPage.objects.live():
        assert "Provincie" not in main(client, region.url)  # the study gives no provinces


@pytest.mark.django_db
def test_every_citing_page_gives_the_full_reference_once_and_a_section_per_fact(client, network):
    urls = [
        network.initiative("joop").url,
        network.region("zeeland").url,
        PracticePage.objects.live().first().url,
        "/netwerk/",
    ]
    for url in urls:
        html = main(client, url)
        sources = html[html.index('<section class="sources"') :]
        assert sources.count("Pluijmen, E. (2018, 28 juni). Betere samenwerking bij vechtscheidingen.") == 1, url
        assert "Universiteit Utrecht" in sources and "Volksgezondheid, Welzijn en Sport" in sources
        items = re.findall(r"<li>(.*?)</li>", sources)
        assert items and all(re.match(r"§\d", item) for item in items), (url, items)


@pytest.mark.django_db
def test_the_about_the_source_page_gives_the_studys_own_caveats(client, network):
    response = client.get("/over-de-bron/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pluijmen, E. (2018" in html
    assert "maart, april en mei 2018 (§3.4)" in html
    assert "niet in alle gevallen expliciet met elkaar te vergelijken (§4)" in html
    assert "Beperkingen die de studie zelf noemt (§5.5)" in html
    assert "meest positieve" in html and "verschillen in grootte" in html and "nog maar kort" in html
    assert "70.000" in html and "(CBS, 2017)" in html
    assert not re.search(r"\sstyle=|<style\b|<script(?![^>]*\bsrc=)", html)
    # Profiles and the sources list lead there.
    assert 'href="/over-de-bron/"' in main(client, network.initiative("kees").url)


# The study's headings (its table of contents), so a citation can only point at a section that exists.
STUDY_SECTIONS = {
    *("§1", "§1.1", "§1.2", "§1.3", "§1.4", "§1.5", "§2", "§2.1", "§2.2", "§2.2.1", "§2.2.2", "§2.3", "§2.4"),
    *("§2.5", "§3", "§3.1", "§3.2", "§3.3", "§3.4", "§3.5", "§3.6", "§3.7", "§4", "§4.1", "§4.1.1", "§4.1.2"),
    *("§4.1.2.1", "§4.1.2.2", "§4.1.2.3", "§4.2", "§4.3", "§4.4", "§4.5", "§4.6", "§4.6.1", "§4.6.2", "§5"),
    *("§5.1", "§5.2", "§5.3", "§5.4", "§5.5", "§6"),
}


def test_every_citation_in_the_data_points_at_a_section_the_study_has():
    cited = re.findall(r"§\d[\d.]*\d|§\d", json.dumps(CONTENT, ensure_ascii=False))
    assert len(cited) > 300
    assert set(cited) <= STUDY_SECTIONS, set(cited) - STUDY_SECTIONS


def test_every_fact_bearing_row_in_the_data_has_a_section():
    for slug, data in CONTENT["initiatives"].items():
        for key in ("partners", "factors", "lessons"):
            for row in data[key]:
                assert row.get("section", "").startswith("§"), (slug, key, row)
        for field in ("status", "meeting_rhythm", "steering_group", "sub_working_groups", "desk_form", "website"):
            if data.get(field) and data[field] != "onbekend":
                assert data["field_sections"].get(field, "").startswith("§"), (slug, field)
        if data["municipalities"]:
            assert data["field_sections"]["municipalities"].startswith("§"), slug
