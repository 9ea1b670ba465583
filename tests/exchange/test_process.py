"""The exchange process: each move by the right role only, the requester's link, and what each side sees.

Real role accounts (a coordinator of the initiative asked, a coordinator of another initiative, an editor, an
administrator) post to the admin's step URL; the requester posts through their signed link. Every refused
attempt must leave the exchange's state and its steps unchanged.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from editorial.roles import ADMINISTRATORS, EDITORS
from exchange import process
from exchange.models import ExchangeRequest, ExchangeStep
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.factories import add_contact


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def post_request(client, slug="joop", **fields):
    data = {
        "kind": "werkbezoek",
        "name": "Lies Verzoeker",
        "organisation": "Gemeente Goes",
        "email": "lies@example.nl",
        "municipality": "",
        "message": "Wij willen leren hoe u het loket opzette.",
        **fields,
    }
    return client.post(f"/contact/{slug}/", data)


@pytest.fixture
def joop_request(network, client, django_capture_on_commit_callbacks):
    add_contact(network.initiative("joop"), email="contact@joop.example")
    with django_capture_on_commit_callbacks(execute=True):
        assert post_request(client, sender_initiative=network.initiative("kees").pk).status_code == 302
    return ExchangeRequest.objects.get(name="Lies Verzoeker")


@pytest.fixture
def joop_coordinator(network):
    return client_for(make_user(coordinators_of("joop")))


@pytest.fixture
def editor_client(network):
    return client_for(make_user(Group.objects.get(name=EDITORS)))


def step(client, exchange, move, **data):
    return client.post(reverse("exchange_step", args=[exchange.pk]), {"move": move, **data})


def snapshot(exchange):
    exchange.refresh_from_db()
    return exchange.state, exchange.initiative_id, exchange.steps.count()


def follow_url_in(message):
    return re.search(r"https?://\S+/uitwisseling/volg/\S+/", message.body).group(0)


@pytest.mark.django_db
def test_a_new_request_starts_the_process_and_mails_the_requester_a_personal_link(joop_request):
    assert joop_request.state == "aangevraagd"
    assert joop_request.sender_initiative.slug == "kees"
    assert joop_request.sender_region.slug == "noord-nederland"  # from the requester's initiative
    assert joop_request.initiative_region.slug == "zeeland"
    first = joop_request.steps.get()
    assert first.state == "aangevraagd" and first.by_requester
    confirmation = next(m for m in mail.outbox if m.to == ["lies@example.nl"])
    assert "/uitwisseling/volg/" in confirmation.body


@pytest.mark.django_db
def test_the_coordinator_walks_the_exchange_from_accept_to_close_and_each_step_is_dated_with_who(
    joop_request, joop_coordinator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert step(joop_coordinator, joop_request, "accept", note="Graag!").status_code == 302
    joop_request.refresh_from_db()
    assert joop_request.state == "geaccepteerd" and joop_request.first_answer_at is not None
    assert mail.outbox[-1].to == ["lies@example.nl"] and "Graag!" in mail.outbox[-1].body

    planned = datetime.date.today() - datetime.timedelta(days=1)
    step(joop_coordinator, joop_request, "plan", planned_for=planned.isoformat(), meeting_form="bezoek")
    step(joop_coordinator, joop_request, "held", held_on=planned.isoformat())
    step(joop_coordinator, joop_request, "outcome", outcome="Een werkwijze voor het loket.")
    step(joop_coordinator, joop_request, "close")
    joop_request.refresh_from_db()
    assert joop_request.state == "gesloten"
    assert joop_request.held_on == planned and joop_request.meeting_form == "bezoek"
    states = list(joop_request.steps.values_list("state", flat=True))
    assert states == ["aangevraagd", "geaccepteerd", "gepland", "gehouden", "uitkomst", "gesloten"]
    assert all(s.by is not None for s in joop_request.steps.all()[1:])

    detail = joop_coordinator.get(reverse("exchange_requests:inspect", args=[joop_request.pk])).content.decode()
    assert "Afgesloten" in detail
    # The requester's address is the editors' to see; the initiative answers through the platform.
    assert "lies@example.nl" not in detail


@pytest.mark.django_db
def test_a_planned_meeting_needs_a_date_and_a_form_and_a_future_one_cannot_be_held(joop_request, joop_coordinator):
    step(joop_coordinator, joop_request, "accept")
    before = snapshot(joop_request)
    response = step(joop_coordinator, joop_request, "plan", meeting_form="online")
    assert response.status_code == 302 and snapshot(joop_request) == before
    future = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    step(joop_coordinator, joop_request, "plan", planned_for=future, meeting_form="online")
    before = snapshot(joop_request)
    step(joop_coordinator, joop_request, "held", held_on=future)
    assert snapshot(joop_request) == before


@pytest.mark.django_db
def test_only_editors_forward_and_the_new_initiative_then_handles_it(
    joop_request, joop_coordinator, editor_client, network
):
    bram = network.initiative("bram")
    before = snapshot(joop_request)
    step(joop_coordinator, joop_request, "forward", forward_to=bram.pk)
    assert snapshot(joop_request) == before

    step(editor_client, joop_request, "forward", forward_to=bram.pk)
    joop_request.refresh_from_db()
    assert joop_request.state == "doorgestuurd" and joop_request.initiative == bram
    assert joop_request.initiative_region.slug == "twente"
    # JOOP's coordinator no longer sees it; BRAM's accepts it.
    assert joop_coordinator.get(reverse("exchange_requests:inspect", args=[joop_request.pk])).status_code == 404
    assert step(joop_coordinator, joop_request, "accept").status_code == 404
    step(client_for(make_user(coordinators_of("bram"))), joop_request, "accept")
    joop_request.refresh_from_db()
    assert joop_request.state == "geaccepteerd"


@pytest.mark.django_db
def test_nobody_else_can_make_a_move(joop_request, network):
    other_coordinator = client_for(make_user(coordinators_of("kees")))  # even the requester's own initiative
    administrator = client_for(make_user(Group.objects.get(name=ADMINISTRATORS)))
    before = snapshot(joop_request)
    for client in (other_coordinator, administrator, Client()):
        for move in ("accept", "forward", "close", "remove", "outcome"):
            response = step(client, joop_request, move, forward_to=network.initiative("bram").pk, outcome="x")
            assert response.status_code in (302, 403, 404)
            if response.status_code == 302:
                assert "/admin/login/" in response["Location"] or "exchange" in response["Location"]
    assert snapshot(joop_request) == before
    assert not ExchangeStep.objects.filter(exchange=joop_request, by__isnull=False).exists()


@pytest.mark.django_db
def test_a_coordinator_cannot_make_a_move_out_of_order(joop_request, joop_coordinator):
    before = snapshot(joop_request)
    for move in ("held", "outcome", "plan", "remove", "nonsense"):
        step(joop_coordinator, joop_request, move, outcome="x", planned_for="2026-01-01", meeting_form="online")
        assert snapshot(joop_request) == before


def _hold(exchange, coordinator):
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    step(coordinator, exchange, "accept")
    step(coordinator, exchange, "plan", planned_for=yesterday, meeting_form="telefoon")
    step(coordinator, exchange, "held")


@pytest.mark.django_db
def test_the_requester_follows_the_exchange_and_records_what_they_took_home(
    joop_request, joop_coordinator, client, django_capture_on_commit_callbacks
):
    link = follow_url_in(next(m for m in mail.outbox if m.to == ["lies@example.nl"]))
    path = link[link.index("/uitwisseling/") :]
    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200 and "Aangevraagd" in html
    assert "contact@joop.example" not in html  # the initiative's address never reaches the requester's page
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    # Before the exchange was held there is nothing to record.
    before = snapshot(joop_request)
    assert client.post(path, {"action": "outcome", "outcome": "Te vroeg"}).status_code == 409
    assert snapshot(joop_request) == before

    _hold(joop_request, joop_coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"action": "outcome", "outcome": "Het idee van een vast loket."})
    assert response.status_code == 302
    joop_request.refresh_from_db()
    assert joop_request.state == "uitkomst" and joop_request.outcome == "Het idee van een vast loket."
    last = joop_request.steps.last()
    assert last.by_requester and last.by is None
    assert mail.outbox[-1].to == ["contact@joop.example"]
    assert "lies@example.nl" not in mail.outbox[-1].body


@pytest.mark.django_db
def test_a_wrong_or_expired_link_changes_nothing(joop_request, joop_coordinator, client, settings):
    _hold(joop_request, joop_coordinator)
    token = process.token_for(joop_request)
    before = snapshot(joop_request)
    forged = signing.TimestampSigner(salt="iets anders").sign_object(
        {"e": joop_request.pk, "k": joop_request.access_key}
    )
    wrong_key = signing.TimestampSigner(salt=process.SALT).sign_object({"e": joop_request.pk, "k": "geraden"})
    for bad in (token[:-2] + "xx", forged, wrong_key, "niets"):
        response = client.post(f"/uitwisseling/volg/{bad}/", {"action": "outcome", "outcome": "Ingebroken"})
        assert response.status_code == 403
        assert "Deze link is ongeldig" in response.content.decode()
    settings.EXCHANGE_LINK_DAYS = 0
    response = client.post(f"/uitwisseling/volg/{token}/", {"action": "remove", "confirm": "ja"})
    assert response.status_code == 403 and "verlopen" in response.content.decode()
    assert snapshot(joop_request) == before
    joop_request.refresh_from_db()
    assert joop_request.outcome == "" and joop_request.name == "Lies Verzoeker"


@pytest.mark.django_db
def test_the_requester_withdraws_and_their_data_is_removed_and_the_link_dies(joop_request, client):
    path = reverse("exchange-follow", args=[process.token_for(joop_request)])
    assert client.post(path, {"action": "remove"}).status_code == 400  # not confirmed: nothing happens
    assert snapshot(joop_request)[0] == "aangevraagd"
    response = client.post(path, {"action": "remove", "confirm": "ja"})
    assert response.status_code == 200 and "Uw gegevens zijn verwijderd" in response.content.decode()
    joop_request.refresh_from_db()
    assert joop_request.state == "ingetrokken" and joop_request.personal_data_removed
    assert (joop_request.name, joop_request.email, joop_request.message) == ("", "", "")
    assert client.get(path).status_code == 403


@pytest.mark.django_db
def test_requests_from_before_the_process_keep_their_data_and_become_requested(network):
    """The data migration's rule, on a request stored as before (no step, no state of its own)."""
    from importlib import import_module

    from django.apps import apps

    exchange = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"), name="Oud", organisation="O", email="oud@example.nl", message="Oud."
    )
    ExchangeRequest.objects.filter(pk=exchange.pk).update(state="", initiative_region=None)
    migration = import_module("exchange.migrations.0003_existing_requests_become_exchanges")
    migration.forwards(apps, None)
    exchange.refresh_from_db()
    assert exchange.state == "aangevraagd" and exchange.name == "Oud" and exchange.message == "Oud."
    assert exchange.initiative_region.slug == "zeeland"
    assert exchange.steps.get().at == exchange.created_at


@pytest.mark.django_db
def test_retention_counts_from_the_last_step_and_a_held_exchange_stays_counted_without_personal_data(
    joop_request, joop_coordinator, settings
):
    import io

    from django.core.management import call_command
    from django.utils import timezone

    settings.EXCHANGE_RETENTION_DAYS = 30
    _hold(joop_request, joop_coordinator)
    old = timezone.now() - datetime.timedelta(days=40)
    ExchangeRequest.objects.filter(pk=joop_request.pk).update(created_at=old)
    call_command("purge_exchange_requests", stdout=io.StringIO())
    joop_request.refresh_from_db()
    assert joop_request.name == "Lies Verzoeker"  # its last step is recent: kept whole
    joop_request.steps.update(at=old)
    out = io.StringIO()
    call_command("purge_exchange_requests", stdout=out)
    joop_request.refresh_from_db()
    assert joop_request.personal_data_removed and joop_request.email == "" and joop_request.held_on
    assert "1 gehouden uitwisseling(en) zonder persoonsgegevens" in out.getvalue()
    assert ExchangeRequest.objects.held().filter(pk=joop_request.pk).exists()


@pytest.mark.django_db
def test_a_held_exchange_reaches_the_cached_profiles_at_once(
    joop_request, joop_coordinator, client, settings, network, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 3600
    kees = network.initiative("kees")
    assert "Uitgewisseld met" not in client.get(kees.url).content.decode()  # now in the shared page cache
    with django_capture_on_commit_callbacks(execute=True):
        _hold(joop_request, joop_coordinator)
    assert "Uitgewisseld met: JOOP (Zeeland)." in client.get(kees.url).content.decode()
    joop = client.get(network.initiative("joop").url).content.decode()
    assert "Via dit platform is 1 uitwisseling met dit initiatief gehouden, met 1 regio." in joop
    assert "Uitgewisseld met: KEES (Noord-Nederland)." in joop


@pytest.mark.django_db
def test_the_editor_sees_every_move_with_labelled_fields_and_the_requesters_address(joop_request, editor_client):
    html = editor_client.get(reverse("exchange_requests:inspect", args=[joop_request.pk])).content.decode()
    assert "lies@example.nl" in html
    for label in ("Accepteren", "Doorsturen naar een ander initiatief", "Afsluiten"):
        assert f'<legend class="w-h4">{label}</legend>' in html
    for field_id in re.findall(r'<(?:select|textarea|input)[^>]* id="(id_[a-z_]+_\d+)"', html):
        assert f'for="{field_id}"' in html, field_id


@pytest.mark.django_db
def test_a_requester_whose_link_expired_gets_a_new_one_by_mail_and_nobody_learns_who_asked(
    joop_request, client, settings
):
    settings.EXCHANGE_LINK_DAYS = 0
    expired = client.get(reverse("exchange-follow", args=[process.token_for(joop_request)]))
    assert expired.status_code == 403
    assert reverse("exchange-new-link") in expired.content.decode()
    settings.EXCHANGE_LINK_DAYS = 90
    mail.outbox.clear()

    known = client.post(reverse("exchange-new-link"), {"email": "LIES@example.nl"})
    unknown = client.post(reverse("exchange-new-link"), {"email": "iemand@example.nl"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content, "the answer does not tell whether the address asked for an exchange"
    assert [message.to for message in mail.outbox] == [["lies@example.nl"]]
    new_link = re.search(r"https?://\S+/uitwisseling/volg/\S+/", mail.outbox[0].body).group(0)
    assert client.get(urlsplit(new_link).path).status_code == 200, "the new link opens the exchange"

    assert client.post(reverse("exchange-new-link"), {"email": "geen adres"}).status_code == 400


@pytest.mark.django_db
def test_asking_for_new_links_counts_towards_the_rate_limit(joop_request, client, settings):
    settings.EXCHANGE_RATE_LIMIT = 2  # the request itself took the first place
    mail.outbox.clear()
    statuses = [client.post(reverse("exchange-new-link"), {"email": "lies@example.nl"}).status_code for _ in range(3)]
    assert statuses == [200, 429, 429]
    assert len(mail.outbox) == 1
