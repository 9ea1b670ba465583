"""Dutch for everyone by default; the header's switch gives the interface in English; the content stays Dutch."""

import pytest


@pytest.mark.django_db
def test_the_browser_language_does_not_switch_the_site_to_english(client):
    response = client.get("/praktijken/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    text = response.content.decode()
    assert '<html lang="nl">' in text
    assert "Direct naar de inhoud" in text
    assert response["Content-Language"] == "nl"


@pytest.mark.django_db
def test_the_switch_turns_the_interface_english_and_back(client, network):
    page = network.initiative("joop").url
    text = client.get(page).content.decode()
    assert 'action="/i18n/setlang/"' in text and ">English</button>" in text and ">Nederlands</button>" in text

    response = client.post("/i18n/setlang/", {"language": "en", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    english = client.get(page).content.decode()
    assert '<html lang="en">' in english
    assert "Skip to content" in english and "Direct naar de inhoud" not in english
    assert ">Characteristics<" in english and ">Kenmerken<" not in english
    # The content is Dutch in either language.
    assert network.initiative("joop").summary in english

    client.post("/i18n/setlang/", {"language": "nl", "next": page})
    assert '<html lang="nl">' in client.get(page).content.decode()


@pytest.mark.django_db
def test_an_unknown_language_in_the_cookie_falls_back_to_dutch(client):
    client.cookies["django_language"] = "fr"
    assert '<html lang="nl">' in client.get("/zoeken/").content.decode()


@pytest.mark.django_db
def test_the_switch_never_sends_a_reader_to_another_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
