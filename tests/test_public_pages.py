"""Every public page type renders, in Dutch, under the strict Content-Security-Policy, without leaking e-mail."""

import re

import pytest
from wagtail.models import Page

from network.models import InitiativePage, NetworkIndexPage, RegionPage, UpdatePage
from practices.models import PracticeIndexPage, PracticePage
from tests.factories import add_contact, add_update

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(rb"<style\b|\sstyle=", re.IGNORECASE)


def one_live_page_of_each_type():
    pages = [Page.objects.get(depth=2).specific]
    for model in (NetworkIndexPage, RegionPage, InitiativePage, PracticePage, PracticeIndexPage, UpdatePage):
        pages.append(model.objects.live().first())
    return pages


@pytest.mark.django_db
def test_every_page_type_renders_with_its_title(client, network):
    add_update(network.initiative("joop"), title="Nieuws uit Zeeland")
    for page in one_live_page_of_each_type():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.encode() in response.content
        assert b'<html lang="nl">' in response.content
        assert b'<main id="inhoud"' in response.content


@pytest.mark.django_db
def test_public_pages_carry_a_strict_policy_and_no_inline_code(client, network):
    add_update(network.initiative("joop"))
    for page in one_live_page_of_each_type():
        response = client.get(page.url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert not INLINE_SCRIPT.search(response.content), page.url
        assert not INLINE_STYLE.search(response.content), page.url


@pytest.mark.django_db
def test_the_initiative_profile_shows_every_dimension(client, network):
    response = client.get(network.initiative("scheidingspunt").url)
    text = response.content.decode()
    for label in (
        "Niveau",
        "Status",
        "Gemeenten",
        "Coördinatie",
        "Overlegritme",
        "Stuurgroep",
        "Subwerkgroepen",
        "Scheidingsloket",
        "Intensiteit van samenwerking",
        "Website",
        "Laatst bevestigd",
        "Partners",
        "Contactpersonen",
        "Bronnen",
    ):
        assert f">{label}<" in text, label
    assert "Zoetermeer" in text


@pytest.mark.django_db
def test_a_contact_address_never_appears_in_public_html(client, network):
    kees = network.initiative("kees")
    add_contact(kees, email="coordinator.kees@example.org", name="Anna de Vries")
    practice = PracticePage.objects.child_of(kees).live().first()
    pages = [*one_live_page_of_each_type(), kees, kees.get_parent(), practice]
    seen_name = False
    for page in pages:
        content = client.get(page.url).content.decode()
        assert "coordinator.kees@example.org" not in content, page.url
        assert "mailto:" not in content, page.url
        seen_name = seen_name or "Anna de Vries" in content
    assert seen_name, "the contact's name is public, only the address is not"


@pytest.mark.django_db
def test_a_draft_practice_is_not_public(client, network):
    from tests.factories import add_practice

    draft = add_practice(network.initiative("bram"), title="Nog niet af", publish=False)
    assert client.get(draft.url if draft.url else "/netwerk/twente/bram/" + draft.slug + "/").status_code == 404
    assert b"Nog niet af" not in client.get(network.initiative("bram").url).content
    assert b"Nog niet af" not in client.get("/praktijken/").content


@pytest.mark.django_db
def test_the_owner_is_named_only_when_the_operator_names_it(client, network, settings):
    """The study says who commissioned it (§1.1, §3.4), not who runs the platform: the owner is a setting."""
    header = re.compile(r'<span class="site-name__owner">(.*?)</span>', re.S)
    html = client.get("/").content.decode()
    assert "Ministerie" not in header.search(html).group(1)
    assert "in opdracht van de Directie Jeugd van het ministerie van VWS" in html
    colofon = client.get("/colofon/").content.decode()
    assert "Eigenaar" not in colofon
    assert "Opdrachtgever van de studie" in colofon

    settings.PLATFORM_OWNER = "Ministerie van Volksgezondheid, Welzijn en Sport"
    html = client.get("/").content.decode()
    assert "Ministerie van Volksgezondheid, Welzijn en Sport" in header.search(html).group(1)
    colofon = client.get("/colofon/").content.decode()
    assert re.search(r"<dt>Eigenaar</dt><dd>Ministerie van Volksgezondheid, Welzijn en Sport</dd>", colofon)


VIEWS = [
    "/uitwisselingen/",
    "/uitwisseling/nieuwe-link/",
    "/vergelijk/?initiatieven=joop,bram",
    "/netwerk/gemeente/?naam=Zoetermeer",
    "/zoeken/?q=echtscheidingsloket",
    "/contact/joop/",
    "/contact/",
    "/privacy/",
    "/over-de-bron/",
    "/over-dit-platform/",
    "/colofon/",
    "/toegankelijkheid/",
]
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("url", VIEWS)
def test_each_view_has_a_plain_title_ending_in_the_site_name(client, network, url):
    response = client.get(url)
    assert response.status_code == 200, url
    title = TITLE.search(response.content.decode()).group(1)
    assert "<" not in title and "&lt;" not in title, f"markup in the title of {url}: {title[:80]}"
    assert title.endswith("Netwerk Complexe Scheidingen") and title.count(" · ") == 1, title
