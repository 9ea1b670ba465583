"""A synthetic corpus for the speed benchmark: practices that read like the real ones, in any number.

Sentences are recombined from the real search documents, so the word distribution (and therefore the work the
analysers and the full-text indexes do) resembles the platform's own; places and vocabulary come from the database.
"""

import random
import re
from datetime import UTC, datetime, timedelta

from network.models import InitiativePage, RegionPage
from practices.models import Factor, Theme
from search.models import SearchDocument


def synthetic_documents(count, first_id, seed=2018):
    """``count`` practice documents with ids from ``first_id``, reproducible for a given seed."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    sentences = _sentences()
    titles = list(SearchDocument.objects.filter(type="practice").values_list("title", flat=True))
    themes = list(Theme.objects.values_list("slug", "label"))
    factors = list(Factor.objects.values_list("slug", "label"))
    regions = {region.path: region for region in RegionPage.objects.live()}
    initiatives = [
        (initiative, regions[initiative.path[: -RegionPage.steplen]]) for initiative in InitiativePage.objects.live()
    ]
    start = datetime(2018, 6, 28, tzinfo=UTC)
    for offset in range(count):
        initiative, region = rng.choice(initiatives)
        chosen_themes = rng.sample(themes, rng.randint(1, 3))
        chosen_factors = rng.sample(factors, rng.randint(0, 2))
        yield {
            "id": first_id + offset,
            "type": "practice",
            "title": f"{rng.choice(titles)} ({offset})",
            "url": f"/netwerk/{region.slug}/{initiative.slug}/synthetisch-{offset}/",
            "region": region.slug,
            "region_title": region.title,
            "initiative": initiative.slug,
            "initiative_title": initiative.title,
            "themes": [slug for slug, _label in chosen_themes],
            "factors": [slug for slug, _label in chosen_factors],
            "tags": [],
            "tag_names": [],
            "disciplines": rng.sample(["zorg", "recht", "gemeente"], rng.randint(1, 3)),
            "summary": " ".join(rng.sample(sentences, 2)),
            "text": " ".join(rng.sample(sentences, rng.randint(4, 10))),
            "keywords": " ".join(label for _slug, label in chosen_themes + chosen_factors),
            "published_at": start + timedelta(minutes=offset),
        }


def _sentences():
    text = " ".join(SearchDocument.objects.values_list("text", flat=True))
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if len(sentence.strip()) > 30]
