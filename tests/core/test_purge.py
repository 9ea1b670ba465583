"""What publishing asks the caching proxy to forget: the page and every page that lists it.

An HTTP server on a free port stands in for the proxy's purge server and records the PURGE requests the site
sends; that nginx then drops its copies is tested on the running stack (tests/production/).
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Site

from practices.models import PracticePage


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
