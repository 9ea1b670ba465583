"""Counts on the profile, the retention command, the editors' list, and the privacy and accessibility statements."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from editorial.roles import ADMINISTRATORS, EDITORS
from exchange.models import ExchangeRequest
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.editorial.matrix import is_refusal


def add_request(initiative, *, region=None, days_ago=0, name="Piet Jansen"):
    exchange_request = ExchangeRequest.objects.create(
        initiative=initiative,
        kind="vraag",
        name=name,
        organisation="Gemeente Test",
        email="piet.jansen@example.nl",
        municipality="Test",
        sender_region=region,
        message="Een vraag.",
    )
    if days_ago:
        # created_at is auto_now_add, so an old request is made by moving it back afterwards.
        ExchangeRequest.objects.filter(pk=exchange_request.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
    return exchange_request


@pytest.mark.django_db
def test_the_profile_counts_held_exchanges_and_regions_not_requests_and_no_personal_data(client, network):
    kees = network.initiative("kees")
    assert "nog geen uitwisseling met dit initiatief gehouden" in client.get(kees.url).content.decode()

    held = [
        add_request(kees, region=network.region("twente"), name="Geheime Naam"),
        add_request(kees, region=network.region("twente")),
        add_request(kees, region=network.region("zeeland")),
        add_request(kees),  # municipality unknown: counted as an exchange, not as a region
    ]
    ExchangeRequest.objects.filter(pk__in=[r.pk for r in held]).update(held_on="2026-11-02", state="gehouden")
    for _ in range(3):  # requests nobody answered yet inflate nothing
        add_request(kees, region=network.region("haaglanden"))
    bram = add_request(network.initiative("bram"), region=network.region("haaglanden"))
    ExchangeRequest.objects.filter(pk=bram.pk).update(held_on="2026-11-02", state="gesloten")

    html = client.get(kees.url).content.decode()
    assert "Via dit platform zijn 4 uitwisselingen met dit initiatief gehouden, met 2 regio’s." in html
    assert "Uitgewisseld met: Twente, Zeeland." in html
    assert "Geheime Naam" not in html
    assert "piet.jansen@example.nl" not in html

    single = network.initiative("bram")
    assert "Via dit platform is 1 uitwisseling met dit initiatief gehouden, met 1 regio." in (
        client.get(single.url).content.decode()
    )


@pytest.mark.django_db
def test_purge_deletes_what_is_older_than_the_retention_period_and_keeps_the_rest(network, settings):
    settings.EXCHANGE_RETENTION_DAYS = 30
    kees = network.initiative("kees")
    old = add_request(kees, days_ago=31)
    older = add_request(kees, days_ago=400)
    recent = add_request(kees, days_ago=29)
    new = add_request(kees)

    out = io.StringIO()
    call_command("purge_exchange_requests", stdout=out)

    assert "2 uitwisselingsverzoek(en) ouder dan 30 dagen verwijderd." in out.getvalue()
    remaining = set(ExchangeRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, new.pk}
    assert old.pk not in remaining and older.pk not in remaining


@pytest.mark.django_db
def test_purge_defaults_to_a_year(network):
    kees = network.initiative("kees")
    add_request(kees, days_ago=366)
    kept = add_request(kees, days_ago=300)
    out = io.StringIO()
    call_command("purge_exchange_requests", stdout=out)
    assert "1 uitwisselingsverzoek(en) ouder dan 365 dagen verwijderd." in out.getvalue()
    assert list(ExchangeRequest.objects.values_list("pk", flat=True)) == [kept.pk]


@pytest.mark.django_db
def test_the_privacy_statement_says_what_is_kept_how_long_and_who_sees_it(client, settings):
    settings.EXCHANGE_RETENTION_DAYS = 180
    response = client.get("/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Privacyverklaring</h1>" in html
    assert "Wij bewaren uw verzoek 180 dagen" in html
    for heading in ("Het contactformulier", "Waarom", "Hoe lang", "Wie het ziet", "Uw rechten"):
        assert f"<h2>{heading}</h2>" in html


@pytest.mark.django_db
def test_the_accessibility_statement_renders(client):
    response = client.get("/toegankelijkheid/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Toegankelijkheidsverklaring</h1>" in html
    assert "WCAG" in html and "2.1" in html and "AA" in html
    assert "axe" in html
    assert "Een probleem melden" in html


@pytest.mark.django_db
def test_the_footer_links_both_statements_on_every_page(client, network):
    for url in ("/", "/netwerk/", network.initiative("kees").url, "/vergelijk/", "/privacy/"):
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        nav = re.search(r'<nav class="footer-nav" aria-label="Voettekst">(.*?)</nav>', footer, re.DOTALL)
        assert nav, url
        assert 'href="/privacy/"' in nav.group(1) and 'href="/toegankelijkheid/"' in nav.group(1)


@pytest.mark.django_db
def test_editors_read_every_request_in_the_admin_but_cannot_add_or_change_them(network):
    client = client_for(make_user(Group.objects.get(name=EDITORS)))
    joop = add_request(network.initiative("joop"), name="Lies Verzoeker")
    kees = add_request(network.initiative("kees"), name="Karel Vrager")

    listing = client.get("/admin/exchange_requests/")
    assert listing.status_code == 200
    assert "Lies Verzoeker" in listing.content.decode() and "Karel Vrager" in listing.content.decode()
    for exchange_request in (joop, kees):
        assert client.get(f"/admin/exchange_requests/inspect/{exchange_request.pk}/").status_code == 200
    assert is_refusal(client.get("/admin/exchange_requests/new/"))
    assert is_refusal(client.get(f"/admin/exchange_requests/edit/{joop.pk}/"))
    # Deleting one (when its sender asks) is the editors' to do.
    assert client.post(f"/admin/exchange_requests/delete/{kees.pk}/").status_code == 302
    assert not ExchangeRequest.objects.filter(pk=kees.pk).exists()


@pytest.mark.django_db
def test_a_coordinator_reads_only_the_requests_sent_to_their_own_initiative(network):
    coordinator = make_user(coordinators_of("joop"), email="coordinator.joop@example.org")
    client = client_for(coordinator)
    own = add_request(network.initiative("joop"), name="Lies Verzoeker")
    other = add_request(network.initiative("kees"), name="Karel Vrager")

    listing = client.get("/admin/exchange_requests/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Lies Verzoeker" in html and "Karel Vrager" not in html
    assert client.get(f"/admin/exchange_requests/inspect/{own.pk}/").status_code == 200
    assert client.get(f"/admin/exchange_requests/inspect/{other.pk}/").status_code == 404
    assert "Karel Vrager" not in client.get("/admin/exchange_requests/?q=Karel").content.decode()
    # Read-only: no delete, no change, no new request.
    assert is_refusal(client.post(f"/admin/exchange_requests/delete/{own.pk}/"))
    assert is_refusal(client.get(f"/admin/exchange_requests/edit/{own.pk}/"))
    assert is_refusal(client.get("/admin/exchange_requests/new/"))
    assert ExchangeRequest.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_administrators_and_other_coordinators_read_no_requests(network):
    administrator = make_user(Group.objects.get(name=ADMINISTRATORS))
    exchange_request = add_request(network.initiative("joop"), name="Lies Verzoeker")
    neighbour = make_user(coordinators_of("kees"))
    for user in (administrator, neighbour):
        client = client_for(user)
        listing = client.get("/admin/exchange_requests/", follow=True)
        assert "Lies Verzoeker" not in listing.content.decode()
        assert is_refusal(client.get(f"/admin/exchange_requests/inspect/{exchange_request.pk}/", follow=True))


@pytest.mark.django_db
def test_the_public_cannot_read_requests(client, network):
    add_request(network.initiative("joop"))
    response = client.get("/admin/exchange_requests/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/vergelijk/",
        "/vergelijk/?initiatieven=kees,bram,joop&verschillen=1",
        "/vergelijk/?initiatieven=kees",
        "/netwerk/gemeente/?naam=Zoetermeer",
        "/netwerk/gemeente/?naam=Onbekendorp",
        "/contact/joop/",
        "/contact/joop/verstuurd/",
        "/uitwisselingen/",
        "/privacy/",
        "/toegankelijkheid/",
    ],
)
def test_the_readers_pages_are_dutch_and_run_under_the_strict_policy(client, network, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code in (200, 400, 404)
    assert '<html lang="nl">' in html and '<main id="inhoud"' in html
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert not re.search(r"\sstyle=|<style\b|<script(?![^>]*\bsrc=)", html, re.IGNORECASE)
