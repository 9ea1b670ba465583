"""The coordinator's dashboard and confirm button, the stale-profiles report, tag tidying, and the set-up
commands (setup_roles, add_coordinator, create_dev_accounts)."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, PageLogEntry

from editorial.roles import EDITORS, coordinated_initiatives, coordinator_group
from editorial.views import months_before
from network.models import InitiativePage
from practices.models import PracticePage
from tests.editorial.conftest import client_for, coordinators_of, make_user
from tests.factories import add_practice

from .helpers import page_form_data
from .matrix import is_refusal

# --- dashboard and confirm button ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_dashboard_shows_a_coordinator_their_initiatives_and_drafts(network, coordinator):
    coordinator.groups.add(coordinators_of("joop"))  # one person, two initiatives
    add_practice(network.initiative("scheidingspunt"), title="Concept over het spreekuur", publish=False)
    response = client_for(coordinator).get("/admin/")
    content = response.content.decode()
    assert "Mijn initiatieven" in content
    assert "Scheidingspunt" in content and "JOOP" in content
    assert "Kenniscentrum Kind en Scheiding" not in content
    assert "Concept over het spreekuur" in content
    assert reverse("editorial_confirm_profile", args=[network.initiative("joop").pk]) in content


@pytest.mark.django_db
def test_confirming_shows_each_study_value_beside_its_source_and_records_only_what_was_ticked(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    client = client_for(coordinator)
    url = reverse("editorial_confirm_profile", args=[initiative.pk])
    page = client.get(url).content.decode()
    # Side by side: the value readers see and where it comes from, with a box to tick per field.
    assert re.search(r"Status</th>\s*<td>Actief</td>\s*<td>alleen de studie \(voorjaar 2018\), §3.2</td>", page)
    assert re.search(r"Overlegritme</th>\s*<td>Elke zes tot acht weken", page)
    assert 'name="fields" value="meeting_rhythm"' in page and 'name="fields" value="status"' in page
    assert 'value="steering_group"' not in page  # empty: nothing to confirm
    assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', page)

    client.post(url, {"fields": ["status", "bestaat-niet"]})
    initiative = InitiativePage.objects.get(pk=initiative.pk)
    today = timezone.localdate()
    assert initiative.confirmed_fields == {"status": today.isoformat()}
    assert initiative.get_latest_revision_as_object().confirmed_fields == {"status": today.isoformat()}
    entry = PageLogEntry.objects.get(page=initiative, action="editorial.confirm_profile")
    assert entry.data["fields"] == ["status"]

    # The public profile: the confirmed status carries the date, the unticked rhythm stays the study's.
    public = Client().get(initiative.url).content.decode()
    assert f"bevestigd door het initiatief op {today.day} " in public
    assert "(studie 2018, §4.1.2.1)" in public
    assert "volgens de studie, §3.2" not in public


@pytest.mark.django_db
def test_a_value_changed_in_the_admin_is_no_longer_pinned_on_the_study(network, editor):
    initiative = network.initiative("scheidingspunt")
    initiative.confirmed_fields = {"status": "2026-11-20", "meeting_rhythm": "2026-11-20"}
    initiative.save_revision().publish()
    data = page_form_data(initiative, editor, status="gestopt")
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:edit", args=[initiative.pk]), {**data, "action-publish": "1"}
    )
    assert response.status_code == 302
    initiative = InitiativePage.objects.get(pk=initiative.pk)
    assert initiative.status == "gestopt"
    # The changed status lost its section and its confirmation; the unchanged rhythm kept both.
    assert "status" not in initiative.field_sections and "status" not in initiative.confirmed_fields
    assert initiative.field_sections["meeting_rhythm"] == "§4.1.2.1"
    assert initiative.confirmed_fields == {"meeting_rhythm": "2026-11-20"}
    public = Client().get(initiative.url).content.decode()
    assert "<dd>Gestopt</dd>" in public
    assert "Gestopt (voorjaar 2018" not in public


@pytest.mark.django_db
def test_the_dashboard_panel_is_only_for_coordinators(editor):
    assert "Mijn initiatieven" not in client_for(editor).get("/admin/").content.decode()


@pytest.mark.django_db
def test_confirming_sets_today_without_review_and_logs_it(network, coordinator):
    initiative = network.initiative("scheidingspunt")
    client = client_for(coordinator)
    # A draft in review must keep its content, and get the date too.
    data = page_form_data(initiative, coordinator, summary="Nieuwe samenvatting in concept.")
    client.post(reverse("wagtailadmin_pages:edit", args=[initiative.pk]), {**data, "action-submit": "1"})

    response = client.post(reverse("editorial_confirm_profile", args=[initiative.pk]), {"next": "/admin/"})
    assert response.status_code == 302
    today = timezone.localdate()
    initiative = InitiativePage.objects.get(pk=initiative.pk)
    assert initiative.last_confirmed == today
    assert initiative.live_revision.as_object().last_confirmed == today
    draft = initiative.get_latest_revision_as_object()
    assert draft.last_confirmed == today
    assert draft.summary == "Nieuwe samenvatting in concept."
    assert initiative.summary != "Nieuwe samenvatting in concept."
    entry = PageLogEntry.objects.get(page=initiative, action="editorial.confirm_profile")
    assert entry.user == coordinator


@pytest.mark.django_db
def test_only_coordinators_of_the_initiative_and_editors_can_confirm(network, coordinator, editor):
    other = network.initiative("kenniscentrum-kind-en-scheiding")
    url = reverse("editorial_confirm_profile", args=[other.pk])
    assert client_for(coordinator).post(url).status_code in (302, 403)
    assert InitiativePage.objects.get(pk=other.pk).last_confirmed is None
    assert client_for(coordinator).get(url).status_code in (302, 403)  # not even the review page
    assert client_for(editor).get(url).status_code == 200  # the review page changes nothing
    assert InitiativePage.objects.get(pk=other.pk).last_confirmed is None
    assert client_for(editor).post(url).status_code == 302
    assert InitiativePage.objects.get(pk=other.pk).last_confirmed == timezone.localdate()


@pytest.mark.django_db
def test_confirming_needs_the_csrf_token(network, coordinator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    initiative = network.initiative("scheidingspunt")
    assert client.post(reverse("editorial_confirm_profile", args=[initiative.pk])).status_code == 403
    assert InitiativePage.objects.get(pk=initiative.pk).last_confirmed is None


# --- stale report -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_lists_profiles_not_confirmed_for_six_months(network, editor):
    today = timezone.localdate()
    InitiativePage.objects.filter(slug="kees").update(last_confirmed=months_before(today, 7))
    InitiativePage.objects.filter(slug="bram").update(last_confirmed=months_before(today, 1))
    response = client_for(editor).get(reverse("editorial_stale_initiatives"))
    assert response.status_code == 200
    listed = {page.slug for page in response.context["object_list"]}
    assert "kees" in listed
    assert "bram" not in listed
    assert "joop" in listed  # never confirmed
    assert "nooit" in response.content.decode()


@pytest.mark.django_db
def test_the_report_is_for_editors_only(coordinator):
    response = client_for(coordinator).get(reverse("editorial_stale_initiatives"))
    assert response.status_code in (302, 403)
    assert "Profielen niet bevestigd" not in client_for(coordinator).get("/admin/").content.decode()


def test_six_months_before_a_month_end():
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 3, 15), 6) == datetime.date(2025, 9, 15)


# --- tags ---------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_merges_one_tag_into_another(network, editor):
    initiative = network.initiative("joop")
    both = add_practice(initiative, tags=["ouderschapsplan", "ouderschapsplannen"])
    only_old = add_practice(initiative, tags=["ouderschapsplannen"])
    draft = add_practice(initiative, tags=["ouderschapsplannen"], publish=False)
    old, new = Tag.objects.get(name="ouderschapsplannen"), Tag.objects.get(name="ouderschapsplan")
    response = client_for(editor).post(
        reverse("editorial_tag_edit", args=[old.pk]), {"action": "merge", "target": new.pk}
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(pk=old.pk).exists()
    for practice in (both, only_old, draft):
        assert list(PracticePage.objects.get(pk=practice.pk).tags.names()) == ["ouderschapsplan"]
    # A draft published later keeps the merged tag instead of failing on the deleted one.
    PracticePage.objects.get(pk=draft.pk).get_latest_revision().publish()
    assert list(PracticePage.objects.get(pk=draft.pk).tags.names()) == ["ouderschapsplan"]


@pytest.mark.django_db
def test_an_editor_renames_a_tag_and_cannot_rename_onto_another(network, editor):
    add_practice(network.initiative("joop"), tags=["rechtbnak", "rechtbank"])
    typo = Tag.objects.get(name="rechtbnak")
    client = client_for(editor)
    response = client.post(reverse("editorial_tag_edit", args=[typo.pk]), {"action": "rename", "name": "Rechtbank"})
    assert response.status_code == 400
    assert "samen" in response.content.decode()
    response = client.post(reverse("editorial_tag_edit", args=[typo.pk]), {"action": "rename", "name": "x" * 101})
    assert response.status_code == 400
    response = client.post(
        reverse("editorial_tag_edit", args=[typo.pk]), {"action": "rename", "name": "rechtbank Den Haag"}
    )
    assert response.status_code == 302
    typo.refresh_from_db()
    assert (typo.name, typo.slug) == ("rechtbank Den Haag", "rechtbank-den-haag")
    assert client.get(reverse("editorial_tags")).status_code == 200


@pytest.mark.django_db
def test_tags_are_managed_by_editors_only(coordinator):
    tag = Tag.objects.first()
    client = client_for(coordinator)
    for url in (reverse("editorial_tags"), reverse("editorial_tag_edit", args=[tag.pk])):
        assert client.get(url).status_code in (302, 403)
    response = client.post(reverse("editorial_tag_edit", args=[tag.pk]), {"action": "rename", "name": "weg"})
    assert response.status_code in (302, 403)
    assert Tag.objects.get(pk=tag.pk).name != "weg"


# --- set-up commands ----------------------------------------------------------------------------------------------


def permissions_state():
    return (
        sorted(Group.objects.values_list("name", "permissions__codename")),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        sorted(GroupCollectionPermission.objects.values_list("group__name", "collection_id", "permission__codename")),
    )


@pytest.mark.django_db
def test_setup_roles_twice_changes_nothing(network):
    before = permissions_state()
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    call_command("setup_roles", stdout=out)
    assert permissions_state() == before
    assert "Toegevoegd: 0 groepen, 0 rechten, 0 collecties, 0 workflow-onderdelen" in out.getvalue()


@pytest.mark.django_db
def test_setup_roles_gives_each_role_its_permissions(network):
    scheidingspunt = network.initiative("scheidingspunt")
    group = coordinator_group(scheidingspunt)
    assert group.name == "Coördinatoren Scheidingspunt"
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")) == {
        (scheidingspunt.pk, "add_page"),
        (scheidingspunt.pk, "change_page"),
    }
    editors = Group.objects.get(name=EDITORS)
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True)) >= {
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    }
    assert {"change_theme", "delete_factor", "add_municipality", "change_organisation", "change_tag"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )
    administrators = Group.objects.get(name="Beheerders")
    assert "add_user" in administrators.permissions.values_list("codename", flat=True)


@pytest.mark.django_db
def test_setup_roles_covers_a_new_initiative(network):
    from tests.factories import add_initiative

    initiative = add_initiative(network.region("zeeland"), title="Zeeuws Loket")
    call_command("setup_roles", stdout=io.StringIO())
    assert coordinator_group(initiative).name == "Coördinatoren Zeeuws Loket"


@pytest.mark.django_db
def test_add_coordinator_creates_and_reuses_accounts(network):
    out = io.StringIO()
    call_command("add_coordinator", "scheidingspunt", "Anna@Example.org", stdout=out)
    user = get_user_model().objects.get(username="anna@example.org")
    assert user.email == "anna@example.org" and user.has_usable_password()
    assert "/admin/password_reset/" in out.getvalue() and "changepassword" in out.getvalue()
    call_command("add_coordinator", "joop", "anna@example.org", stdout=io.StringIO())
    assert get_user_model().objects.filter(username__iexact="anna@example.org").count() == 1
    assert [page.slug for page in coordinated_initiatives(user)] == ["joop", "scheidingspunt"]

    existing = make_user(email="bestaand@example.org")
    call_command("add_coordinator", "kees", "bestaand@example.org", stdout=out)
    existing.refresh_from_db()
    assert existing.check_password("geheim-wachtwoord"), "an existing password is kept"
    assert [page.slug for page in coordinated_initiatives(existing)] == ["kees"]


@pytest.mark.django_db
def test_add_coordinator_refuses_an_unknown_initiative_or_address(network):
    with pytest.raises(CommandError, match="Geen initiatief met de slug 'bestaat-niet'"):
        call_command("add_coordinator", "bestaat-niet", "a@example.org", stdout=io.StringIO())
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("add_coordinator", "kees", "geen-adres", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_password_reset_reaches_a_new_coordinator(network, client, mailoutbox):
    call_command("add_coordinator", "scheidingspunt", "nieuw@example.org", stdout=io.StringIO())
    response = client.post("/admin/password_reset/", {"email": "nieuw@example.org"})
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["nieuw@example.org"]]


@pytest.mark.django_db
def test_dev_accounts_include_a_coordinator_and_an_editor(network, settings, tmp_path, monkeypatch):
    from core.management.commands import create_dev_accounts

    settings.DEBUG = True
    monkeypatch.setattr(create_dev_accounts, "CREDENTIALS_FILE", tmp_path / "dev-accounts.txt")
    out = io.StringIO()
    call_command("create_dev_accounts", stdout=out)
    call_command("create_dev_accounts", stdout=out)
    password = (tmp_path / "dev-accounts.txt").read_text().strip()
    assert "coordinator.scheidingspunt@example.org" in out.getvalue()
    assert "redacteur@example.org" in out.getvalue()
    coordinator = get_user_model().objects.get(username="coordinator.scheidingspunt@example.org")
    assert coordinator.check_password(password)
    assert [page.slug for page in coordinated_initiatives(coordinator)] == ["scheidingspunt"]
    assert get_user_model().objects.get(username="redacteur@example.org").groups.filter(name=EDITORS).exists()


@pytest.mark.django_db
def test_setup_roles_removes_wagtails_own_groups_so_a_moderator_cannot_publish_around_review(network):
    # As Wagtail's first migrations leave them on a fresh site: "Moderators" may publish anywhere.
    moderators = Group.objects.create(name="Moderators")
    moderators.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=moderators, page=Page.get_first_root_node(), permission=Permission.objects.get(codename=codename)
        )
    Group.objects.create(name="Editors")
    moderator = make_user(moderators)
    practice = network.practices().first()
    before = practice.title

    out = io.StringIO()
    call_command("setup_roles", stdout=out)

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert "Verwijderd (groepen van Wagtail zelf): Editors, Moderators." in out.getvalue()
    data = page_form_data(practice.specific, title="Gepubliceerd buiten de redactie om")
    response = client_for(moderator).post(
        reverse("wagtailadmin_pages:edit", args=[practice.pk]), {**data, "action-publish": "1"}
    )
    practice.refresh_from_db()
    assert practice.title == before
    assert is_refusal(response)
