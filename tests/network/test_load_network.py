"""`load_network` creates the whole network from the study, and a second run changes nothing."""

import io
import json
from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from network.management.commands.load_network import DATA_DIR
from network.models import InitiativePage, Municipality, RegionPage
from practices.models import Factor, PracticePage, Theme

TAXONOMY = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "themes": Theme.objects.count(),
        "factors": Factor.objects.count(),
        "municipalities": Municipality.objects.count(),
    }


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    before = _snapshot()
    out = io.StringIO()
    call_command("load_network", stdout=out)
    assert _snapshot() == before
    assert "0 nieuw" in out.getvalue()


@pytest.mark.django_db
def test_an_editors_change_survives_a_second_run():
    kees = InitiativePage.objects.get(slug="kees")
    kees.summary = "Door een redacteur bijgewerkt."
    kees.save_revision().publish()
    call_command("load_network", stdout=io.StringIO())
    assert InitiativePage.objects.get(slug="kees").summary == "Door een redacteur bijgewerkt."


@pytest.mark.django_db
def test_every_slug_of_the_taxonomy_is_present():
    assert {page.slug for page in RegionPage.objects.live()} == {r["slug"] for r in TAXONOMY["regions"]}
    assert {page.slug for page in InitiativePage.objects.live()} == {i["slug"] for i in TAXONOMY["initiatives"]}
    assert set(Theme.objects.values_list("slug", flat=True)) >= {t["slug"] for t in TAXONOMY["themes"]}
    assert set(Factor.objects.values_list("slug", flat=True)) >= {f["slug"] for f in TAXONOMY["factors"]}
    municipalities = {m["name"] for m in Municipality.objects.values("name")}
    for region in TAXONOMY["regions"]:
        assert set(region["municipalities"]) <= municipalities


@pytest.mark.django_db
def test_initiatives_sit_under_their_region():
    for entry in TAXONOMY["initiatives"]:
        initiative = InitiativePage.objects.get(slug=entry["slug"])
        assert initiative.get_parent().slug == entry["region"]
        assert initiative.level == entry["level"]


@pytest.mark.django_db
def test_at_least_thirty_practices_and_every_theme_and_factor_on_two_pages():
    practices = PracticePage.objects.live()
    assert practices.count() >= 30
    theme_use = Counter()
    factor_use = Counter()
    for practice in practices.prefetch_related("themes", "factors"):
        theme_use.update(theme.slug for theme in practice.themes.all())
        factor_use.update(factor.slug for factor in practice.factors.all())
    for initiative in InitiativePage.objects.live().prefetch_related("themes", "factors__factor"):
        theme_use.update(theme.slug for theme in initiative.themes.all())
        factor_use.update({item.factor.slug for item in initiative.factors.all()})
    rare_themes = {t["slug"]: theme_use[t["slug"]] for t in TAXONOMY["themes"] if theme_use[t["slug"]] < 2}
    rare_factors = {f["slug"]: factor_use[f["slug"]] for f in TAXONOMY["factors"] if factor_use[f["slug"]] < 2}
    assert rare_themes == {}
    assert rare_factors == {}


@pytest.mark.django_db
def test_every_initiative_and_practice_cites_a_section_of_the_study():
    for page in [*InitiativePage.objects.live(), *PracticePage.objects.live()]:
        sections = [source.section for source in page.sources.all()]
        assert sections, f"{page.title} heeft geen bron"
        assert all(section.startswith("§") for section in sections), (page.title, sections)
