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


# ---------------------------------------------------------------------------------------------------------------
# Editors win: a re-run never brings back what an editor deleted, and never duplicates what they moved or renamed


def _load(*args):
    out = io.StringIO()
    call_command("load_network", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_practice_an_editor_deleted_stays_deleted_and_is_named_as_skipped():
    practice = PracticePage.objects.get(slug="schillenmodel-scheidingspunt")
    practice.delete()
    out = _load()
    assert not PracticePage.objects.filter(slug="schillenmodel-scheidingspunt").exists()
    assert "praktijk 'schillenmodel-scheidingspunt'" in out
    assert "een redacteur heeft ze verwijderd" in out


@pytest.mark.django_db
def test_a_page_an_editor_renamed_or_moved_is_not_duplicated():
    practice = PracticePage.objects.get(slug="schillenmodel-scheidingspunt")
    practice.slug = "drie-schillen"
    practice.title = "Drie schillen"
    practice.save_revision().publish()
    update = Page.objects.get(slug=_first_update_slug())
    update.move(RegionPage.objects.get(slug="twente"), pos="last-child")
    before = Page.objects.count()
    out = _load()
    assert Page.objects.count() == before
    assert not PracticePage.objects.filter(slug="schillenmodel-scheidingspunt").exists()
    assert PracticePage.objects.get(slug="drie-schillen").title == "Drie schillen"
    assert Page.objects.get(pk=update.pk).get_parent().slug == "twente"
    assert "Niet aangemaakt" not in out


@pytest.mark.django_db
def test_an_initiative_an_editor_deleted_takes_its_practices_with_it_for_good():
    initiative = InitiativePage.objects.get(slug="scheidingspunt")
    practices = set(PracticePage.objects.child_of(initiative).values_list("slug", flat=True))
    assert practices
    initiative.delete()
    out = _load()
    assert not InitiativePage.objects.filter(slug="scheidingspunt").exists()
    # Its practices are neither re-created nor dropped somewhere else in the tree.
    assert not PracticePage.objects.filter(slug__in=practices).exists()
    assert "initiatief 'scheidingspunt'" in out


@pytest.mark.django_db
def test_a_snippet_an_editor_deleted_stays_deleted():
    theme = Theme.objects.get(slug="kleine-organisaties")
    theme.delete()
    municipality = Municipality.objects.get(name="Dalfsen")
    municipality.delete()
    out = _load()
    assert not Theme.objects.filter(slug="kleine-organisaties").exists()
    assert not Municipality.objects.filter(name="Dalfsen").exists()
    assert "thema 'kleine-organisaties'" in out and "gemeente 'dalfsen'" in out


@pytest.mark.django_db
def test_force_recreates_what_was_deleted_and_says_so():
    PracticePage.objects.get(slug="schillenmodel-scheidingspunt").delete()
    before = Page.objects.count()
    out = _load("--force")
    assert "Opnieuw aangemaakt (--force): praktijk 'schillenmodel-scheidingspunt'." in out
    assert PracticePage.objects.filter(slug="schillenmodel-scheidingspunt").count() == 1
    assert Page.objects.count() == before + 1
    # Only what was missing: a second forced run changes nothing.
    assert "Opnieuw aangemaakt" not in _load("--force")
    assert Page.objects.count() == before + 1


@pytest.mark.django_db
def test_dry_run_says_what_force_would_do_and_changes_nothing():
    PracticePage.objects.get(slug="schillenmodel-scheidingspunt").delete()
    before = _snapshot()
    out = _load("--force", "--dry-run")
    assert "Opnieuw aangemaakt (--force): praktijk 'schillenmodel-scheidingspunt'." in out
    assert "er is niets veranderd" in out
    assert _snapshot() == before
    assert not PracticePage.objects.filter(slug="schillenmodel-scheidingspunt").exists()


@pytest.mark.django_db
def test_a_dossier_an_editor_deleted_stays_deleted():
    from editorial.loading import DOSSIER_SLUG

    Page.objects.get(slug=DOSSIER_SLUG).delete()
    _load()
    assert not Page.objects.filter(slug=DOSSIER_SLUG).exists()
    _load("--force")
    assert Page.objects.filter(slug=DOSSIER_SLUG).count() == 1


@pytest.mark.django_db
def test_a_site_loaded_before_records_were_kept_gets_nothing_it_might_have_deleted():
    from network.models import LoadRecord

    # An older site: content, no records, and a practice that an editor deleted back then.
    LoadRecord.objects.all().delete()
    PracticePage.objects.get(slug="schillenmodel-scheidingspunt").delete()
    before = Page.objects.count()
    out = _load()
    assert Page.objects.count() == before
    assert "deze site is geladen voordat bijgehouden werd wat er geladen is" in out
    assert "praktijk 'schillenmodel-scheidingspunt'" in out
    # What it found is recorded now, so a later run knows it.
    assert LoadRecord.objects.filter(kind="initiativepage", key="kees").exists()


def _first_update_slug():
    return json.loads((DATA_DIR / "study_content.json").read_text(encoding="utf-8"))["updates"][0]["slug"]
