"""How an editor reads an exchange request in the admin: as the sender wrote it, at the site's own time."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from editorial.roles import EDITORS
from exchange.models import ExchangeRequest
from tests.editorial.conftest import client_for, make_user


@pytest.fixture
def editor(db):
    editors = Group.objects.get(name=EDITORS)
    # Reading requests is the editors' (issue 15 gives the role this permission in setup_roles).
    editors.permissions.add(Permission.objects.get(codename="view_exchangerequest"))
    return make_user(editors, email="redacteur@minvws.example")


@pytest.mark.django_db
def test_a_request_keeps_its_line_breaks_and_shows_the_same_time_in_list_and_detail(network, editor):
    exchange_request = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"),
        kind="vraag",
        name="Lies Verzoeker",
        organisation="Gemeente Goes",
        email="lies@example.nl",
        message="Eerste alinea.\n\nTweede alinea,\nmet een nieuwe regel.",
    )
    # 19:41 UTC on a winter evening is 20:41 in Amsterdam.
    received = datetime.datetime(2026, 1, 20, 19, 41, tzinfo=datetime.UTC)
    ExchangeRequest.objects.filter(pk=exchange_request.pk).update(created_at=received)
    as_editor = client_for(editor)

    detail = as_editor.get(reverse("exchange_requests:inspect", args=[exchange_request.pk])).content.decode()
    assert "Eerste alinea.<br><br>Tweede alinea,<br>met een nieuwe regel." in detail
    assert "20:41" in detail and "19:41" not in detail

    listing = as_editor.get(reverse("exchange_requests:index")).content.decode()
    assert "20:41" in listing
