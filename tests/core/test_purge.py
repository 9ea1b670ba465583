"""What publishing asks the caching proxy to forget: the page and every page that lists it.

An HTTP server on a free port stands in for the proxy's purge server and records the PURGE requests the site
sends; that nginx then drops its copies is tested on the running stack (tests/production/).
"""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from wagtail.models import Site

from practices.models import PracticePage, Theme


class Recorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the method's name is the HTTP verb
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(404)  # what nginx answers for a URL it did not hold: not an error for the site
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purged(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.ProxyPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    Recorder.purged = []
    yield Recorder.purged
    server.shutdown()


@pytest.fixture
def site_on_real_host(network):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "netwerk.example.org", 443
    site.save()  # save(), not update(): Wagtail forgets its cached site paths then


def paths(purged):
    assert {host for host, _path in purged} == {"netwerk.example.org"}
    return {path for _host, path in purged}


LISTINGS = {
    "/",
    "/netwerk/",
    "/praktijken/",
    "/feeds/rss/",
    "/feeds/atom/",
    "/praktijken/export.csv",
    "/sitemap.xml",
    "/vergelijk/",
    "/uitwisselingen/",
}


@pytest.mark.django_db
def test_publishing_a_practice_purges_it_its_initiative_region_and_the_listings(network, site_on_real_host, purged):
    practice = PracticePage.objects.child_of(network.initiative("kees")).live().first()
    practice.title = "Nieuwe titel"
    practice.save_revision().publish()
    assert paths(purged) >= LISTINGS | {
        practice.url,
        "/netwerk/noord-nederland/",
        "/netwerk/noord-nederland/kees/",
    }


@pytest.mark.django_db
def test_unpublishing_and_deleting_purge_too(network, site_on_real_host, purged):
    practice = PracticePage.objects.child_of(network.initiative("kees")).live().first()
    url = practice.url
    practice.unpublish()
    assert paths(purged) >= LISTINGS | {url, "/netwerk/noord-nederland/kees/"}
    purged.clear()
    other = PracticePage.objects.live().first()
    other_url, parent_url = other.url, other.get_parent().url
    other.delete()
    assert paths(purged) >= LISTINGS | {other_url, parent_url}


@pytest.mark.django_db
def test_moving_purges_the_old_address_and_the_new_one(network, site_on_real_host, purged):
    practice = PracticePage.objects.child_of(network.initiative("kees")).live().first()
    old_url = practice.url
    practice.move(network.initiative("bram"), pos="last-child")
    practice.refresh_from_db()
    assert paths(purged) >= {old_url, practice.url, "/netwerk/noord-nederland/kees/", practice.get_parent().url}


@pytest.mark.django_db
def test_publishing_a_new_slug_purges_the_old_addresses_below_it_too(network, site_on_real_host, purged):
    initiative = network.initiative("kees")
    old_url = initiative.url
    old_practice_url = PracticePage.objects.child_of(initiative).live().first().url
    initiative.slug = "kees-nieuw"
    initiative.save_revision().publish()
    assert paths(purged) >= {old_url, old_practice_url, "/netwerk/noord-nederland/kees-nieuw/"}


@pytest.mark.django_db
def test_renaming_a_theme_purges_every_live_page_once(
    network, site_on_real_host, purged, django_capture_on_commit_callbacks
):
    theme = Theme.objects.filter(practices__live=True).distinct().first()
    with django_capture_on_commit_callbacks(execute=True):
        theme.label = "Hernoemd thema"
        theme.save()
        theme.search_terms = "nog een zoekterm"
        theme.save()
    carrier = PracticePage.objects.live().filter(themes=theme).first()
    assert paths(purged) >= LISTINGS | {carrier.url, "/netwerk/noord-nederland/kees/"}
    assert len(purged) == len(set(purged)), "two saves in one transaction purge once"


@pytest.mark.django_db
def test_a_login_attempt_purges_nothing(network, site_on_real_host, purged, django_capture_on_commit_callbacks):
    from axes.models import AccessAttempt

    with django_capture_on_commit_callbacks(execute=True):
        AccessAttempt.objects.create(username="iemand", ip_address="127.0.0.1", failures_since_start=1)
    assert purged == []


@pytest.mark.django_db
def test_confirming_a_profile_purges_it(network, site_on_real_host, purged, django_capture_on_commit_callbacks):
    from tests.editorial.conftest import client_for, coordinators_of, make_user

    coordinator = make_user(coordinators_of("kees"), email="coordinator@kees.example")
    kees = network.initiative("kees")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(reverse("editorial_confirm_profile", args=[kees.pk]), {"fields": []})
    assert response.status_code == 302
    assert "/netwerk/noord-nederland/kees/" in paths(purged)


@pytest.mark.django_db
def test_publishing_a_lesson_from_an_exchange_purges_both_profiles_and_the_overview(
    network, site_on_real_host, purged, django_capture_on_commit_callbacks
):
    from exchange.models import ExchangeRequest
    from exchange.process import draft_lesson
    from tests.editorial.conftest import coordinators_of, make_user

    exchange = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"),
        sender_initiative=network.initiative("kees"),
        name="Lies",
        organisation="KEES",
        email="lies@kees.example",
        message="Hoe begonnen jullie?",
        state=ExchangeRequest.State.HELD,
        held_on=datetime.date(2026, 11, 2),
    )
    lesson = draft_lesson(exchange, make_user(coordinators_of("joop")))
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    assert {"/netwerk/zeeland/joop/", "/netwerk/noord-nederland/kees/", "/uitwisselingen/"} <= paths(purged)
