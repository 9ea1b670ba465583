"""Small builders for pages the tests add on top of the loaded network."""

import itertools

from network.models import InitiativeContact, InitiativePage, UpdatePage
from practices.models import Factor, PracticePage, Theme
from search.indexing import reindex_subtree

_numbers = itertools.count(1)


def add_practice(parent, *, title=None, themes=(), factors=(), tags=(), publish=True, **fields):
    number = next(_numbers)
    practice = PracticePage(
        title=title or f"Testpraktijk {number}",
        slug=f"testpraktijk-{number}",
        summary=fields.pop("summary", "Een werkwijze om te testen."),
        **fields,
    )
    practice.themes = list(Theme.objects.filter(slug__in=themes))
    practice.factors = list(Factor.objects.filter(slug__in=factors))
    parent.add_child(instance=practice)
    if tags:
        practice.tags.set(list(tags))
    revision = practice.save_revision()
    if publish:
        revision.publish()
    else:
        practice.unpublish()
    _index_as_a_commit_would(practice)
    return practice


def add_update(parent, *, title=None, **fields):
    number = next(_numbers)
    update = UpdatePage(
        title=title or f"Testbericht {number}",
        slug=f"testbericht-{number}",
        date=fields.pop("date", "2026-01-15"),
        intro=fields.pop("intro", "Een bericht om te testen."),
        **fields,
    )
    parent.add_child(instance=update)
    update.save_revision().publish()
    _index_as_a_commit_would(update)
    return update


def add_initiative(region, *, title=None, **fields):
    number = next(_numbers)
    initiative = InitiativePage(
        title=title or f"Testinitiatief {number}",
        slug=f"testinitiatief-{number}",
        summary=fields.pop("summary", "Een initiatief om te testen."),
        level=fields.pop("level", "regionaal"),
        **fields,
    )
    region.add_child(instance=initiative)
    initiative.save_revision().publish()
    _index_as_a_commit_would(initiative)
    return initiative


def add_contact(initiative, *, email, name="Test Contactpersoon"):
    contact = InitiativeContact(page=initiative, name=name, role="coördinator", email=email)
    contact.save()
    return contact


def _index_as_a_commit_would(page):
    # Tests run inside one transaction, so the on-commit search index updates never fire; do what they would do.
    reindex_subtree(page)
