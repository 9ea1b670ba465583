"""What a coordinator and an editor meet in the admin, through its real views and forms (issue 16)."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState

from editorial.roles import WORKFLOW_NAME
from editorial.views import merge_tags, rename_tag
from home.models import HomePage
from network.models import InitiativePage
from practices.models import PracticePage
from tests.editorial.conftest import client_for
from tests.factories import add_practice, add_update

from .helpers import page_form_data


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__in=WorkflowState.objects.for_instance(page).active(), status="in_progress"
    )


@pytest.mark.django_db
def test_the_coordinators_form_offers_checkboxes_and_leaves_out_the_confirmation_date(network, coordinator, editor):
    initiative = network.initiative("scheidingspunt")
    url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    html = client_for(coordinator).get(url).content.decode()
    assert len(re.findall(r'<input type="checkbox" name="themes"', html)) >= 10
    assert re.search(r'<input type="checkbox" name="municipalities"', html)
    assert 'name="last_confirmed"' not in html
    assert "Vormgeving" not in html

    # The editor still sets the date by hand when needed.
    assert 'name="last_confirmed"' in client_for(editor).get(url).content.decode()


@pytest.mark.django_db
def test_a_coordinator_saving_without_the_date_keeps_it(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    InitiativePage.objects.filter(pk=initiative.pk).update(last_confirmed="2026-01-15")
    initiative.refresh_from_db()
    url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    data = page_form_data(initiative, coordinator, summary="Bijgewerkte samenvatting.")
    response = client_for(coordinator).post(url, {**data, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    latest = InitiativePage.objects.get(pk=initiative.pk).revisions.order_by("pk").last().as_object()
    assert latest.summary == "Bijgewerkte samenvatting."
    assert str(latest.last_confirmed) == "2026-01-15"


@pytest.mark.django_db
def test_submitting_for_review_is_the_coordinators_main_button_and_publishing_the_editors(network, coordinator, editor):
    url = reverse("wagtailadmin_pages:edit", args=[network.initiative("scheidingspunt").pk])

    def main_button(user):
        html = client_for(user).get(url).content.decode()
        footer = html[html.index('data-w-dropdown-theme-value="dropdown-button"') - 2000 :]
        return re.search(r'<button[^>]*name="(action-[a-z-]+)"', footer).group(1)

    assert main_button(coordinator) == "action-submit"
    assert main_button(editor) == "action-publish"


@pytest.mark.django_db
def test_the_approval_mail_carries_the_editors_comment(network, coordinator, editor):
    practice = add_practice(network.initiative("scheidingspunt"), title="Loket op zaterdag", publish=False)
    url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    response = client_for(coordinator).post(url, {**page_form_data(practice, coordinator), "action-submit": "1"})
    assert response.status_code == 302
    mail.outbox.clear()
    task_state = current_task_state(practice)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk])
    comment = "Mooi beschreven.\nZet er volgende keer ook de openingstijden bij."
    assert client_for(editor).post(approve_url, {"comment": comment}).status_code == 302
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    message = mail.outbox[0]
    assert "Zet er volgende keer ook de openingstijden bij." in message.body
    html = message.alternatives[0][0]
    assert "Mooi beschreven.<br>Zet er volgende keer" in html


@pytest.mark.django_db
def test_the_home_page_is_reviewed_in_the_editors_dutch_workflow(network):
    home = HomePage.objects.get()
    assert home.get_workflow().name == WORKFLOW_NAME
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW_NAME


@pytest.mark.django_db
def test_a_practice_cannot_be_featured_twice(network, editor):
    home = HomePage.objects.get()
    practice = PracticePage.objects.live().first()
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    rows = [{"practice": practice.pk}, {"practice": practice.pk}]
    data = page_form_data(home, editor)
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data.update(nested_form_data({"featured_practices": inline_formset(rows)}))
    response = client_for(editor).post(url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "Deze praktijk is hierboven al gekozen." in response.content.decode()
    html = client_for(editor).get(url).content.decode()
    assert "Kies elke praktijk één keer" in html


@pytest.mark.django_db
def test_old_tag_addresses_redirect_after_a_rename_and_a_merge(client, network, django_capture_on_commit_callbacks):
    practice = add_practice(network.initiative("joop"), title="Tolken aan tafel")
    practice.tags.add("tolken", "tolkdiensten")
    # Publishing and renaming reach the search index once committed, as on the site.
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
        rename_tag(Tag.objects.get(name="tolken"), "Tolk")
    response = client.get("/praktijken/?tag=tolken&region=zeeland")
    assert response.status_code == 301
    assert response["Location"] == "/praktijken/?tag=tolk&region=zeeland"
    assert client.get(response["Location"]).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        merge_tags(Tag.objects.get(name="tolkdiensten"), Tag.objects.get(slug="tolk"))
    feed = client.get("/feeds/rss/?tag=tolkdiensten")
    assert feed.status_code == 301 and feed["Location"] == "/feeds/rss/?tag=tolk"
    assert client.get(feed["Location"]).status_code == 200
    # A link to the first old slug still ends at the tag it became, in one step.
    assert client.get("/praktijken/?tag=tolken")["Location"] == "/praktijken/?tag=tolk"
    assert client.get("/praktijken/?tag=bestaat-niet").status_code == 404


@pytest.mark.django_db
def test_the_tag_list_can_be_searched(network, editor):
    response = client_for(editor).get(reverse("editorial_tags"), {"q": "advoca"})
    html = response.content.decode()
    assert response.status_code == 200
    names = re.findall(r'<td class="title"><a [^>]*>([^<]+)</a>', html)
    assert names and all("advoca" in name.lower() for name in names)


@pytest.mark.django_db
def test_the_unconfirmed_profiles_report_says_its_limit_and_offers_a_reminder(network, coordinator, editor):
    response = client_for(editor).get(reverse("editorial_stale_initiatives"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "langer dan zes maanden niet bevestigd, of nooit" in html
    assert "Coördinatoren (e-mail)" in html
    reminder = re.search(r'<a href="mailto:coordinator@scheidingspunt\.example\?([^"]+)">', html)
    assert reminder, "no reminder link for Scheidingspunt's coordinator"
    assert "subject=Is%20het%20profiel%20van%20Scheidingspunt%20nog%20actueel%3F" in reminder.group(1)


# --- Fields only the editors keep: the study's citations, where each fact comes from, and the slug -------------


def edit_form_html(user, page):
    return client_for(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["initiative", "practice", "update"])
def test_the_coordinators_form_has_no_citations_and_no_slug_and_the_editors_has(network, coordinator, editor, kind):
    initiative = network.initiative("scheidingspunt")
    page = {
        "initiative": initiative,
        "practice": PracticePage.objects.child_of(initiative).first(),
        "update": add_update(initiative),
    }[kind]
    assert page.sources.exists() or kind == "update"
    html = edit_form_html(coordinator, page)
    assert "sources-TOTAL_FORMS" not in html
    assert 'name="slug"' not in html
    assert "Bronnen (bijgehouden door de redactie)" not in html
    assert 'name="field_sections"' not in html

    html = edit_form_html(editor, page)
    assert "sources-TOTAL_FORMS" in html
    assert 'name="slug"' in html


@pytest.mark.django_db
def test_a_coordinators_crafted_post_changes_no_citation_no_provenance_and_no_slug(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    sources = list(initiative.sources.values_list("citation", "section"))
    sections = dict(initiative.field_sections)
    assert sources and sections
    data = page_form_data(initiative, coordinator, summary="Bijgewerkt door de coördinator.")
    crafted = {
        **data,
        "slug": "overgenomen",
        "field_sections": '{"status": "§9.9"}',
        "confirmed_fields": '{"status": "2026-01-01"}',
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-citation": "Verzonnen bron",
        "sources-0-section": "§1",
        "sources-0-ORDER": "1",
        "sources-0-DELETE": "",
        "action-submit": "1",
    }
    response = client_for(coordinator).post(reverse("wagtailadmin_pages:edit", args=[initiative.pk]), crafted)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    latest = InitiativePage.objects.get(pk=initiative.pk).get_latest_revision_as_object()
    assert latest.summary == "Bijgewerkt door de coördinator."
    assert latest.slug == "scheidingspunt"
    assert [(source.citation, source.section) for source in latest.sources.all()] == sources
    assert latest.field_sections == sections
    assert "status" not in latest.confirmed_fields


@pytest.mark.django_db
def test_an_editor_still_edits_the_citations(network, editor):
    initiative = network.initiative("scheidingspunt")
    data = page_form_data(initiative, editor)
    data["sources-0-section"] = "§3.2.1"
    response = client_for(editor).post(reverse("wagtailadmin_pages:edit", args=[initiative.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    latest = InitiativePage.objects.get(pk=initiative.pk).get_latest_revision_as_object()
    assert latest.sources.all()[0].section == "§3.2.1"


@pytest.mark.django_db
def test_a_coordinators_new_practice_takes_its_slug_from_its_title(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    html = client_for(coordinator).get(url).content.decode()
    assert 'name="slug"' not in html
    data = page_form_data(PracticePage(title="", summary=""), coordinator)
    data.update(title="Ouderschapsplan aan de keukentafel", summary="Ouders maken samen een plan.", slug="gekozen")
    response = client_for(coordinator).post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    practice = PracticePage.objects.child_of(initiative).get(title="Ouderschapsplan aan de keukentafel")
    assert practice.slug == "ouderschapsplan-aan-de-keukentafel"


@pytest.mark.django_db
def test_a_blank_contact_row_is_left_out_and_a_half_filled_one_is_checked(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    data = page_form_data(initiative, coordinator)
    rows = int(data["contacts-TOTAL_FORMS"])
    blank = {
        f"contacts-{rows}-name": "",
        f"contacts-{rows}-role": "",
        f"contacts-{rows}-organisation": "",
        f"contacts-{rows}-email": "",
        f"contacts-{rows}-ORDER": str(rows + 1),
        f"contacts-{rows}-DELETE": "",
        f"contacts-{rows}-id": "",
        "contacts-TOTAL_FORMS": str(rows + 1),
    }
    half = {**blank, f"contacts-{rows}-role": "Coördinator"}
    response = client_for(coordinator).post(url, {**data, **half, "action-submit": "1"})
    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()

    response = client_for(coordinator).post(url, {**data, **blank, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    latest = InitiativePage.objects.get(pk=initiative.pk).get_latest_revision_as_object()
    assert len(latest.contacts.all()) == rows


# --- Wagtail's own strings in the Dutch admin --------------------------------------------------------------------


def visible_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_wagtails_own_dutch_has_its_spaces_and_no_english_times(network, coordinator, editor):
    dashboard = visible_text(client_for(editor).get(reverse("wagtailadmin_home")).content.decode())
    assert "aangemaakt inNetwerk" not in dashboard
    assert dashboard.count("aangemaakt in Netwerk Complexe Scheidingen") == 3  # pages, images, documents

    listing = client_for(editor).get(reverse("wagtailadmin_explore", args=[network.home.pk]))
    listing = visible_text(listing.content.decode())
    assert re.search(r"\d+-\d+ van \d+ pagina", listing), listing[:2000]

    initiative = network.initiative("scheidingspunt")
    data = page_form_data(initiative, coordinator)
    url = reverse("wagtailadmin_pages:edit", args=[initiative.pk])
    assert client_for(coordinator).post(url, {**data, "action-submit": "1"}).status_code == 302
    five_minutes_ago = timezone.now() - datetime.timedelta(minutes=5)
    TaskState.objects.filter(pk=current_task_state(initiative).pk).update(started_at=five_minutes_ago)
    WorkflowState.objects.for_instance(initiative).update(created_at=five_minutes_ago)
    html = client_for(editor).get(url).content.decode()
    assert 'aria-label="Actions"' not in html  # Wagtail's header hard-codes it in English
    assert 'aria-label="Acties"' in html
    status = visible_text(html)
    assert "geleden" in status
    assert not re.search(r"\b(a minute|minutes?|seconds?|an hour|hours?) ago\b", status)


@pytest.mark.django_db
def test_an_editor_is_told_what_approving_or_sending_back_did(network, coordinator, editor):
    from django.contrib.messages import get_messages

    for action, expected in (("reject", "gaat terug naar coordinator@scheidingspunt.example"), ("approve", None)):
        practice = add_practice(network.initiative("scheidingspunt"), title=f"Spreekuur {action}", publish=False)
        url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
        response = client_for(coordinator).post(url, {**page_form_data(practice, coordinator), "action-submit": "1"})
        assert response.status_code == 302
        action_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[practice.pk, action, current_task_state(practice).pk]
        )
        client = client_for(editor)
        response = client.post(action_url, {"comment": "Graag de openingstijden erbij.", "next": "/admin/"})
        assert response.status_code == 302
        told = [str(message) for message in get_messages(response.wsgi_request)]
        if expected:
            assert any(expected in message for message in told), told
        else:
            assert len(told) == 1, told
            assert told[0].startswith(f"‘Spreekuur {action}’ is goedgekeurd en gepubliceerd."), told
            assert "Bekijk op de website" in told[0]
            assert PracticePage.objects.get(pk=practice.pk).live
