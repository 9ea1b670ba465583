"""An administrator ("Beheerders") manages accounts and role groups but cannot raise anyone above what a superuser
gave them: the outside probe's reproduction through Wagtail's real user views with a real administrator account."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import EDITORS
from tests.editorial.conftest import client_for, coordinators_of

from .matrix import is_refusal

User = get_user_model()
PASSWORD = "een-lang-en-sterk-wachtwoord-42"


def new_account(**changes):
    data = {
        "username": "nieuw@example.org",
        "email": "nieuw@example.org",
        "first_name": "Nieuw",
        "last_name": "Account",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "is_active": "on",
        "groups": [coordinators_of("joop").pk],
    }
    data.update(changes)
    return data


def edit_data(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "Voornaam",
        "last_name": user.last_name or "Achternaam",
        "password1": "",
        "password2": "",
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_administrator_creates_accounts_in_role_groups_but_never_a_superuser(administrator):
    client = client_for(administrator)
    assert 'name="is_superuser"' not in client.get("/admin/users/new/").content.decode()
    response = client.post("/admin/users/new/", new_account(is_superuser="on"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    created = User.objects.get(username="nieuw@example.org")
    assert not created.is_superuser
    assert list(created.groups.all()) == [coordinators_of("joop")]


@pytest.mark.django_db
def test_an_administrator_cannot_change_their_own_groups_or_make_themselves_a_superuser(administrator):
    client = client_for(administrator)
    groups_before = set(administrator.groups.all())
    editors = Group.objects.get(name=EDITORS)
    data = edit_data(administrator, is_superuser="on", groups=[*(g.pk for g in groups_before), editors.pk])
    client.post(f"/admin/users/edit/{administrator.pk}/", data)
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert set(administrator.groups.all()) == groups_before


@pytest.mark.django_db
def test_an_administrator_cannot_make_another_account_a_superuser_or_take_over_one(administrator):
    client = client_for(administrator)
    other = User.objects.create_user("ander@example.org", "ander@example.org", PASSWORD)
    client.post(f"/admin/users/edit/{other.pk}/", edit_data(other, is_superuser="on"))
    other.refresh_from_db()
    assert not other.is_superuser

    superuser = User.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    assert is_refusal(client.get(f"/admin/users/edit/{superuser.pk}/"))
    response = client.post(
        f"/admin/users/edit/{superuser.pk}/",
        edit_data(superuser, email="overgenomen@example.org", password1="x" * 20, password2="x" * 20),
    )
    assert is_refusal(response)
    superuser.refresh_from_db()
    assert superuser.email == "admin@example.org"


@pytest.mark.django_db
def test_a_superuser_still_grants_superuser_status(administrator):
    superuser = User.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    response = client_for(superuser).post("/admin/users/new/", new_account(is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="nieuw@example.org").is_superuser


@pytest.mark.django_db
def test_an_administrator_cannot_change_or_delete_a_group_they_are_in(administrator):
    client = client_for(administrator)
    own = administrator.groups.get()
    permissions = set(own.permissions.all())
    assert is_refusal(client.get(f"/admin/groups/edit/{own.pk}/"))
    client.post(f"/admin/groups/edit/{own.pk}/", {"name": own.name, "permissions": []})
    assert is_refusal(client.post(f"/admin/groups/delete/{own.pk}/"))
    own.refresh_from_db()
    assert set(own.permissions.all()) == permissions
    # Other groups they manage as before.
    assert client.get(f"/admin/groups/edit/{coordinators_of('joop').pk}/").status_code == 200
