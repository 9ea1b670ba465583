"""What the site tells the caching proxy, the health endpoint and the request log, seen through Django's client.

The proxy itself (nginx honouring these answers, purging on publish) is tested on the running stack in
tests/production/, which deploy/smoke.sh runs.
"""

import json
import logging

import pytest
from django.contrib.auth.models import User
from django.test import Client

from search.service import search_service

PROFILE = "/netwerk/noord-nederland/kees/"


def proxy_lifetime(response):
    return int(response["X-Accel-Expires"])


@pytest.mark.django_db
def test_public_pages_may_be_kept_by_the_proxy_for_the_long_lifetime(client, network, settings):
    for url in ["/", PROFILE, "/praktijken/", "/netwerk/", "/sitemap.xml", "/feeds/rss/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert proxy_lifetime(response) == settings.PROXY_CACHE_SECONDS, url
        assert not response.cookies, f"{url} sets a cookie, so no cache could share it"


@pytest.mark.django_db
def test_filtered_listings_and_search_only_briefly(client, network, settings):
    for url in ["/praktijken/?theme=casusoverleg", "/zoeken/?q=ouderschapsplan", "/api/v2/pages/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert proxy_lifetime(response) == settings.PROXY_CACHE_SECONDS_SHORT, url


@pytest.mark.django_db
def test_forms_the_admin_and_logged_in_readers_are_never_kept(client, network):
    assert proxy_lifetime(client.get("/contact/kees/")) == 0, "a form carries the reader's own CSRF token"
    assert proxy_lifetime(client.get("/admin/login/")) == 0
    assert proxy_lifetime(client.get("/gezondheid/")) == 0
    assert proxy_lifetime(client.post("/zoeken/", {})) == 0
    user = User.objects.create_user("lezer", password="x" * 12)
    client.force_login(user)
    assert proxy_lifetime(client.get(PROFILE)) == 0


@pytest.mark.django_db
def test_the_language_switch_works_without_a_token_so_that_pages_hold_none(network):
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(PROFILE)
    assert b"csrfmiddlewaretoken" not in page.content
    response = strict.post("/i18n/setlang/", {"language": "en", "next": PROFILE})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    assert proxy_lifetime(response) == 0


@pytest.mark.django_db
def test_health_reports_database_cache_and_search(client):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["cache"] == {"ok": True, "backend": "LocMemCache"}
    assert body["search"] == {"configured": "database", "answering": "database", "fallback": False}


@pytest.fixture
def unreachable_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there
    search_service.cache_clear()
    yield
    search_service.cache_clear()


@pytest.mark.django_db
def test_health_stays_ok_when_elasticsearch_is_down_and_says_the_database_answers(client, unreachable_elasticsearch):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    assert json.loads(response.content)["search"] == {
        "configured": "elasticsearch",
        "answering": "database",
        "fallback": True,
    }


@pytest.mark.django_db
def test_health_is_503_when_the_shared_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "fail"
    assert body["cache"]["ok"] is False
    assert body["database"]["ok"] is True


@pytest.mark.django_db
def test_one_log_line_per_request_with_the_proxys_request_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="netwerk.requests"):
        response = client.get("/netwerk/", HTTP_X_REQUEST_ID="abc-123")
        client.get("/netwerk/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] == "abc-123"
    lines = [record.getMessage() for record in caplog.records if record.name == "netwerk.requests"]
    assert len(lines) == 2
    assert lines[0].startswith("request_id=abc-123 method=GET path=/netwerk/ status=200 duration_ms=")
    assert "<script>" not in lines[1], "an id from outside that is not a plain token is replaced"
