"""A coordinator can do their job: keep the initiative current, add practices, upload into their collection, and
submit for review; they cannot publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from editorial.roles import initiative_collection
from network.models import InitiativePage
from practices.models import PracticePage
from tests.editorial.conftest import client_for

from .helpers import page_form_data
from .test_workflow import new_practice_data


@pytest.mark.django_db
def test_a_coordinator_edits_their_initiative_and_submits_it(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    live_summary = initiative.summary
    client = client_for(coordinator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    assert client.get(edit_url).status_code == 200

    data = page_form_data(initiative, coordinator, summary="Scheidingspunt helpt ouders in heel Haaglanden.")
    response = client.post(edit_url, {**data, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors if response.context else None

    initiative = InitiativePage.objects.get(pk=initiative.pk)
    assert initiative.summary == live_summary, "the live profile changes only after review"
    assert initiative.get_latest_revision_as_object().summary.startswith("Scheidingspunt helpt")
    assert WorkflowState.objects.for_instance(initiative).active().exists()
    # Nothing else of the profile was lost on the way through the form.
    draft = initiative.get_latest_revision_as_object()
    assert len(draft.body) == len(initiative.body)
    assert draft.partners.count() == initiative.partners.count()
    assert [source.section for source in draft.sources.all()] == [source.section for source in initiative.sources.all()]


@pytest.mark.django_db
def test_a_coordinator_cannot_publish_even_when_asking_to(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    client = client_for(coordinator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    data = page_form_data(initiative, coordinator, summary="Direct gepubliceerd?")
    client.post(edit_url, {**data, "action-publish": "1"})
    assert InitiativePage.objects.get(pk=initiative.pk).summary != "Direct gepubliceerd?"
    assert client.get(initiative.url).content.decode().count("Direct gepubliceerd?") == 0

    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    client.post(add_url, {**new_practice_data(), "action-publish": "1"})
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    assert not practice.live


@pytest.mark.django_db
def test_a_coordinator_adds_a_practice_under_their_initiative(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    client = client_for(coordinator)
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    response = client.post(add_url, new_practice_data())  # save as draft
    assert response.status_code == 302
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    assert practice.get_parent().pk == initiative.pk
    assert practice.owner == coordinator
    assert not practice.live


def png():
    return SimpleUploadedFile("loket.png", get_test_image_file().file.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_a_coordinator_uploads_into_their_own_collection_only(network, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    own = initiative_collection(network.initiative("scheidingspunt"))
    other = initiative_collection(network.initiative("kenniscentrum-kind-en-scheiding"))
    client = client_for(coordinator)

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Het loket", "file": png(), "collection": own.pk, "tags": ""},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert get_image_model().objects.get(title="Het loket").collection == own

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Bij de buren", "file": png(), "collection": other.pk, "tags": ""},
    )
    assert not get_image_model().objects.filter(title="Bij de buren", collection=other).exists()

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Folder", "file": SimpleUploadedFile("folder.pdf", b"%PDF-1.4"), "collection": own.pk, "tags": ""},
    )
    assert response.status_code == 302, response.context["form"].errors
