"""The editors' report: per month, per pair of regions and theme, median time to a first answer, share with a
published lesson; a CSV file and an SVG chart without script; editors only."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from editorial.roles import ADMINISTRATORS, EDITORS
from exchange.models import ExchangeLesson, ExchangeRequest
from practices.models import Theme
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.factories import add_practice


def exchange(network, created, answered_after=None, held=False, sender="twente", theme="casusoverleg"):
    item = ExchangeRequest.objects.create(
        initiative=network.initiative("joop"),
        name="Geheime Naam",
        organisation="O",
        email="geheim@example.nl",
        message="M",
        sender_region=network.region(sender),
        theme=Theme.objects.get(slug=theme),
    )
    created = timezone.make_aware(created)
    ExchangeRequest.objects.filter(pk=item.pk).update(
        created_at=created,
        first_answer_at=created + datetime.timedelta(days=answered_after) if answered_after is not None else None,
        held_on=created.date() + datetime.timedelta(days=20) if held else None,
        state="gehouden" if held else "aangevraagd",
    )
    return item


@pytest.fixture
def figures(network):
    exchange(network, datetime.datetime(2026, 9, 3, 12), answered_after=2, held=True)
    with_lesson = exchange(network, datetime.datetime(2026, 9, 10, 12), answered_after=4, held=True)
    exchange(network, datetime.datetime(2026, 10, 1, 12), answered_after=10)
    exchange(network, datetime.datetime(2026, 10, 2, 12))
    page = add_practice(network.initiative("joop"), title="Les uit Twente", kind="les")
    ExchangeLesson.objects.create(exchange=with_lesson, page=page)
    draft = add_practice(network.initiative("joop"), title="Nog een concept", publish=False)
    ExchangeLesson.objects.create(exchange=ExchangeRequest.objects.order_by("created_at").first(), page=draft)


@pytest.mark.django_db
def test_the_report_gives_the_ministrys_figures(figures):
    client = client_for(make_user(Group.objects.get(name=EDITORS)))
    html = client.get(reverse("exchange_report")).content.decode()
    assert '<th scope="row">2026-09</th><td>2</td><td>2</td><td>1</td><td>3,0</td>' in html.replace("3.0", "3,0")
    assert '<th scope="row">2026-10</th><td>2</td><td>0</td><td>0</td><td>10,0</td>' in html.replace("10.0", "10,0")
    # Median of 2, 4 and 10 days; one of the two held exchanges led to a published lesson (the draft does not count).
    assert "<dd>4,0 dagen</dd>" in html and "50% (1 van 2)" in html
    assert "Geheime Naam" not in html and "geheim@example.nl" not in html
    start = html.index("<svg", html.index("<main"))
    start = html.index('aria-labelledby="grafiek-titel', start)
    svg = html[start : html.index("</svg>", start)]
    assert '<title id="grafiek-titel">' in svg
    assert "<title>2026-09: 2 gehouden</title>" in svg and "<title>2026-10: 2 verzoek(en)</title>" in svg

    response = client.get(reverse("exchange_report"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "soort"
    assert ["maand", "2026-09", "", "2", "2", "1", "3,0"] in rows
    assert ["regiopaar", "Twente – Zeeland", Theme.objects.get(slug="casusoverleg").label, "2", "2", "1", "3,0"] in rows
    assert ["totaal", "Totaal", "", "4", "2", "1", "4,0"] in rows


@pytest.mark.django_db
def test_only_editors_see_the_report(figures, network):
    for user in (make_user(coordinators_of("joop")), make_user(Group.objects.get(name=ADMINISTRATORS))):
        response = client_for(user).get(reverse("exchange_report"), {"format": "csv"})
        assert response.status_code in (302, 403)
        assert "Geheime" not in response.content.decode(errors="ignore")
