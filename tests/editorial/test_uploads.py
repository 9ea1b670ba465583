"""A coordinator's upload is private until a page that uses it is published: the outside probe's reproduction
through the admin's real upload form, the public API v2 and the document serve view, with real role accounts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import rich_text

from editorial.roles import initiative_collection
from practices.models import PracticePage
from tests.editorial.conftest import client_for, coordinators_of, make_user

from .helpers import page_form_data
from .test_workflow import current_task_state

PDF = b"%PDF-1.4\n% verslag van JOOP\n%%EOF\n"


@pytest.fixture
def joop_coordinator(db):
    return make_user(coordinators_of("joop"), email="coordinator.joop@example.org")


@pytest.fixture
def uploaded(network, joop_coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = initiative_collection(network.initiative("joop"))
    response = client_for(joop_coordinator).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Verslag casusoverleg",
            "file": SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf"),
            "collection": collection.pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return get_document_model().objects.get(title="Verslag casusoverleg")


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


@pytest.mark.django_db
def test_a_coordinators_upload_is_neither_listed_nor_served_to_readers(uploaded):
    reader = Client()
    listing = reader.get("/api/v2/documents/").json()
    assert uploaded.pk not in [item["id"] for item in listing["items"]]
    assert reader.get(f"/api/v2/documents/{uploaded.pk}/").status_code == 404
    assert reader.get(serve_url(uploaded)).status_code == 404


@pytest.mark.django_db
def test_its_coordinator_and_the_editors_can_open_it_another_coordinator_cannot(uploaded, joop_coordinator, editor):
    assert client_for(joop_coordinator).get(serve_url(uploaded)).status_code == 200
    assert client_for(editor).get(serve_url(uploaded)).status_code == 200
    neighbour = make_user(coordinators_of("kees"))
    assert client_for(neighbour).get(serve_url(uploaded)).status_code == 404


@pytest.mark.django_db
def test_it_becomes_public_when_an_editor_approves_a_page_that_links_it(
    uploaded, joop_coordinator, editor, network, django_capture_on_commit_callbacks
):
    practice = PracticePage.objects.child_of(network.initiative("joop")).live().first()
    link = f'<p>Zie <a linktype="document" id="{uploaded.pk}">het verslag</a>.</p>'
    data = page_form_data(practice, joop_coordinator)
    data.update(
        {"body-count": "1", "body-0-type": "paragraph", "body-0-deleted": "", "body-0-order": "0", "body-0-id": ""}
    )
    data["body-0-value"] = rich_text(link)
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(joop_coordinator).post(edit_url, {**data, "action-submit": "1"})
    assert response.status_code == 302
    # Submitted is not published: still private.
    assert Client().get(serve_url(uploaded)).status_code == 404

    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", current_task_state(practice).pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(editor).post(approve_url, {"comment": ""}).status_code == 302

    reader = Client()
    assert reader.get(serve_url(uploaded)).status_code == 200
    assert uploaded.pk in [item["id"] for item in reader.get("/api/v2/documents/").json()["items"]]


@pytest.mark.django_db
def test_the_admin_api_lists_a_coordinator_only_their_own_collections_files(
    uploaded, joop_coordinator, editor, network
):
    other = get_image_model().objects.create(
        title="Foto van KEES", file=get_test_image_file(), collection=initiative_collection(network.initiative("kees"))
    )
    own = client_for(joop_coordinator)
    documents = [item["id"] for item in own.get("/admin/api/main/documents/").json()["items"]]
    images = [item["id"] for item in own.get("/admin/api/main/images/").json()["items"]]
    assert documents == [uploaded.pk]
    assert other.pk not in images
    assert own.get(f"/admin/api/main/images/{other.pk}/").status_code == 404
    assert other.pk in [item["id"] for item in client_for(editor).get("/admin/api/main/images/").json()["items"]]
    # No live page uses the image: the public API does not list it.
    assert other.pk not in [item["id"] for item in Client().get("/api/v2/images/").json()["items"]]
    assert Client().get(f"/api/v2/images/{other.pk}/").status_code == 404
