"""What a coordinator and an editor meet in the admin, through its real views and forms (issue 16)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState

from editorial.roles import WORKFLOW_NAME
from editorial.views import merge_tags, rename_tag
from home.models import HomePage
from network.models import InitiativePage
from practices.models import PracticePage
from tests.editorial.conftest import client_for
from tests.factories import add_practice

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
