"""Rendered pages kept in the shared cache for anonymous readers, and never shown after the content changed."""

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticePage, Theme

PROFILE = "/netwerk/noord-nederland/kees/"


@pytest.mark.django_db
def test_a_kept_page_is_the_same_page(client, network, kept_pages):
    rendered = client.get(PROFILE)
    kept = client.get(PROFILE)
    assert kept.status_code == 200
    assert kept.content == rendered.content
    assert kept["Content-Security-Policy"] == rendered["Content-Security-Policy"]


@pytest.mark.django_db
def test_publishing_a_practice_shows_on_its_initiative_at_once(client, network, kept_pages):
    client.get(PROFILE)
    practice = PracticePage.objects.child_of(network.initiative("kees")).live().first()
    practice.title = "Een geheel nieuwe titel"
    practice.save_revision().publish()
    assert "Een geheel nieuwe titel" in client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_an_edited_theme_shows_on_the_pages_that_name_it(client, network, kept_pages):
    practice = PracticePage.objects.live().filter(themes__isnull=False).first()
    client.get(practice.url)
    theme = practice.themes.first()
    theme.label = "Hernoemd thema"
    theme.save()
    assert Theme.objects.filter(label="Hernoemd thema").exists()
    assert "Hernoemd thema" in client.get(practice.url).content.decode()


@pytest.mark.django_db
def test_a_filtered_listing_is_never_answered_with_the_kept_unfiltered_one(client, network, kept_pages):
    everything = client.get("/praktijken/").content.decode()
    client.get("/praktijken/")
    filtered = client.get("/praktijken/?theme=casusoverleg").content.decode()
    assert filtered.count('class="card__title"') < everything.count('class="card__title"')


@pytest.mark.django_db
def test_a_page_behind_a_password_is_never_kept(client, network, kept_pages):
    practice = PracticePage.objects.live().first()
    PageViewRestriction.objects.create(page=practice, restriction_type="password", password="geheim-2026")
    for _ in range(2):
        response = client.get(practice.url)
        assert response.status_code == 200
        assert practice.title not in response.content.decode(), "the password form, not the practice"
        assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_a_draft_keeps_the_kept_pages_and_publishing_it_renews_them(client, network, kept_pages):
    from core.page_cache import content_version

    client.get(PROFILE)
    before = content_version()
    kees = network.initiative("kees")
    kees.summary = "Een concept dat nog niemand mag zien."
    kees.save_revision()  # what "Bewaar concept" and every autosave do
    assert content_version() == before, "a draft changes nothing readers see"
    assert "Een concept dat nog niemand mag zien." not in client.get(PROFILE).content.decode()
    kees.get_latest_revision().publish()
    assert "Een concept dat nog niemand mag zien." in client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_a_confirmed_profile_shows_its_date_at_once(client, network, kept_pages, django_capture_on_commit_callbacks):
    from django.urls import reverse
    from django.utils import dateformat, timezone

    from tests.editorial.conftest import client_for, coordinators_of, make_user

    assert "Nog niet bevestigd door het initiatief" in client.get(PROFILE).content.decode()
    coordinator = client_for(make_user(coordinators_of("kees"), email="coordinator@kees.example"))
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("editorial_confirm_profile", args=[network.initiative("kees").pk]), {"fields": []})
    html = client.get(PROFILE).content.decode()
    assert "Nog niet bevestigd door het initiatief" not in html
    assert dateformat.format(timezone.localdate(), "Y-m-d") in html
