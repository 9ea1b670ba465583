"""/uitwisselingen/: held exchanges only, per pair of regions and theme, as an SVG matrix and the same table."""

import re

import pytest

from exchange.models import ExchangeRequest
from practices.models import Theme


def held(network, asked, sender_region, theme=None, state="gehouden", held_on="2026-10-01", name="Geheime Naam"):
    exchange = ExchangeRequest.objects.create(
        initiative=network.initiative(asked),
        name=name,
        organisation="Organisatie X",
        email="geheim@example.nl",
        message="Bericht",
        sender_region=network.region(sender_region) if sender_region else None,
        theme=Theme.objects.get(slug=theme) if theme else None,
    )
    ExchangeRequest.objects.filter(pk=exchange.pk).update(state=state, held_on=held_on)
    return exchange


@pytest.fixture
def exchanges(network):
    held(network, "kees", "twente", "echtscheidingsloket")  # KEES is in Noord-Nederland
    held(network, "kees", "twente", "echtscheidingsloket", state="gesloten")
    held(network, "joop", "noord-nederland", "casusoverleg")  # JOOP is in Zeeland
    held(network, "joop", None, "casusoverleg")  # the requester's region is unknown
    # Not held: a request, an accepted one, a planned one, a withdrawn one.
    held(network, "kees", "zeeland", state="aangevraagd", held_on=None)
    held(network, "kees", "zeeland", state="geaccepteerd", held_on=None)
    held(network, "kees", "zeeland", state="gepland", held_on=None)
    held(network, "kees", "zeeland", state="ingetrokken")


@pytest.mark.django_db
def test_the_overview_counts_held_exchanges_per_pair_and_theme_without_names(client, exchanges):
    response = client.get("/uitwisselingen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er zijn via dit platform 4 uitwisselingen gehouden." in html
    assert "Bij 1 daarvan is de regio van de vrager niet bekend" in html
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(\d+)</td></tr>", html)
    loket = Theme.objects.get(slug="echtscheidingsloket").label
    casus = Theme.objects.get(slug="casusoverleg").label
    assert sorted(rows) == [
        ("Noord-Nederland – Twente", loket, "2"),
        ("Noord-Nederland – Zeeland", casus, "1"),
    ]
    assert "Geheime Naam" not in html and "geheim@example.nl" not in html and "Organisatie X" not in html


@pytest.mark.django_db
def test_the_matrix_is_an_accessible_svg_with_the_same_numbers(client, exchanges):
    html = client.get("/uitwisselingen/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="matrix-titel matrix-uitleg"' in svg
    assert '<title id="matrix-titel">' in svg and '<desc id="matrix-uitleg">' in svg
    assert "<title>Noord-Nederland en Twente: 2 gehouden uitwisseling(en)</title>" in svg
    assert "<title>Twente en Noord-Nederland: 2 gehouden uitwisseling(en)</title>" in svg
    assert "<title>Twente en Zeeland: 0 gehouden uitwisseling(en)</title>" in svg
    assert "<script" not in html.split("</main>")[0].split("<main")[1]
    assert not re.search(r"\sstyle=", html)


@pytest.mark.django_db
def test_without_held_exchanges_the_overview_says_so(client, network):
    held(network, "kees", "twente", state="aangevraagd", held_on=None)
    html = client.get("/uitwisselingen/").content.decode()
    assert "Er is nog geen uitwisseling gehouden tussen twee bekende regio’s." in html
    assert "<svg" not in html.split("<main")[1].split("</main>")[0]


@pytest.mark.django_db
def test_the_overview_takes_the_same_queries_however_many_exchanges(client, network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    held(network, "kees", "twente", "echtscheidingsloket")
    with CaptureQueriesContext(connection) as few:
        client.get("/uitwisselingen/")
    for slug in ("joop", "bram", "scheidingspunt"):
        for region in ("twente", "zeeland", "ijsselland"):
            held(network, slug, region, "casusoverleg")
    with CaptureQueriesContext(connection) as many:
        client.get("/uitwisselingen/")
    assert len(many) == len(few) <= 12
