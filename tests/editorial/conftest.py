"""Users in each editorial role, on top of the loaded network (whose load_network also ran setup_roles)."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import ADMINISTRATORS, EDITORS, coordinator_group
from network.models import InitiativePage

_numbers = itertools.count(1)


def make_user(*groups, email=None):
    number = next(_numbers)
    email = email or f"gebruiker{number}@example.org"
    user = get_user_model().objects.create_user(username=email, email=email, password="geheim-wachtwoord")
    user.groups.add(*groups)
    return user


def coordinators_of(slug):
    return coordinator_group(InitiativePage.objects.get(slug=slug))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator(db):
    """A coordinator of Scheidingspunt (Haaglanden)."""
    return make_user(coordinators_of("scheidingspunt"), email="coordinator@scheidingspunt.example")


@pytest.fixture
def editor(db):
    return make_user(Group.objects.get(name=EDITORS), email="redacteur@minvws.example")


@pytest.fixture
def administrator(db):
    return make_user(Group.objects.get(name=ADMINISTRATORS), email="beheer@minvws.example")
