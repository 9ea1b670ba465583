"""What the public sees: no drafts, previews or private pages anywhere; the editors' featured practices and
theme dossiers on the home page; and bad input in the editorial forms."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from editorial.models import DossierPractice, ThemeDossierPage
from home.models import HomeFeaturedPractice
from network.models import UpdatePage
from practices.models import PracticePage
from tests.editorial.conftest import client_for
from tests.factories import add_practice

SECRET_WORD = "zwijgplicht"
PRIVATE_WORD = "zwijgkamerprotocol"


@pytest.fixture
def hidden(network):
    """A draft practice, a published practice with unpublished changes, and a password-protected practice."""
    initiative = network.initiative("kees")
    draft = add_practice(initiative, title=f"Concept over de {SECRET_WORD}", publish=False)
    changed = add_practice(initiative, title="Gepubliceerde praktijk")
    changed.title = f"Gewijzigd: {SECRET_WORD}sversie"
    changed.save_revision()
    private = add_practice(initiative, title=f"Besloten {PRIVATE_WORD}swerkwijze")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    return {"draft": draft, "changed": changed, "private": private}


@pytest.mark.django_db
def test_anonymous_visitors_never_see_drafts_or_private_pages(hidden):
    client = Client()
    assert client.get(hidden["draft"].url).status_code == 404
    assert SECRET_WORD not in client.get(hidden["changed"].url).content.decode()
    private = client.get(hidden["private"].url)
    assert private.status_code == 200 and PRIVATE_WORD not in private.content.decode()
    for page in hidden.values():
        for name in ("wagtailadmin_pages:view_draft", "wagtailadmin_pages:preview_on_edit"):
            response = client.get(reverse(name, args=[page.pk]))
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


LISTINGS = [
    "/",
    "/netwerk/noord-nederland/kees/",
    "/netwerk/noord-nederland/",
    "/praktijken/",
    "/zoeken/?q=Concept",
    "/zoeken/?q=Besloten",
    "/api/v1/search/?q=Concept",
    "/api/v1/search/?q=Besloten",
    "/api/v1/search/?limit=100",
    "/api/v1/search/suggest/?q=Concept",
    "/api/v1/search/suggest/?q=Besloten",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTINGS)
def test_no_listing_or_search_shows_a_draft(hidden, path):
    assert SECRET_WORD not in Client().get(path).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTINGS)
def test_no_listing_or_search_shows_a_private_page(hidden, path):
    assert PRIVATE_WORD not in Client().get(path).content.decode()


@pytest.mark.django_db
def test_the_home_page_shows_featured_practices_first_and_the_dossiers(network, client):
    home = network.home
    practice = PracticePage.objects.live().get(slug="joop-persoon-als-aanspreekpunt")
    draft = add_practice(network.initiative("kees"), title="Niet uitlichten: concept", publish=False)
    home.featured_practices = [HomeFeaturedPractice(practice=practice), HomeFeaturedPractice(practice=draft)]
    home.save_revision().publish()
    content = client.get("/").content.decode()
    featured = content.split('id="uitgelicht"')[1].split("</section>")[0]
    assert practice.title in featured
    assert "Niet uitlichten" not in content
    assert content.index('id="uitgelicht"') < content.index('id="recente-praktijken"')
    assert "Het echtscheidingsloket: wel of niet?" in content.split('id="themadossiers"')[1]


@pytest.mark.django_db
def test_the_example_dossier_brings_practices_from_several_regions(network, client):
    dossier = ThemeDossierPage.objects.live().get(slug="echtscheidingsloket-wel-of-niet")
    practices = [entry.practice for entry in dossier.live_entries()]
    regions = {practice.place.region.slug for practice in practices if practice.place.region}
    assert len(regions) >= 3
    assert all("echtscheidingsloket" in practice.themes.values_list("slug", flat=True) for practice in practices)
    response = client.get(dossier.url)
    assert response.status_code == 200
    for practice in practices:
        assert practice.title in response.content.decode()


@pytest.mark.django_db
def test_a_dossier_hides_a_practice_that_was_unpublished(network, client):
    dossier = ThemeDossierPage.objects.get(slug="echtscheidingsloket-wel-of-niet")
    entry = dossier.dossier_practices.first()
    entry.practice.unpublish()
    assert entry.practice.title not in client.get(dossier.url).content.decode()


def dossier_data(**changes):
    data = {
        "title": "Ouderschapsplan: samen of apart?",
        "slug": "ouderschapsplan-samen-of-apart",
        "intro": rich_text("<p>Een dossier.</p>"),
        "dossier_practices": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.django_db
def test_an_editor_writes_a_dossier_through_the_admin(network, editor):
    practice = PracticePage.objects.live().first()
    data = dossier_data(dossier_practices=inline_formset([{"practice": practice.pk, "note": "Lees dit eerst."}]))
    url = reverse("wagtailadmin_pages:add", args=["editorial", "themedossierpage", network.home.pk])
    response = client_for(editor).post(url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    dossier = ThemeDossierPage.objects.get(slug="ouderschapsplan-samen-of-apart")
    assert dossier.live
    assert [(entry.practice_id, entry.note) for entry in dossier.dossier_practices.all()] == [
        (practice.pk, "Lees dit eerst.")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": "x" * 300}, "title"),
        ({"slug": "geen geldige slug!"}, "slug"),
        ({"dossier_practices": inline_formset([])}, None),  # a dossier needs at least one practice
    ],
)
def test_bad_input_in_a_dossier_gets_form_errors(network, editor, changes, field):
    url = reverse("wagtailadmin_pages:add", args=["editorial", "themedossierpage", network.home.pk])
    response = client_for(editor).post(url, dossier_data(**changes))
    assert response.status_code == 200
    assert not ThemeDossierPage.objects.filter(title__startswith="Ouderschapsplan").exists()
    if field:
        assert field in response.context["form"].errors


@pytest.mark.django_db
def test_a_dossier_accepts_only_practices(network, editor):
    update = UpdatePage.objects.first()
    data = dossier_data(dossier_practices=inline_formset([{"practice": update.pk, "note": ""}]))
    url = reverse("wagtailadmin_pages:add", args=["editorial", "themedossierpage", network.home.pk])
    response = client_for(editor).post(url, data)
    assert response.status_code == 200
    assert not DossierPractice.objects.filter(practice_id=update.pk).exists()


@pytest.mark.django_db
def test_a_coordinator_cannot_put_a_practice_under_another_initiative_or_a_dossier(network, coordinator):
    client = client_for(coordinator)
    for parent in (network.initiative("kees"), ThemeDossierPage.objects.first(), network.home):
        url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", parent.pk])
        response = client.post(url, {"title": "Verkeerde plek", "slug": "verkeerde-plek"})
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert not PracticePage.objects.filter(slug="verkeerde-plek").exists()


@pytest.mark.django_db
def test_over_long_profile_fields_keep_the_saved_profile(network, coordinator):
    from .helpers import page_form_data

    initiative = network.initiative("scheidingspunt")
    before = initiative.get_latest_revision().pk
    data = page_form_data(initiative, coordinator, meeting_rhythm="x" * 300, website="geen-url")
    response = client_for(coordinator).post(reverse("wagtailadmin_pages:edit", args=[initiative.pk]), data)
    assert response.status_code == 200
    assert {"meeting_rhythm", "website"} <= response.context["form"].errors.keys()
    assert initiative.get_latest_revision().pk == before


@pytest.mark.django_db
def test_deleting_a_region_with_municipalities_is_refused_with_a_message(network, editor):
    region = network.region("haaglanden")  # Zoetermeer, named by the study
    response = client_for(editor).post(reverse("wagtailadmin_pages:delete", args=[region.pk]), follow=True)
    assert response.status_code == 200
    assert "gemeenten" in response.content.decode()
    assert type(region).objects.filter(pk=region.pk).exists()
