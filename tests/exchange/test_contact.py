"""The contact and exchange form on every initiative profile, and what it protects against."""

import pytest
from django.core.cache import cache
from django.test import Client

from exchange.models import ExchangeRequest
from tests.factories import add_contact

CONTACT_ADDRESS = "coordinator.joop@example.org"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    # The rate limit lives in the cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def joop(network, added_municipalities):  # Enschede, named in the form, is a municipality an editor added
    initiative = network.initiative("joop")
    add_contact(initiative, email=CONTACT_ADDRESS, name="Jet Zeeuw")
    add_contact(initiative, email="tweede.joop@example.org", name="Tom Zeeuw")
    return initiative


def valid_data(**changes):
    data = {
        "kind": "werkbezoek",
        "name": "Fatima el Amrani",
        "organisation": "Gemeente Enschede",
        "email": "f.elamrani@example.nl",
        "municipality": "Enschede",
        "message": "Wij willen graag zien hoe jullie het casusoverleg organiseren. Kunnen wij op bezoek komen?",
        "homepage": "",
    }
    data.update(changes)
    return data


def contact_url(initiative):
    return f"/contact/{initiative.slug}/"


@pytest.mark.django_db
def test_the_profile_links_to_the_form(client, joop):
    html = client.get(joop.url).content.decode()
    assert f'href="{contact_url(joop)}"' in html
    assert "Neem contact op of vraag een uitwisseling aan" in html


@pytest.mark.django_db
def test_a_valid_request_is_stored_mailed_to_the_contacts_and_confirmed(client, joop, mailoutbox):
    form = client.get(contact_url(joop))
    assert form.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()

    response = client.post(contact_url(joop), valid_data(), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/contact/{joop.slug}/verstuurd/", 302)]
    assert "Bedankt, uw verzoek is ontvangen" in response.content.decode()

    stored = ExchangeRequest.objects.get()
    assert stored.initiative_id == joop.pk
    assert stored.municipality == "Enschede"
    assert stored.kind == "werkbezoek"
    assert stored.sender_region.slug == "twente"  # Enschede is in Twente
    assert stored.message.startswith("Wij willen graag")

    to_initiative, confirmation = mailoutbox
    assert sorted(to_initiative.to) == [CONTACT_ADDRESS, "tweede.joop@example.org"]
    assert to_initiative.reply_to == ["f.elamrani@example.nl"]
    assert "casusoverleg" in to_initiative.body and "Twente" in to_initiative.body
    assert confirmation.to == ["f.elamrani@example.nl"]
    assert CONTACT_ADDRESS not in confirmation.body + confirmation.subject
    assert "tweede.joop" not in confirmation.body + str(confirmation.cc) + str(confirmation.bcc)
    assert joop.title in confirmation.subject


@pytest.mark.django_db
def test_the_contact_address_appears_in_no_html(client, joop):
    pages = [
        client.get(contact_url(joop)),
        client.post(contact_url(joop), valid_data(message="")),
        client.post(contact_url(joop), valid_data(), follow=True),
        client.get(joop.url),
        client.get("/privacy/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert CONTACT_ADDRESS not in html
        assert "tweede.joop@example.org" not in html
        assert "mailto:" not in html


@pytest.mark.django_db
def test_without_a_contact_address_the_request_goes_to_the_editors_and_the_form_says_so(
    client, network, settings, mailoutbox
):
    settings.EXCHANGE_FALLBACK_EMAIL = "redactie@example.org"
    kees = network.initiative("kees")
    assert "Uw verzoek gaat daarom naar de redactie" in client.get(contact_url(kees)).content.decode()

    client.post(contact_url(kees), valid_data())
    to_editors, confirmation = mailoutbox
    assert to_editors.to == ["redactie@example.org"]
    assert "Stuur dit verzoek aan het initiatief door" in to_editors.body
    assert "eerst naar de redactie" in confirmation.body
    assert "redactie@example.org" not in confirmation.body
    assert ExchangeRequest.objects.filter(initiative=kees).count() == 1


@pytest.mark.django_db
def test_the_fallback_defaults_to_the_sites_sender_address(client, network, settings, mailoutbox):
    settings.DEFAULT_FROM_EMAIL = "platform@example.org"
    client.post(contact_url(network.initiative("kees")), valid_data())
    assert mailoutbox[0].to == ["platform@example.org"]


@pytest.mark.django_db
def test_the_municipality_is_recognised_as_the_lookup_does(client, joop):
    client.post(contact_url(joop), valid_data(municipality="gemeente rijssen holten"))
    stored = ExchangeRequest.objects.get()
    assert (stored.municipality, stored.sender_region.slug) == ("Rijssen-Holten", "twente")


@pytest.mark.django_db
def test_an_unknown_municipality_is_kept_without_a_region(client, joop):
    client.post(contact_url(joop), valid_data(municipality="Amsterdam"))
    stored = ExchangeRequest.objects.get()
    assert stored.municipality == "Amsterdam"
    assert stored.sender_region is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"name": ""}, "Dit is een verplicht veld."),
        ({"organisation": ""}, "Dit is een verplicht veld."),
        ({"email": ""}, "Dit is een verplicht veld."),
        ({"message": "   "}, "Dit is een verplicht veld."),
        ({"kind": ""}, "Dit is een verplicht veld."),
        ({"kind": "koffie"}, "Selecteer een geldige keuze."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"email": "a@b@example.org"}, "Voer een geldig e-mailadres in."),
        ({"message": "x" * 3001}, "niet meer dan 3000 tekens"),
        ({"name": "x" * 101}, "niet meer dan 100 tekens"),
        ({"organisation": "x" * 151}, "niet meer dan 150 tekens"),
        ({"municipality": "x" * 101}, "niet meer dan 100 tekens"),
        ({"message": 'Zie <a href="https://spam.example">hier</a>'}, "Gebruik geen HTML-code"),
        ({"name": "<script>alert(1)</script>"}, "Gebruik geen HTML-code"),
        ({"organisation": "<!-- x -->"}, "Gebruik geen HTML-code"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_and_nothing_is_lost(
    client, joop, mailoutbox, changes, field_message
):
    data = valid_data(**changes)
    response = client.post(contact_url(joop), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Uw verzoek is nog niet verstuurd" in html
    assert field_message in html
    assert 'aria-invalid="true"' in html
    assert ExchangeRequest.objects.count() == 0
    assert mailoutbox == []
    # What the reader typed in the other fields is still there.
    if "message" not in changes:
        assert "casusoverleg organiseren" in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
def test_a_lone_angle_bracket_is_ordinary_text(client, joop):
    response = client.post(
        contact_url(joop), valid_data(message="Voor kinderen < 12 jaar en ouders > 2 jaar uit elkaar.")
    )
    assert response.status_code == 302
    assert ExchangeRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_filled_honeypot_pretends_success_but_stores_and_sends_nothing(client, joop, mailoutbox):
    response = client.post(contact_url(joop), valid_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == f"/contact/{joop.slug}/verstuurd/"
    assert ExchangeRequest.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_honeypot_is_hidden_by_a_class_not_by_style(client, joop):
    html = client.get(contact_url(joop)).content.decode()
    assert '<div class="exchange-honeypot">' in html
    assert 'name="homepage"' in html
    assert "style=" not in html


@pytest.mark.django_db
def test_more_requests_than_the_limit_from_one_address_get_a_429(client, joop, settings, mailoutbox):
    settings.EXCHANGE_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(contact_url(joop), valid_data()).status_code == 302
    response = client.post(contact_url(joop), valid_data())
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.content.decode()
    assert ExchangeRequest.objects.count() == 3
    assert len(mailoutbox) == 6

    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.post(contact_url(joop), valid_data()).status_code == 302


@pytest.mark.django_db
def test_the_default_limit_is_five_an_hour(client, joop):
    for _ in range(5):
        assert client.post(contact_url(joop), valid_data()).status_code == 302
    assert client.post(contact_url(joop), valid_data()).status_code == 429


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused(joop):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(contact_url(joop), valid_data())
    assert response.status_code == 403
    assert ExchangeRequest.objects.count() == 0


@pytest.mark.django_db
def test_a_post_with_the_forms_csrf_token_goes_through(joop):
    strict = Client(enforce_csrf_checks=True)
    strict.get(contact_url(joop))
    token = strict.cookies["csrftoken"].value
    response = strict.post(contact_url(joop), valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert ExchangeRequest.objects.count() == 1


@pytest.mark.django_db
def test_an_unknown_or_draft_initiative_has_no_form(client, network):
    assert client.get("/contact/bestaat-niet/").status_code == 404
    assert client.post("/contact/bestaat-niet/", valid_data()).status_code == 404
    bram = network.initiative("bram")
    bram.unpublish()
    assert client.get(contact_url(bram)).status_code == 404


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_request_and_says_so(client, joop, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # the discard port: nothing listens, the connection is refused
    settings.EMAIL_TIMEOUT = 2
    response = client.post(contact_url(joop), valid_data(), follow=True)
    assert response.status_code == 200
    assert "de e-mail kon nu niet worden verstuurd" in response.content.decode()
    assert ExchangeRequest.objects.count() == 1


@pytest.mark.django_db
def test_the_form_is_accessible_and_dutch(client, joop):
    html = client.get(contact_url(joop)).content.decode()
    for label in (
        "Wat wilt u?",
        "Uw naam",
        "Uw organisatie",
        "Uw e-mailadres",
        "Uw gemeente (niet verplicht)",
        "Uw bericht",
    ):
        assert label in html
    assert 'maxlength="3000"' in html
    assert "<legend>Wat wilt u?</legend>" in html
    assert 'href="/privacy/"' in html


@pytest.mark.django_db
def test_behind_a_trusted_proxy_readers_are_counted_by_their_forwarded_address(joop, settings):
    settings.EXCHANGE_RATE_LIMIT = 1
    settings.EXCHANGE_TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert proxy.post(contact_url(joop), valid_data(), **first).status_code == 302
    assert proxy.post(contact_url(joop), valid_data(), **second).status_code == 302  # another reader, same proxy
    assert proxy.post(contact_url(joop), valid_data(), **first).status_code == 429
    # A forged entry on the left does not buy a fresh allowance: only the proxy's own entry counts.
    spoofed = {"HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.5"}
    assert proxy.post(contact_url(joop), valid_data(), **spoofed).status_code == 429
