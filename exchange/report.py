"""The editors' report for the ministry: exchanges per month, per pair of regions and theme, the median time to a
first answer, and the share of held exchanges that led to a published lesson; as a page, a CSV file and an SVG
chart rendered on the server (no script).

All figures come from one query over the exchanges; no names or addresses are read.
"""

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.models import PracticePage

from .models import ExchangeLesson, ExchangeRequest


@dataclass
class Row:
    label: str
    theme: str = ""
    requests: int = 0
    held: int = 0
    with_lesson: int = 0
    answer_days: list = field(default_factory=list)

    @property
    def median_days(self):
        return round(statistics.median(self.answer_days), 1) if self.answer_days else None

    @property
    def lesson_share(self):
        return round(100 * self.with_lesson / self.held) if self.held else None


def build():
    lesson = ExchangeLesson.objects.filter(exchange=OuterRef("pk"), page__in=PracticePage.objects.live().values("pk"))
    rows = (
        ExchangeRequest.objects.annotate(has_lesson=Exists(lesson))
        .values_list(
            "created_at",
            "first_answer_at",
            "held_on",
            "state",
            "initiative_region__title",
            "sender_region__title",
            "theme__label",
            "has_lesson",
        )
        .order_by("created_at")
    )
    months = defaultdict(lambda: None)
    pairs = {}
    total = Row(_("Totaal"))
    for created, answered, held_on, state, asked_region, sender_region, theme, has_lesson in rows:
        month = timezone.localtime(created).strftime("%Y-%m")
        if months[month] is None:
            months[month] = Row(month)
        held = held_on is not None and state != ExchangeRequest.State.WITHDRAWN
        days = (answered - created).total_seconds() / 86400 if answered else None
        targets = [months[month], total]
        if held and asked_region and sender_region:
            first, second = sorted((asked_region, sender_region))
            key = (first, second, theme or _("geen thema opgegeven"))
            pairs.setdefault(key, Row(f"{first} – {second}" if first != second else first, key[2]))
            targets.append(pairs[key])
        for row in targets:
            row.requests += 1
            row.held += held
            row.with_lesson += bool(held and has_lesson)
            if days is not None:
                row.answer_days.append(days)
    return [row for _month, row in sorted(months.items())], [pairs[key] for key in sorted(pairs)], total


def chart(months):
    """Bars per month: requests and held exchanges side by side, on a scale of whole numbers."""
    if not months:
        return None
    peak = max(row.requests for row in months) or 1
    height, left, bottom, step = 200, 40, 30, 56
    bars = []
    for index, row in enumerate(months):
        x = left + index * step
        for offset, value, kind in ((4, row.requests, "requests"), (26, row.held, "held")):
            size = round(height * value / peak)
            text = _("%(month)s: %(count)s verzoek(en)") if kind == "requests" else _("%(month)s: %(count)s gehouden")
            bars.append(
                {
                    "x": x + offset,
                    "y": height - size + 10,
                    "height": size,
                    "value": value,
                    "kind": kind,
                    "label": text % {"month": row.label, "count": value},
                }
            )
    ticks = [
        {"y": height - round(height * value / peak) + 10, "value": value} for value in sorted({0, peak // 2, peak})
    ]
    labels = [{"x": left + index * step + 25, "text": row.label} for index, row in enumerate(months)]
    return {
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "width": left + len(months) * step + 10,
        "height": height + bottom + 20,
        "axis_y": height + 10,
        "left": left,
    }


def write_csv(response, months, pairs, total):
    writer = csv.writer(response)
    writer.writerow(
        [
            "soort",
            "maand_of_regios",
            "thema",
            "verzoeken",
            "gehouden",
            "met_gepubliceerde_les",
            "mediaan_dagen_eerste_antwoord",
        ]
    )
    for kind, rows in (("maand", months), ("regiopaar", pairs), ("totaal", [total])):
        for row in rows:
            median = "" if row.median_days is None else str(row.median_days).replace(".", ",")
            writer.writerow([kind, row.label, row.theme, row.requests, row.held, row.with_lesson, median])
