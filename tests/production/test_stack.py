"""The production stack as readers, editors and operators meet it: through the proxy, on the real services."""

import html
import json
import os
import re
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import REPO_ROOT, fetch

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(site_url):
    status, _headers, body = fetch(site_url + "/sitemap.xml")
    assert status == 200
    root = ElementTree.fromstring(body)  # noqa: S314 - the site's own sitemap
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


def test_every_page_in_the_sitemap_answers_through_the_proxy_with_links_to_the_site(site_url):
    urls = sitemap_urls(site_url)
    assert len(urls) > 50, "the loaded network has more pages than that"
    for url in urls:
        assert url.startswith(site_url + "/"), url
        status, _headers, body = fetch(url)
        assert status == 200, url
        assert b"localhost" not in body, f"{url} links to localhost"


def test_the_api_and_the_feeds_link_to_the_site(site_url):
    for path in ["/api/v2/pages/?limit=5", "/feeds/rss/", "/feeds/atom/", "/sitemap.xml"]:
        status, _headers, body = fetch(site_url + path)
        assert status == 200, path
        assert b"localhost" not in body, path
        assert site_url.encode() in body, f"{path} has no link to {site_url}"


def test_every_static_file_is_served_by_the_proxy_for_a_year(site_url):
    status, _headers, body = fetch(site_url + "/static/staticfiles.json")
    assert status == 200
    paths = sorted(set(json.loads(body)["paths"].values()))
    assert any(path.startswith("css/site.") for path in paths)
    for path in paths:
        status, headers, _body = fetch(f"{site_url}/static/{path}")
        assert status == 200, path
        assert "max-age=31536000" in headers.get("Cache-Control", ""), path


def test_a_public_page_comes_from_the_proxy_cache_the_second_time(site_url):
    url = sitemap_urls(site_url)[1]
    fetch(url)
    _status, headers, _body = fetch(url)
    assert headers["X-Cache-Status"] == "HIT"
    assert "Set-Cookie" not in headers


def test_a_page_with_a_form_is_never_cached(site_url):
    form_url = site_url + "/contact/kees/"
    for _ in range(2):
        status, headers, body = fetch(form_url)
        assert status == 200
        assert headers["X-Cache-Status"] != "HIT"
        assert b"csrfmiddlewaretoken" in body


def test_the_admin_is_never_cached(site_url):
    for _ in range(2):
        status, headers, _body = fetch(site_url + "/admin/login/")
        assert status == 200
        assert "X-Cache-Status" not in headers


def test_health_says_the_database_answers_while_elasticsearch_is_down(site_url):
    status, _headers, body = fetch(site_url + "/gezondheid/")
    health = json.loads(body)
    assert status == 200, health
    assert health["status"] == "ok"
    assert health["database"] == {"ok": True, "vendor": os.environ.get("PROD_DATABASE_VENDOR", "postgresql")}
    assert health["cache"] == {"ok": True, "backend": "RedisCache"}
    if os.environ.get("PROD_ELASTICSEARCH_STOPPED"):
        assert health["search"] == {"configured": "elasticsearch", "answering": "database", "fallback": True}


def test_each_request_is_logged_once_with_its_id(site_url):
    _status, headers, _body = fetch(site_url + "/netwerk/?log-test=1")
    request_id = headers["X-Request-ID"]
    log = Path(os.environ.get("PROD_STATE", REPO_ROOT / "var" / "prod")) / "log" / "app.log"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text().splitlines() if f"request_id={request_id}" in line]
        if lines:
            break
        time.sleep(0.1)
    assert len(lines) == 1
    assert "path=/netwerk/?log-test=1 status=200" in lines[0]


@pytest.mark.browser
def test_a_change_published_in_the_admin_is_read_back_through_the_proxy_within_a_second(site_url, browser_page):
    """An editor publishes a new practice title; readers see it on the practice, its initiative and /praktijken/."""
    status, _headers, body = fetch(site_url + "/api/v2/pages/?type=practices.PracticePage&limit=1&fields=title")
    practice = json.loads(body)["items"][0]
    practice_url = practice["meta"]["html_url"]
    initiative_url = practice_url.rstrip("/").rsplit("/", 1)[0] + "/"
    listings = [practice_url, initiative_url, site_url + "/praktijken/"]
    for url in listings:  # in the cache, with the old title
        fetch(url)
        _status, headers, body = fetch(url)
        assert headers["X-Cache-Status"] == "HIT", url

    new_title = f"{practice['title']} (bijgewerkt {int(time.time())})"
    page = log_in_as_editor(browser_page, site_url)
    page.goto(f"{site_url}/admin/pages/{practice['id']}/edit/")
    page.fill("#id_title", new_title)
    with page.expect_navigation():
        # The publish button sits in the action menu's dropdown; a click on it submits the form as an editor's would.
        page.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    published_at = time.monotonic()
    assert "/edit/" not in page.url or page.locator(".messages .success").count(), "the admin refused to publish"

    seen_by = {}
    for url in listings:
        while time.monotonic() - published_at < 1.0 and url not in seen_by:
            _status, _headers, body = fetch(url)
            if new_title.encode() in body.replace(b"&#x27;", b"'"):
                seen_by[url] = time.monotonic() - published_at
    assert set(seen_by) == set(listings), f"still the old title after a second: {set(listings) - set(seen_by)}"


def log_in_as_editor(page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", os.environ["PROD_EDITOR_USER"])
    page.fill("#id_password", os.environ["PROD_EDITOR_PASSWORD"])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


@pytest.mark.browser
def test_a_theme_renamed_in_the_admin_is_read_back_through_the_proxy_within_a_second(site_url, browser_page):
    """A theme's label is a snippet, saved without a publish: the pages that show it are purged all the same."""
    _status, _headers, body = fetch(site_url + "/api/v2/pages/?type=practices.PracticePage&limit=20&fields=themes")
    practice = next(item for item in json.loads(body)["items"] if item["themes"])
    practice_url, slug = practice["meta"]["html_url"], practice["themes"][0]
    label = re.search(rf'href="/praktijken/\?theme={slug}">([^<]+)</a>', fetch(practice_url)[2].decode()).group(1)
    pages = [practice_url, site_url + "/praktijken/"]  # the practice's pills and the overview's theme filter
    for url in pages:
        fetch(url)
        assert fetch(url)[1]["X-Cache-Status"] == "HIT", url

    new_label = f"{html.unescape(label)} (hernoemd {int(time.time())})"
    page = log_in_as_editor(browser_page, site_url)
    page.goto(f"{site_url}/admin/snippets/practices/theme/")
    page.get_by_role("link", name=html.unescape(label), exact=True).first.click()
    page.fill("#id_label", new_label)
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    saved_at = time.monotonic()
    assert page.locator(".messages .success").count(), "the admin did not save the theme"

    seen_by = {}
    for url in pages:
        while time.monotonic() - saved_at < 1.0 and url not in seen_by:
            if new_label.encode() in fetch(url)[2].replace(b"&#x27;", b"'"):
                seen_by[url] = time.monotonic() - saved_at
    assert set(seen_by) == set(pages), f"still the old label after a second: {set(pages) - set(seen_by)}"
