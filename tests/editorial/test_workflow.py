"""The review workflow end to end through the admin's real views: submit, request changes, resubmit, approve."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import PracticePage
from tests.editorial.conftest import client_for, make_user

from .helpers import page_form_data


def new_practice_data(**changes):
    data = {
        "title": "Spreekuur van het loket in de bibliotheek",
        "slug": "spreekuur-van-het-loket-in-de-bibliotheek",
        "kind": "praktijk",
        "summary": "Het loket houdt een wekelijks spreekuur in de bibliotheek.",
        "body": streamfield([("paragraph", rich_text("<p>Ouders kunnen zonder afspraak binnenlopen.</p>"))]),
        "tags": "spreekuur",
        "maturity": "pilot",
        "results": "",
        "lessons": "",
        "contact": "",
        "sources": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__in=WorkflowState.objects.for_instance(page).active(), status="in_progress"
    )


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


@pytest.mark.django_db
def test_submit_request_changes_resubmit_approve_publish(network, coordinator, editor):
    other_editor = make_user(*editor.groups.all(), email="tweede.redacteur@minvws.example")
    initiative = network.initiative("scheidingspunt")
    as_coordinator, as_editor = client_for(coordinator), client_for(editor)

    # 1. The coordinator writes a new practice and submits it for review; nothing goes live.
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    response = as_coordinator.post(add_url, {**new_practice_data(), "action-submit": "Ter beoordeling"})
    assert response.status_code == 302
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    assert not practice.live
    assert Client().get(practice.url).status_code == 404
    assert recipients(mail.outbox) == sorted([editor.email, other_editor.email])
    assert "Spreekuur van het loket" in mail.outbox[0].subject
    mail.outbox.clear()

    # 2. An editor requests changes, with a comment; the coordinator is told, with the comment.
    task_state = current_task_state(practice)
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "reject", task_state.pk])
    response = as_editor.post(reject_url, {"comment": "Noem ook de openingstijden van het spreekuur."})
    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(practice).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients(mail.outbox) == [coordinator.email]
    assert "openingstijden" in mail.outbox[0].body
    mail.outbox.clear()

    # 3. The coordinator changes the text and resubmits; the editors are told again.
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    data = page_form_data(practice, coordinator, summary="Elke woensdag van 14 tot 16 uur spreekuur in de bibliotheek.")
    response = as_coordinator.post(edit_url, {**data, "action-submit": "Opnieuw ter beoordeling"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert WorkflowState.objects.for_instance(practice).get().status == WorkflowState.STATUS_IN_PROGRESS
    assert recipients(mail.outbox) == sorted([editor.email, other_editor.email])
    mail.outbox.clear()
    practice.refresh_from_db()
    assert not practice.live

    # 4. An editor approves; the practice is published and the coordinator is told.
    task_state = current_task_state(practice)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk])
    response = as_editor.post(approve_url, {"comment": ""})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.live
    assert practice.summary.startswith("Elke woensdag")
    assert recipients(mail.outbox) == [coordinator.email]
    assert as_editor.get(practice.url).status_code == 200

    # Every step is in the page's history.
    actions = list(
        PageLogEntry.objects.filter(page=practice).order_by("timestamp", "pk").values_list("action", flat=True)
    )
    for expected in (
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ):
        assert expected in actions, actions
    reject_entry = PageLogEntry.objects.get(page=practice, action="wagtail.workflow.reject")
    assert reject_entry.user == editor
    assert PageLogEntry.objects.get(page=practice, action="wagtail.workflow.start").user == coordinator


@pytest.mark.django_db
def test_the_coordinator_cannot_approve_their_own_submission(network, coordinator, editor):
    initiative = network.initiative("scheidingspunt")
    as_coordinator = client_for(coordinator)
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", initiative.pk])
    as_coordinator.post(add_url, {**new_practice_data(), "action-submit": "Ter beoordeling"})
    practice = PracticePage.objects.get(slug="spreekuur-van-het-loket-in-de-bibliotheek")
    task_state = current_task_state(practice)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk])
    response = as_coordinator.post(approve_url, {"comment": ""})
    assert response.status_code in (302, 403)
    practice.refresh_from_db()
    assert not practice.live
    assert WorkflowState.objects.for_instance(practice).get().status == WorkflowState.STATUS_IN_PROGRESS
