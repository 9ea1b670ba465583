"""The read-only Wagtail API v2: public fields of live public pages, never a draft or an e-mail address."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import add_contact, add_practice


@pytest.mark.django_db
def test_practices_come_with_their_public_fields(client, network):
    body = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*", "limit": 100}).json()
    assert body["meta"]["total_count"] == network.practices().count()
    joop = next(item for item in body["items"] if item["meta"]["slug"] == "joop-persoon-als-aanspreekpunt")
    assert joop["title"].startswith("Eén persoon als aanspreekpunt")
    assert "echtscheidingsloket" in joop["themes"]
    assert joop["summary"] and isinstance(joop["tags"], list)
    assert joop["meta"]["html_url"].endswith("/netwerk/zeeland/joop/joop-persoon-als-aanspreekpunt/")


@pytest.mark.django_db
def test_an_initiative_lists_its_contacts_without_their_address(client, network):
    kees = network.initiative("kees")
    add_contact(kees, email="geheim.adres@example.org", name="Anna de Vries")
    response = client.get(f"/api/v2/pages/{kees.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert [contact["name"] for contact in body["contacts"]] == ["Anna de Vries"]
    assert "geheim.adres@example.org" not in response.content.decode()
    assert "email" not in body["contacts"][0]
    listing = client.get("/api/v2/pages/", {"type": "network.InitiativePage", "fields": "*"}).content.decode()
    assert "geheim.adres@example.org" not in listing and "@example.org" not in listing


@pytest.mark.django_db
def test_drafts_and_private_pages_never_appear(client, network):
    draft = add_practice(network.initiative("joop"), title="Concept in de API", publish=False)
    private = add_practice(network.initiative("joop"), title="Alleen voor ingelogden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    listing = client.get("/api/v2/pages/", {"limit": 100, "search": "Concept"}).content.decode()
    assert "Concept in de API" not in listing
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    children = client.get("/api/v2/pages/", {"child_of": network.initiative("joop").pk, "limit": 100}).json()
    titles = {item["title"] for item in children["items"]}
    assert "Alleen voor ingelogden" not in titles and "Concept in de API" not in titles


@pytest.mark.django_db
def test_themes_factors_and_regions_have_read_only_endpoints(client):
    themes = client.get("/api/v2/themes/", {"limit": 100}).json()
    assert {"echtscheidingsloket", "casusoverleg"} <= {item["slug"] for item in themes["items"]}
    factors = client.get("/api/v2/factors/", {"limit": 100}).json()
    assert {item["kind"] for item in factors["items"]} == {"faciliterend", "belemmerend"}
    regions = client.get("/api/v2/regions/").json()
    assert "zeeland" in {item["meta"]["slug"] for item in regions["items"]}
    assert client.post("/api/v2/themes/", {"slug": "nieuw"}).status_code == 405


@pytest.mark.django_db
def test_images_and_documents_endpoints_answer(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200
