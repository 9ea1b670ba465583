"""Concepts in a question: themes and factors by their Dutch and English labels and their search terms, places by
their names, on both backends; the page offers each as a filter.

The rule the tests hold the search to: a question that names a concept ranks the pages carrying it first.
"""

import pytest

from practices.models import Theme
from search.concepts import match_concepts
from search.query import SearchQuery

from .test_search import ask


def carries(hit, facet, slug):
    field = {"theme": "themes", "factor": "factors"}
    return slug in getattr(hit, field[facet]) if facet in field else getattr(hit, facet) == slug


def carrying(hits, facet, slug, n):
    """The first hit carries the concept, and so does every hit before the first that does not (up to ``n``)."""
    marks = [carries(hit, facet, slug) for hit in hits]
    first = min(n, sum(marks))
    return bool(marks) and marks[0] and marks[:first] == [True] * first


def offered(results):
    return {(match.concept.facet, match.concept.slug) for match in results.concepts}


def test_an_english_label_finds_the_pages_of_its_theme(service):
    results = ask(service, "steering group")
    assert ("theme", "stuurgroep-management") in offered(results)
    assert carrying(results.hits, "theme", "stuurgroep-management", 3)


def test_a_search_term_finds_the_pages_of_its_factor(service):
    results = ask(service, "tijdsdruk")
    assert ("factor", "gebrek-aan-tijd") in offered(results)
    assert carrying(results.hits, "factor", "gebrek-aan-tijd", 3)


def test_a_term_an_editor_adds_counts_at_once(service, django_capture_on_commit_callbacks):
    assert not match_concepts("ouderavond")
    theme = Theme.objects.get(slug="preventie-en-voorlichting")
    with django_capture_on_commit_callbacks(execute=True):
        theme.search_terms += "\nouderavond"
        theme.save()
    results = ask(service, "ouderavond")
    assert ("theme", "preventie-en-voorlichting") in offered(results)
    assert carrying(results.hits, "theme", "preventie-en-voorlichting", 3)


@pytest.mark.django_db
def test_a_word_that_two_concepts_share_names_neither():
    # "Groepstrainingen voor kinderen en ouders" and "Preventie en voorlichting aan ouders".
    assert match_concepts("ouders") == []
    assert {match.concept.slug for match in match_concepts("voorlichting ouders")} == {"preventie-en-voorlichting"}


@pytest.mark.parametrize(
    "text, initiatives",
    [
        ("Zoetermeer", {"scheidingspunt"}),  # a municipality the study names (§3.2), not the region's name
        ("vechtscheiding Goes", {"joop"}),  # a municipality an editor added to the region
        ("Middelburg", {"joop"}),
        ("Brabant", {"wijzer-scheiden", "high-conflict-forum"}),  # a province by its everyday name, via Tilburg
        ("Overijssel", {"scheiden-doe-je-samen", "bram"}),  # via Dalfsen (§3.2) and Enschede (added)
    ],
)
def test_a_place_finds_the_initiatives_that_serve_it_first(service, added_municipalities, text, initiatives):
    results = ask(service, text)
    serving = [hit.initiative in initiatives for hit in results.hits]
    # Every page of the initiatives that serve the place comes before any other page.
    first_other = serving.index(False) if False in serving else len(serving)
    assert serving[0] and sum(serving) == first_other, [(hit.initiative, hit.title) for hit in results.hits]
    assert any(facet == "region" for facet, _slug in offered(results))


@pytest.mark.parametrize(
    "text, initiatives",
    [
        # Municipalities no initiative and no editor names: they belong to a region because the region consists of
        # their CBS area (network/data/places/): Twente is youth-care region JZ14, Zeeland JZ38, Haaglanden JZ24,
        # Midden-Brabant JZ35, Noord-Nederland landsdeel LD01 (§3.2 names each region so).
        ("Enschede", {"bram"}),
        ("scheiden Hengelo", {"bram"}),
        ("Vlissingen", {"joop"}),
        ("Den Haag", {"kenniscentrum-kind-en-scheiding", "scheidingspunt"}),
        ("Waalwijk", {"wijzer-scheiden", "high-conflict-forum"}),  # both aim at the whole region (§3.2)
        ("Leeuwarden", {"kees"}),
        ("Drenthe", {"kees"}),  # a province, by the municipalities of the landsdeel Noord-Nederland
        ("Friesland", {"kees"}),
    ],
)
def test_a_place_in_a_regions_cbs_areas_finds_the_initiatives_that_serve_it_first(service, text, initiatives):
    results = ask(service, text)
    serving = [hit.initiative in initiatives for hit in results.hits]
    first_other = serving.index(False) if False in serving else len(serving)
    assert serving[0] and sum(serving) == first_other, [(hit.initiative, hit.title) for hit in results.hits]
    assert any(facet == "region" for facet, _slug in offered(results))


@pytest.mark.django_db
def test_a_place_outside_every_regions_areas_is_no_concept(network):
    # Gouda is in Zuid-Holland, like Haaglanden, but in youth-care region Midden-Holland: no region of the network.
    assert [match for match in match_concepts("Gouda") if match.concept.facet == "region"] == []
    assert ("region", "twente") in {(m.concept.facet, m.concept.slug) for m in match_concepts("Almelo")}


@pytest.mark.django_db
def test_a_province_is_known_by_its_frisian_everyday_and_official_names(network, django_capture_on_commit_callbacks):
    from network.models import Municipality

    with django_capture_on_commit_callbacks(execute=True):
        Municipality.objects.create(name="Leeuwarden", slug="leeuwarden", region=network.region("noord-nederland"))
    for name in ("Fryslân", "Friesland", "provincie Friesland"):
        assert ("region", "noord-nederland") in {
            (match.concept.facet, match.concept.slug) for match in match_concepts(name)
        }, name


def test_an_initiative_s_name_finds_that_initiative_before_any_desk(service, network):
    # The name once sat in the desk synonym group: every desk of the country ranked with it.
    results = ask(service, "Scheidingspunt")
    own = network.initiative("scheidingspunt").get_descendants(inclusive=True).live().count()
    assert [hit.initiative for hit in results.hits[:own]] == ["scheidingspunt"] * own
    typo = ask(service, "Scheidingspnt")
    assert typo.hits[0].initiative == "scheidingspunt"


@pytest.mark.django_db
def test_the_search_page_and_the_overview_offer_the_concept_as_a_filter(client, added_municipalities):
    search = client.get("/zoeken/", {"q": "case consultation"}).content.decode()
    assert "Thema: Casusoverleg" in search
    assert "q=case+consultation&amp;theme=casusoverleg" in search
    overview = client.get("/praktijken/", {"q": "Goes"}).content.decode()
    assert "Regio: Zeeland" in overview
    assert "region=zeeland" in overview
    # Once chosen, the filter is not offered again.
    chosen = client.get("/zoeken/", {"q": "case consultation", "theme": "casusoverleg"}).content.decode()
    assert "Thema: Casusoverleg</a>" not in chosen


@pytest.mark.django_db
def test_the_api_names_the_concepts_of_the_question(client):
    body = client.get("/api/v1/search/", {"q": "lack of time"}).json()
    assert {"facet": "factor", "value": "gebrek-aan-tijd", "label": "Gebrek aan tijd"} in body["concepts"]


def test_paging_stays_one_order_when_concepts_bring_pages_without_the_words(service):
    everything = ask(service, "Zeeland loket")
    pages = []
    for offset in range(0, everything.count, 7):
        pages += service.search(SearchQuery(text="Zeeland loket", limit=7, offset=offset)).hits
    assert len(pages) == everything.count == len({hit.id for hit in pages})
