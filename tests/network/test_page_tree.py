"""The page tree rules: editors cannot build a wrong tree."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from editorial.models import ThemeDossierPage
from home.models import HomePage
from network.models import InitiativePage, NetworkIndexPage, RegionPage, UpdatePage
from practices.models import PracticeIndexPage, PracticePage

# Which page types may hold which: the whole rule set, so a change to it must change this table too.
ALLOWED_CHILDREN = {
    HomePage: {NetworkIndexPage, PracticeIndexPage, ThemeDossierPage},
    NetworkIndexPage: {RegionPage, PracticePage, UpdatePage},
    RegionPage: {InitiativePage, PracticePage, UpdatePage},
    InitiativePage: {PracticePage, UpdatePage},
    PracticePage: set(),
    UpdatePage: set(),
    PracticeIndexPage: set(),
    ThemeDossierPage: set(),
}


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_each_page_type_allows_exactly_its_children(self):
        for parent, children in ALLOWED_CHILDREN.items():
            self.assertAllowedSubpageTypes(parent, children)

    def test_no_page_type_can_be_created_outside_its_place(self):
        page_types = set(ALLOWED_CHILDREN)
        for parent, children in ALLOWED_CHILDREN.items():
            for child in page_types - children:
                self.assertCanNotCreateAt(parent, child)

    def test_only_the_home_page_sits_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        for page_type in set(ALLOWED_CHILDREN) - {HomePage}:
            self.assertCanNotCreateAt(Page, page_type)

    def test_singletons_cannot_be_added_twice(self):
        home = HomePage.objects.get()
        for singleton in (HomePage, NetworkIndexPage, PracticeIndexPage):
            assert not singleton.can_create_at(home), singleton
