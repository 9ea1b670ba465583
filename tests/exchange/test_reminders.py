"""The daily reminder: the side whose turn it is, after 10 working days, once per term."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from exchange.models import ExchangeRequest
from tests.factories import add_contact


def exchange_in(network, state, days_ago, **fields):
    exchange = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"), name="Lies", organisation="O", email="lies@example.nl", message="M"
    )
    ExchangeRequest.objects.filter(pk=exchange.pk).update(
        state=state, state_since=timezone.now() - datetime.timedelta(days=days_ago), **fields
    )
    return exchange


def remind():
    out = io.StringIO()
    call_command("remind_exchanges", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_side_whose_turn_it_is_gets_one_reminder_after_ten_working_days(network):
    add_contact(network.initiative("joop"), email="contact@joop.example")
    waiting = exchange_in(network, "aangevraagd", 15)  # 15 calendar days hold at least 10 working days
    exchange_in(network, "aangevraagd", 9)  # at most 7 working days: not yet
    held = exchange_in(network, "gehouden", 20, held_on=datetime.date.today() - datetime.timedelta(days=20))
    exchange_in(network, "gesloten", 40)  # closed: nobody's turn
    exchange_in(network, "gepland", 30, planned_for=datetime.date.today() + datetime.timedelta(days=3))

    assert "2 herinnering(en) verstuurd." in remind()
    recipients = sorted(tuple(message.to) for message in mail.outbox)
    assert recipients == [("contact@joop.example",), ("lies@example.nl",)]
    to_requester = next(m for m in mail.outbox if m.to == ["lies@example.nl"])
    assert "/uitwisseling/volg/" in to_requester.body
    assert "lies@example.nl" not in next(m for m in mail.outbox if m.to == ["contact@joop.example"]).body

    mail.outbox.clear()
    assert "0 herinnering(en) verstuurd." in remind()  # the next day: not again
    waiting.refresh_from_db()
    held.refresh_from_db()
    assert waiting.reminded_at is not None and held.reminded_at is not None


@pytest.mark.django_db
def test_working_days_skip_the_weekend():
    from exchange.process import working_days_between

    friday = datetime.date(2026, 11, 27)
    assert working_days_between(friday, datetime.date(2026, 11, 30)) == 1  # Monday
    assert working_days_between(friday, datetime.date(2026, 12, 11)) == 10
