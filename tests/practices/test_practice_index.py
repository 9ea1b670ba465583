"""The practices overview at /praktijken/: filters alone and combined, pagination, and bad input."""

import pytest

from practices.models import PracticePage
from tests.factories import add_practice


def listed_titles(response):
    return {practice.title for practice in response.context["results"].object_list}


def all_listed_titles(client, query):
    """The titles on every page of a filtered listing."""
    titles = set()
    page = 1
    while True:
        response = client.get(f"/praktijken/?{query}&pagina={page}")
        assert response.status_code == 200
        titles |= listed_titles(response)
        if not response.context["results"].has_next():
            return titles
        page += 1


def titles_of(practices):
    return {practice.title for practice in practices}


@pytest.mark.django_db
def test_without_filters_every_live_practice_is_listed_over_the_pages(client):
    assert all_listed_titles(client, "") == titles_of(PracticePage.objects.live())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parameter", "slug"),
    [
        ("region", "haaglanden"),
        ("initiative", "scheidingspunt"),
        ("theme", "casusoverleg"),
        ("factor", "gebrek-aan-tijd"),
    ],
)
def test_each_filter_alone_lists_what_it_names(client, network, parameter, slug):
    expected = {
        "region": lambda: PracticePage.objects.live().descendant_of(network.region(slug)),
        "initiative": lambda: PracticePage.objects.live().descendant_of(network.initiative(slug)),
        "theme": lambda: PracticePage.objects.live().filter(themes__slug=slug),
        "factor": lambda: PracticePage.objects.live().filter(factors__slug=slug),
    }[parameter]()
    assert expected.exists()
    assert all_listed_titles(client, f"{parameter}={slug}") == titles_of(expected)


@pytest.mark.django_db
def test_a_tag_filter_lists_the_tagged_practices(client, network):
    tagged = add_practice(network.initiative("joop"), title="Met trefwoord", tags=["ouderschapsplan"])
    add_practice(network.initiative("joop"), title="Zonder trefwoord")
    assert all_listed_titles(client, "tag=ouderschapsplan") == {tagged.title}


@pytest.mark.django_db
def test_several_values_of_one_filter_widen_and_filters_together_narrow(client, network):
    zeeland = add_practice(network.initiative("joop"), title="Zeeuws casusoverleg", themes=["casusoverleg"])
    twente = add_practice(network.initiative("bram"), title="Twents casusoverleg", themes=["casusoverleg"])
    twente_other = add_practice(network.initiative("bram"), title="Twentse website", themes=["gezamenlijke-website"])

    both_regions = all_listed_titles(client, "region=zeeland&region=twente")
    assert {zeeland.title, twente.title, twente_other.title} <= both_regions
    assert all_listed_titles(client, "region=zeeland,twente") == both_regions

    narrowed = all_listed_titles(client, "region=zeeland&region=twente&theme=casusoverleg")
    assert {zeeland.title, twente.title} <= narrowed
    assert twente_other.title not in narrowed
    assert narrowed == titles_of(
        PracticePage.objects.live()
        .filter(themes__slug="casusoverleg")
        .filter(path__regex="^(" + network.region("zeeland").path + "|" + network.region("twente").path + ")")
    )


@pytest.mark.django_db
def test_a_practice_with_two_chosen_themes_is_listed_once(client, network):
    add_practice(network.initiative("joop"), title="Twee thema's", themes=["casusoverleg", "sociale-kaart"])
    response = client.get("/praktijken/?theme=casusoverleg&theme=sociale-kaart&pagina=1")
    titles = [p.title for p in response.context["results"].object_list]
    assert titles.count("Twee thema's") <= 1
    assert "Twee thema's" in all_listed_titles(client, "theme=casusoverleg&theme=sociale-kaart")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "initiative=bestaat-niet",
        "theme=onzin",
        "factor=x",
        "tag=nergens",
        "theme=casusoverleg&region=atlantis",
    ],
)
def test_an_unknown_slug_is_a_404_with_a_dutch_message(client, query):
    response = client.get(f"/praktijken/?{query}")
    assert response.status_code == 404
    assert "Deze filters kennen we niet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["pagina=abc", "pagina=-1", "pagina=99999", "theme=", "theme=%00", "region=" + "x" * 5000, "theme=a,b,c," * 30],
)
def test_odd_input_never_breaks_the_page(client, query):
    response = client.get(f"/praktijken/?{query}")
    assert response.status_code in (200, 400, 404)


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, network):
    for _ in range(14):
        add_practice(network.initiative("kees"), themes=["sociale-kaart"])
    response = client.get("/praktijken/?theme=sociale-kaart")
    assert response.context["results"].has_next()
    assert "theme=sociale-kaart&amp;pagina=2" in response.content.decode()
