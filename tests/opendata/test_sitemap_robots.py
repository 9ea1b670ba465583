"""robots.txt and sitemap.xml: search engines may index the public site, not the admin, and find every page."""

import pytest

from tests.factories import add_practice


@pytest.mark.django_db
def test_robots_allows_the_site_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_the_sitemap_lists_live_pages_and_no_draft(client, network):
    draft = add_practice(network.initiative("joop"), title="Conceptpagina", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/netwerk/zeeland/joop/joop-persoon-als-aanspreekpunt/</loc>" in text
    assert "/praktijken/</loc>" in text
    assert draft.slug not in text
