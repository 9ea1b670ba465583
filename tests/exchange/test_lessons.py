"""Lessons back: from a held exchange either side drafts a lesson, reviewed as every page, that then says where it
came from on its own page, on both profiles and on /uitwisselingen/, and is found by search."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from editorial.roles import EDITORS
from exchange.models import ExchangeLesson, ExchangeRequest
from practices.models import PracticePage, Theme
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.editorial.helpers import page_form_data
from tests.editorial.test_workflow import current_task_state


@pytest.fixture
def held_exchange(network):
    exchange = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"),
        sender_initiative=network.initiative("kees"),
        name="Lies Verzoeker",
        organisation="Gemeente Leeuwarden",
        email="lies@example.nl",
        message="Hoe zette u het loket op?",
        theme=Theme.objects.get(slug="echtscheidingsloket"),
    )
    ExchangeRequest.objects.filter(pk=exchange.pk).update(state="uitkomst", held_on=datetime.date(2026, 10, 1))
    exchange.refresh_from_db()
    return exchange


def draft(client, exchange):
    return client.post(reverse("exchange_lesson", args=[exchange.pk]))


@pytest.mark.django_db
def test_either_side_drafts_a_lesson_under_its_own_initiative(held_exchange, network):
    asked = client_for(make_user(coordinators_of("joop")))
    response = draft(asked, held_exchange)
    lesson = ExchangeLesson.objects.get(exchange=held_exchange)
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[lesson.page.pk]
    )
    assert lesson.page.get_parent().pk == network.initiative("joop").pk
    assert not lesson.page.live and lesson.page.kind == "les"
    assert lesson.page.title == "Les uit de uitwisseling met KEES"

    asking = client_for(make_user(coordinators_of("kees")))
    # The asking initiative's coordinators see the held exchange (read-only) and draft under KEES.
    detail = asking.get(reverse("exchange_requests:inspect", args=[held_exchange.pk])).content.decode()
    assert "Les opstellen" in detail and "lies@example.nl" not in detail
    draft(asking, held_exchange)
    homes = {lesson.page.get_parent().slug for lesson in ExchangeLesson.objects.filter(exchange=held_exchange)}
    assert homes == {"joop", "kees"}


@pytest.mark.django_db
def test_nobody_else_and_no_exchange_that_was_not_held_gives_a_lesson(held_exchange, network):
    before = PracticePage.objects.count()
    assert draft(client_for(make_user(coordinators_of("bram"))), held_exchange).status_code == 404
    assert draft(Client(), held_exchange).status_code == 302  # to the login page
    ExchangeRequest.objects.filter(pk=held_exchange.pk).update(held_on=None, state="gepland")
    assert draft(client_for(make_user(coordinators_of("joop"))), held_exchange).status_code == 302
    # The sender's coordinators see nothing of an exchange that was not held.
    kees = client_for(make_user(coordinators_of("kees")))
    assert kees.get(reverse("exchange_requests:inspect", args=[held_exchange.pk])).status_code == 404
    assert PracticePage.objects.count() == before and not ExchangeLesson.objects.exists()


@pytest.mark.django_db
def test_a_reviewed_lesson_says_where_it_came_from_everywhere(
    held_exchange, network, django_capture_on_commit_callbacks
):
    coordinator = make_user(coordinators_of("joop"))
    draft(client_for(coordinator), held_exchange)
    page = ExchangeLesson.objects.get().page
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form_data(page, coordinator, title="Een loket in de bibliotheek", summary="Zo deelden wij het loket.")
    assert client_for(coordinator).post(edit_url, {**data, "action-submit": "1"}).status_code == 302
    page.refresh_from_db()
    assert not page.live  # submitted, not published: the editors review it
    task_state = current_task_state(page)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    editor = make_user(Group.objects.get(name=EDITORS))
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(editor).post(approve_url, {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live

    reader = Client()
    origin = "Uit een uitwisseling tussen JOOP (Zeeland) en KEES (Noord-Nederland) (1 oktober 2026)."
    assert origin in reader.get(page.url).content.decode()
    for slug in ("joop", "kees"):
        assert "Een loket in de bibliotheek" in reader.get(network.initiative(slug).url).content.decode()
    overview = reader.get("/uitwisselingen/").content.decode()
    assert "Een loket in de bibliotheek" in overview and "Lies Verzoeker" not in overview
    results = reader.get("/zoeken/", {"q": "loket bibliotheek"}).content.decode()
    assert "Een loket in de bibliotheek" in results


@pytest.mark.django_db
def test_a_lesson_behind_a_password_is_not_named_on_the_profiles(held_exchange, network):
    from wagtail.models import PageViewRestriction

    from exchange.process import draft_lesson

    page = draft_lesson(held_exchange, make_user(coordinators_of("joop")))
    page.title = "Besloten les uit de uitwisseling"
    page.save_revision().publish()
    assert "Besloten les uit de uitwisseling" in Client().get(network.initiative("kees").url).content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim-2026")
    for slug in ("joop", "kees"):
        assert "Besloten les uit de uitwisseling" not in Client().get(network.initiative(slug).url).content.decode()
