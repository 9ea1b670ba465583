"""Error pages speak Dutch in the site's own layout, and the icon browsers ask for exists."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_a_missing_page_is_a_dutch_page_in_the_site_layout(client, network):
    response = client.get("/bestaat-echt-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nl">' in html
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert 'class="site-header"' in html and 'aria-label="Voettekst"' in html
    assert 'role="search"' in html  # the way on: search


def test_the_server_error_page_renders_without_a_request_or_database():
    # Django's server_error view renders 500.html with no context at all.
    html = render_to_string("500.html")
    assert "<h1>Er ging iets mis</h1>" in html
    assert 'class="site-header"' in html
    assert 'class="language-switch"' not in html  # it would post to a server that just failed


def test_the_favicon_is_served_where_browsers_ask_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    # The static file itself is served by WhiteNoise in production and fetched by the browser tests.
    icon = finders.find("favicon.ico")
    assert icon and Path(icon).read_bytes()[:4] == b"\x00\x00\x01\x00"  # a Windows icon file
