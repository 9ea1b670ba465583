"""The Wagtail Site follows SITE_URL, so the sitemap, the API and e-mails link to where readers are."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("site_url", "root"),
    [
        ("https://netwerk.example.org", "https://netwerk.example.org"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
    ],
)
def test_sitemap_and_api_link_to_the_configured_address(client, network, settings, site_url, root):
    settings.SITE_URL = site_url
    settings.WAGTAILAPI_BASE_URL = site_url
    settings.ALLOWED_HOSTS = ["*"]
    call_command("configure_site", stdout=io.StringIO())
    host = site_url.split("://")[1]
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    assert f"<loc>{root}/netwerk/</loc>" in sitemap
    assert "localhost" not in sitemap
    api = client.get("/api/v2/pages/?limit=3", HTTP_HOST=host).json()
    assert api["items"][0]["meta"]["html_url"].startswith(root + "/")
