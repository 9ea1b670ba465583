"""Snippets, images, documents, collections and user management: every admin URL of those apps, read from
Wagtail's URL patterns, for a coordinator, an editor and an administrator."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from editorial.roles import initiative_collection
from network.models import Municipality, Organisation
from practices.models import Factor, Theme
from tests.editorial.conftest import client_for, make_user

from .matrix import is_refusal

SNIPPET_MODELS = {
    "wagtailsnippets_practices_theme": Theme,
    "wagtailsnippets_practices_factor": Factor,
    "wagtailsnippets_network_municipality": Municipality,
    "wagtailsnippets_network_organisation": Organisation,
}
MEDIA_NAMESPACES = ("wagtailimages", "wagtaildocs", "wagtailadmin_collections")
USER_NAMESPACES = ("wagtailusers_users", "wagtailusers_groups")
# What a coordinator needs for their own work: the listings and upload forms (which only offer their own
# collection) and the choosers used while editing a page.
COORDINATOR_MAY_OPEN = {
    "wagtailimages:index",
    "wagtailimages:index_results",
    "wagtailimages:add",
    "wagtailimages:add_multiple",
    "wagtaildocs:index",
    "wagtaildocs:index_results",
    "wagtaildocs:add",
    "wagtaildocs:add_multiple",
}
# The image URL generator needs Wagtail's dynamic image serve view, which config/urls.py does not switch on.
NOT_SWITCHED_ON = {"wagtailimages:url_generator", "wagtailimages:url_generator_output"}
# Views about an upload in progress (a temporary UploadedFile of the user's own), not about existing items.
NEEDS_AN_UPLOAD = {"uploaded_file_id"}


def admin_urls(namespaces):
    """(name, route kwargs) for every URL pattern in the given namespaces."""
    found = []
    resolver = get_resolver()

    def walk(patterns, namespace):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif namespace in namespaces and pattern.name:
                found.append((f"{namespace}:{pattern.name}", sorted(pattern.pattern.converters)))

    walk(resolver.url_patterns, None)
    return found


@pytest.fixture
def media(network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    other = network.initiative("kenniscentrum-kind-en-scheiding")
    collection = initiative_collection(other)
    image = get_image_model().objects.create(
        title="Foto van het Kenniscentrum", file=get_test_image_file(), collection=collection
    )
    document = get_document_model().objects.create(
        title="Verslag van het Kenniscentrum", file=ContentFile(b"verslag", name="verslag.txt"), collection=collection
    )
    return {"image": image, "document": document, "collection": collection}


def url_for(name, kwarg_names, media):
    namespace = name.split(":")[0]
    values = {}
    for kwarg in kwarg_names:
        if kwarg in ("image_id",) or (kwarg == "pk" and namespace.startswith("wagtailimages")):
            values[kwarg] = media["image"].pk
        elif kwarg in ("document_id", "doc_id") or (kwarg == "pk" and namespace.startswith("wagtaildocs")):
            values[kwarg] = media["document"].pk
        elif kwarg in ("collection_id",) or (kwarg == "pk" and namespace == "wagtailadmin_collections"):
            values[kwarg] = media["collection"].pk
        elif kwarg == "filter_spec":
            values[kwarg] = "original"
        elif kwarg == "pk" and namespace in SNIPPET_MODELS:
            values[kwarg] = SNIPPET_MODELS[namespace].objects.order_by("pk").first().pk
        elif kwarg == "pk" and namespace == "wagtailusers_users":
            values[kwarg] = make_user().pk
        elif kwarg == "pk" and namespace == "wagtailusers_groups":
            values[kwarg] = Group.objects.order_by("pk").first().pk
        else:
            raise AssertionError(f"Give {name} a value for {kwarg} in this test")
    return reverse(name, kwargs=values)


def snapshot():
    return (
        [(model.__name__, list(model.objects.order_by("pk").values_list())) for model in SNIPPET_MODELS.values()],
        list(get_image_model().objects.order_by("pk").values_list("pk", "title", "collection")),
        list(get_document_model().objects.order_by("pk").values_list("pk", "title", "collection")),
        list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        list(Group.objects.order_by("pk").values_list("pk", "name")),
    )


def visit_all(client, namespaces, media, skip=frozenset(), post=True):
    """GET (and POST) every URL; returns {(name, method): response}."""
    answers = {}
    for name, kwarg_names in admin_urls(namespaces):
        if name in skip or NEEDS_AN_UPLOAD & set(kwarg_names):
            continue
        url = url_for(name, kwarg_names, media)
        answers[(name, "GET")] = client.get(url, follow=True)
        if post:
            answers[(name, "POST")] = client.post(
                url, {"title": "Gewijzigd", "name": "Gewijzigd", "label": "Gewijzigd"}
            )
    return answers


@pytest.mark.django_db
def test_a_coordinator_cannot_touch_snippets_other_collections_or_users(media, coordinator):
    client = client_for(coordinator)
    before = snapshot()
    namespaces = (*SNIPPET_MODELS, *MEDIA_NAMESPACES, *USER_NAMESPACES)
    answers = visit_all(client, namespaces, media, skip=COORDINATOR_MAY_OPEN)
    assert len(answers) > 60
    successes = [(name, method, r.status_code) for (name, method), r in answers.items() if not is_refusal(r)]
    assert successes == [], successes
    assert snapshot() == before


@pytest.mark.django_db
def test_a_coordinator_sees_only_their_own_collection(media, coordinator):
    client = client_for(coordinator)
    for url in ("/admin/images/", "/admin/documents/", "/admin/images/chooser/", "/admin/documents/chooser/"):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "Kenniscentrum" not in content, url


@pytest.mark.django_db
def test_an_editor_manages_snippets_and_media_but_not_users(media, editor):
    client = client_for(editor)
    answers = visit_all(client, (*SNIPPET_MODELS, *MEDIA_NAMESPACES), media, skip=NOT_SWITCHED_ON, post=False)
    # 405: a view that only answers the upload form's POST.
    refused = [(name, r.status_code) for (name, _), r in answers.items() if is_refusal(r) and r.status_code != 405]
    assert refused == [], refused
    user_answers = visit_all(client, USER_NAMESPACES, media)
    allowed = [(name, method) for (name, method), r in user_answers.items() if not is_refusal(r)]
    assert allowed == [], allowed


@pytest.mark.django_db
def test_an_administrator_manages_users_and_groups(media, administrator):
    client = client_for(administrator)
    for url in ("/admin/users/", "/admin/users/new/", "/admin/groups/", "/admin/groups/new/"):
        assert client.get(url).status_code == 200, url
    assert is_refusal(client.get("/admin/snippets/practices/theme/add/", follow=True))
