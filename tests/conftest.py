"""Shared fixtures: the study's network is loaded once per test session, as `make run` loads it."""

import io
import time

import pytest
from django.core.management import call_command
from wagtail.models import Page

from network.models import InitiativePage, RegionPage, UpdatePage
from practices.models import PracticeIndexPage, PracticePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every test runs in a transaction on top of the loaded network and sees it unchanged.
    with django_db_blocker.unblock():
        call_command("load_network", stdout=io.StringIO())


@pytest.fixture
def network(db):
    """The loaded network's main pages, for tests that need one of each."""
    return Network()


class Network:
    @property
    def home(self):
        return Page.objects.get(depth=2).specific

    def region(self, slug):
        return RegionPage.objects.get(slug=slug)

    def initiative(self, slug):
        return InitiativePage.objects.get(slug=slug)

    @property
    def practice_index(self):
        return PracticeIndexPage.objects.get()

    def practices(self):
        return PracticePage.objects.live()

    def updates(self):
        return UpdatePage.objects.live()


@pytest.fixture(autouse=True)
def vocabulary_of_this_test():
    """A test that changes a label leaves search's vocabulary version raised in the cache while its data is rolled
    back; the next test must rebuild from the database, not reuse the vocabulary of a change that never was."""
    from django.core.cache import cache

    from search.versioned import VERSION_KEY

    before = cache.get(VERSION_KEY, 0)
    yield
    if cache.get(VERSION_KEY, 0) != before:
        cache.set(VERSION_KEY, time.monotonic_ns(), timeout=None)


# The study names only Zoetermeer, Tilburg and Dalfsen (§3.2), so load_network creates only those. Tests of the
# lookup and the exchange form need more: these stand for municipalities an editor added from another source,
# which is why they carry no section.
ADDED_MUNICIPALITIES = {
    "zeeland": ["Goes", "Middelburg"],
    "twente": ["Enschede", "Rijssen-Holten"],
    "midden-brabant": ["Waalwijk"],
}


@pytest.fixture
def added_municipalities(network, django_capture_on_commit_callbacks):
    from django.utils.text import slugify

    from network.models import Municipality

    # As an editor's save would, once committed: search learns the new place names.
    with django_capture_on_commit_callbacks(execute=True):
        return [
            Municipality.objects.create(name=name, slug=slugify(name), region=network.region(region))
            for region, names in ADDED_MUNICIPALITIES.items()
            for name in names
        ]
