"""The home page's recent practices show what regions do, not only the study's national lessons."""

import re

import pytest

from practices.models import PracticePage


@pytest.mark.django_db
def test_recent_practices_put_the_regions_before_the_national_lessons(client, network):
    html = client.get("/").content.decode()
    section = html[html.index('id="recente-praktijken"') :]
    section = section[: section.index("</section>")]
    titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert titles
    practices = {practice.title: practice for practice in PracticePage.objects.live().filter(title__in=titles)}
    regional = [title for title in titles if practices[title].place.initiative is not None]
    assert regional and titles[0] in regional, titles
