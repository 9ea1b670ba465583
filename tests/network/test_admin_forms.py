"""Editors create each page type through the Wagtail admin's real forms, and bad input gets form errors."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from network.models import InitiativePage, Municipality, NetworkIndexPage, Organisation, RegionPage, UpdatePage
from practices.models import Factor, PracticePage, Theme


def sources(*sections):
    return inline_formset(
        [
            {"citation": "Betere samenwerking bij vechtscheidingen (2018)", "section": section, "note": ""}
            for section in sections
        ]
    )


@pytest.mark.django_db
class TestCreateThroughAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()

    def test_region(self):
        network = NetworkIndexPage.objects.get()
        self.assertCanCreate(
            network,
            RegionPage,
            nested_form_data(
                {
                    "title": "Regio Test",
                    "slug": "regio-test",
                    "label_en": "Test region",
                    "provinces": "Utrecht",
                    "intro": "Een regio.",
                    "sources": sources("§3.2"),
                }
            ),
        )

    def test_initiative_with_partners_factors_lessons_contacts_and_sources(self):
        region = RegionPage.objects.get(slug="zeeland")
        organisation = Organisation.objects.first()
        factor = Factor.objects.get(slug="leiderschap")
        data = nested_form_data(
            {
                "title": "Nieuw Zeeuws initiatief",
                "slug": "nieuw-zeeuws-initiatief",
                "summary": "Samenwerking in Zeeland.",
                "level": "regionaal",
                "status": "plan",
                "coordinator": "De gemeente",
                "meeting_rhythm": "Elke zes weken",
                "steering_group": "",
                "sub_working_groups": "",
                "desk_form": "persoon",
                "intensity": "expertise-uitwisselen",
                "website": "",
                "partners": inline_formset([{"organisation": organisation.pk, "shell": "1", "note": ""}]),
                "contacts": inline_formset(
                    [{"name": "A. Jansen", "role": "coördinator", "organisation": "", "email": "a@example.org"}]
                ),
                "factors": inline_formset([{"factor": factor.pk, "note": "Een trekker"}]),
                "lessons": inline_formset([{"text": "Begin klein.", "section": "§4.5"}]),
                "body": streamfield([("paragraph", rich_text("<p>Tekst</p>"))]),
                "last_confirmed": "2026-11-01",
                "sources": sources("§4.1.2.3"),
            }
        )
        # Multiple-select values are lists; nested_form_data would number them like formset rows.
        data["municipalities"] = [Municipality.objects.get(name="Zoetermeer").pk]
        data["themes"] = [Theme.objects.get(slug="casusoverleg").pk]
        self.assertCanCreate(region, InitiativePage, data)
        created = InitiativePage.objects.get(slug="nieuw-zeeuws-initiatief")
        assert created.contacts.get().email == "a@example.org"
        assert created.factors.get().factor == factor
        assert [m.name for m in created.municipalities.all()] == ["Zoetermeer"]

    def test_practice_with_themes_factors_tags_and_choices(self):
        initiative = InitiativePage.objects.get(slug="joop")
        data = nested_form_data(
            {
                "title": "Een loket in één persoon",
                "slug": "loket-in-een-persoon",
                "kind": "praktijk",
                "summary": "Eén aanspreekpunt.",
                "body": streamfield([("paragraph", rich_text("<p>Tekst</p>"))]),
                "tags": "aanspreekpunt, rechtbank",
                "maturity": "pilot",
                "results": "",
                "lessons": "",
                "contact": "",
                "sources": sources("§4.1.2.3"),
            }
        )
        data["themes"] = [Theme.objects.get(slug="echtscheidingsloket").pk]
        data["factors"] = [Factor.objects.get(slug="leiderschap").pk]
        data["target_groups"] = ["ouders", "professionals"]
        data["disciplines"] = ["gemeente", "recht"]
        self.assertCanCreate(initiative, PracticePage, data)
        created = PracticePage.objects.get(slug="loket-in-een-persoon")
        assert set(created.themes.values_list("slug", flat=True)) == {"echtscheidingsloket"}
        assert created.target_groups == ["ouders", "professionals"]
        assert created.disciplines == ["recht", "gemeente"]
        assert set(created.tags.names()) == {"aanspreekpunt", "rechtbank"}

    def test_update(self):
        initiative = InitiativePage.objects.get(slug="joop")
        self.assertCanCreate(
            initiative,
            UpdatePage,
            nested_form_data(
                {
                    "title": "Congres",
                    "slug": "congres",
                    "date": "2026-10-01",
                    "event_date": "2026-12-01",
                    "intro": "Een congres.",
                    "body": streamfield([]),
                    "sources": sources(),
                }
            ),
        )

    def test_a_practice_cannot_be_added_under_a_practice(self):
        practice = PracticePage.objects.live().first()
        response = self.client.get(f"/admin/pages/add/practices/practicepage/{practice.pk}/")
        # Wagtail answers a forbidden page type with a redirect and an error message, never with the form.
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"

    def test_an_over_long_title_and_an_invalid_slug_get_form_errors_and_keep_saved_content(self):
        practice = PracticePage.objects.live().first()
        original_title = practice.title
        data = nested_form_data(
            {
                "title": "x" * 300,
                "slug": "geen geldige slug!",
                "kind": "praktijk",
                "summary": "s",
                "body": streamfield([]),
                "tags": "",
                "maturity": "",
                "results": "",
                "lessons": "",
                "contact": "",
                "sources": sources(),
            }
        )
        response = self.client.post(f"/admin/pages/{practice.pk}/edit/", data)
        assert response.status_code == 200
        assert response.context["form"].errors.keys() >= {"title", "slug"}
        practice.refresh_from_db()
        assert practice.title == original_title

    def test_the_slug_of_a_theme_cannot_be_renamed(self):
        theme = Theme.objects.get(slug="casusoverleg")
        response = self.client.post(
            f"/admin/snippets/practices/theme/edit/{theme.pk}/",
            {"label": "Casusoverleg (nieuw)", "slug": "iets-anders", "label_en": "", "description": ""},
        )
        assert response.status_code == 302
        theme.refresh_from_db()
        assert theme.slug == "casusoverleg"
        assert theme.label == "Casusoverleg (nieuw)"

    def test_editors_can_add_a_theme(self):
        response = self.client.post(
            "/admin/snippets/practices/theme/add/",
            {"label": "Ouderschapsplan", "slug": "ouderschapsplan", "label_en": "", "description": ""},
        )
        assert response.status_code == 302
        assert Theme.objects.filter(slug="ouderschapsplan").exists()

    def test_the_slug_of_a_published_initiative_stays(self):
        initiative = InitiativePage.objects.get(slug="joop")
        form_class = InitiativePage.get_edit_handler().get_form_class()
        form = form_class(
            nested_form_data({"title": "JOOP", "slug": "joop-nieuw", "body": streamfield([])}),
            instance=initiative,
            for_user=self.user,
            parent_page=initiative.get_parent(),
        )
        assert not form.is_valid()
        assert "vaste sleutel" in " ".join(form.errors["slug"])
