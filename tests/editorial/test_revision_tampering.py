"""A coordinator cannot rewrite a revision that an editor reviewed: the outside probe's reproduction, through the
admin's real views with real role accounts.

Wagtail 8's edit view accepts ``overwrite_revision_id`` (what autosave posts) for any revision that is the latest
and the user's own. After an editor approves a coordinator's submission, the published revision is still the
latest and still the coordinator's, so without ``save_over_reviewed_revisions_as_new_drafts`` the coordinator
could put unreviewed text into it while the history says an editor published it.
"""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from practices.models import PracticePage
from tests.editorial.conftest import client_for, coordinators_of, make_user

from .helpers import page_form_data
from .test_workflow import current_task_state, new_practice_data

TAMPERED = "Onbeoordeelde tekst die nooit langs de redactie is gegaan."


@pytest.fixture
def joop_coordinator(db):
    return make_user(coordinators_of("joop"), email="coordinator.joop@example.org")


def submit_new_practice(client, initiative):
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    response = client.post(add_url, {**new_practice_data(), "action-submit": "Ter beoordeling"})
    assert response.status_code == 302
    return PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")


def post_edit(client, page, user, **extra):
    data = page_form_data(page, user, summary=TAMPERED)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, **extra})


@pytest.mark.django_db
def test_a_coordinator_cannot_overwrite_the_revision_an_editor_approved(network, joop_coordinator, editor):
    as_coordinator, as_editor = client_for(joop_coordinator), client_for(editor)
    practice = submit_new_practice(as_coordinator, network.initiative("joop"))
    task_state = current_task_state(practice)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk])
    assert as_editor.post(approve_url, {"comment": ""}).status_code == 302
    practice.refresh_from_db()
    approved = practice.live_revision
    assert practice.live and approved.user == joop_coordinator  # the condition Wagtail's own check accepts

    response = post_edit(as_coordinator, practice, joop_coordinator, overwrite_revision_id=approved.pk)
    assert response.status_code == 302

    approved.refresh_from_db()
    assert approved.content["summary"] == "Het loket houdt een wekelijks spreekuur in de bibliotheek."
    practice.refresh_from_db()
    assert practice.live_revision_id == approved.pk
    assert practice.summary.startswith("Het loket houdt")
    # The edit is kept as a new draft that goes through review like any other.
    latest = practice.get_latest_revision()
    assert latest.pk != approved.pk
    assert latest.content["summary"] == TAMPERED
    assert practice.has_unpublished_changes
    # What the editor opens is the approved text plus that visible draft, never a rewritten approval.
    assert TAMPERED not in str(Revision.objects.get(pk=approved.pk).content)


@pytest.mark.django_db
def test_the_revision_an_editor_sent_back_stays_as_the_editor_read_it(network, joop_coordinator, editor):
    as_coordinator, as_editor = client_for(joop_coordinator), client_for(editor)
    practice = submit_new_practice(as_coordinator, network.initiative("joop"))
    task_state = current_task_state(practice)
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "reject", task_state.pk])
    assert as_editor.post(reject_url, {"comment": "Noem de openingstijden."}).status_code == 302
    reviewed = task_state.revision
    assert practice.get_latest_revision().pk == reviewed.pk and reviewed.user == joop_coordinator

    assert post_edit(as_coordinator, practice, joop_coordinator, overwrite_revision_id=reviewed.pk).status_code == 302

    reviewed.refresh_from_db()
    assert reviewed.content["summary"].startswith("Het loket houdt")
    assert PracticePage.objects.get(pk=practice.pk).get_latest_revision().content["summary"] == TAMPERED


@pytest.mark.django_db
def test_autosave_still_overwrites_the_users_own_private_draft(network, joop_coordinator):
    as_coordinator = client_for(joop_coordinator)
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network.initiative("joop").pk])
    assert as_coordinator.post(add_url, new_practice_data()).status_code == 302  # saved as a draft, not submitted
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    draft = practice.get_latest_revision()
    revisions = Revision.objects.count()

    assert post_edit(as_coordinator, practice, joop_coordinator, overwrite_revision_id=draft.pk).status_code == 302

    draft.refresh_from_db()
    assert draft.content["summary"] == TAMPERED
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
@pytest.mark.parametrize("revision_id", ["99999999999999999999", "١٢", "12abc"])
def test_an_overwrite_id_that_is_no_revision_id_saves_a_new_draft(network, joop_coordinator, revision_id):
    as_coordinator = client_for(joop_coordinator)
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network.initiative("joop").pk])
    assert as_coordinator.post(add_url, new_practice_data()).status_code == 302
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    revisions = Revision.objects.count()

    assert post_edit(as_coordinator, practice, joop_coordinator, overwrite_revision_id=revision_id).status_code == 302

    assert Revision.objects.count() == revisions + 1
    assert PracticePage.objects.get(pk=practice.pk).get_latest_revision().content["summary"] == TAMPERED
