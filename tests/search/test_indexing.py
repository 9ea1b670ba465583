"""Every change that affects search reaches both backends through the site's search service, each document once.

The editors' tools are used as editors use them (tag rename and merge, renaming a theme's label), and the result is
read back as a reader would: through the search service the site itself uses, on the database alone and with the
Elasticsearch test node switched on as ``ELASTICSEARCH_URL`` would switch it.
"""

import pytest
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from editorial.views import merge_tags, rename_tag
from practices.models import Theme
from search.models import SearchDocument
from search.query import SearchQuery, UnknownFilterValue, parse_search_query
from tests.factories import add_practice
from tests.search.test_search import querydict


@pytest.fixture(params=["database", "elasticsearch"])
def site_search(request, settings, db):
    """The site's own search service, answering from the database or from Elasticsearch."""
    from search.service import search_service

    if request.param == "elasticsearch":
        yield request.getfixturevalue("scratch_elasticsearch")
        return
    settings.ELASTICSEARCH_URL = ""
    search_service.cache_clear()
    yield search_service()
    search_service.cache_clear()


def titles_tagged(service, slug):
    query = parse_search_query(querydict({"tag": slug, "limit": "100"}))
    results = service.search(query)
    assert not results.fallback_reason, results.fallback_reason
    return {hit.title: hit.tags for hit in results.hits}


def test_a_renamed_tag_filters_and_is_found_by_its_new_name(site_search, network, django_capture_on_commit_callbacks):
    practice = add_practice(network.initiative("joop"), title="Praktijk met oude naam", tags=["ouderschapsplanning"])
    tag = Tag.objects.get(name="ouderschapsplanning")
    with django_capture_on_commit_callbacks(execute=True):
        rename_tag(tag, "Zorgregeling op papier")

    assert titles_tagged(site_search, "zorgregeling-op-papier") == {practice.title: ["Zorgregeling op papier"]}
    with pytest.raises(UnknownFilterValue):
        parse_search_query(querydict({"tag": "ouderschapsplanning"}))
    found = site_search.search(SearchQuery(text="zorgregeling op papier", filters={"type": ("practice",)}))
    assert practice.title in [hit.title for hit in found.hits]


def test_a_merged_tag_moves_its_pages_to_the_target(site_search, network, django_capture_on_commit_callbacks):
    merged = add_practice(network.initiative("joop"), title="Praktijk met de samengevoegde tag", tags=["ouderplan"])
    kept = add_practice(network.initiative("kees"), title="Praktijk met de doeltag", tags=["ouderschapsplan"])
    with django_capture_on_commit_callbacks(execute=True):
        merge_tags(Tag.objects.get(name="ouderplan"), Tag.objects.get(name="ouderschapsplan"))

    assert titles_tagged(site_search, "ouderschapsplan") == {
        merged.title: ["ouderschapsplan"],
        kept.title: ["ouderschapsplan"],
    }


def test_a_renamed_theme_label_is_found_on_the_pages_carrying_it(
    site_search, network, django_capture_on_commit_callbacks
):
    practice = add_practice(
        network.initiative("joop"), title="Praktijk over de sociale kaart", themes=["sociale-kaart"]
    )
    theme = Theme.objects.get(slug="sociale-kaart")
    with django_capture_on_commit_callbacks(execute=True):
        theme.label = "Wegwijzer hulpverleningsaanbod"
        theme.save()

    found = site_search.search(SearchQuery(text="wegwijzer", filters={"theme": ("sociale-kaart",)}))
    assert practice.title in [hit.title for hit in found.hits]


def test_each_document_is_written_once_to_the_database_index(network, monkeypatch, django_capture_on_commit_callbacks):
    # Only the search service writes search documents; Wagtail's own save handler would write each a second time.
    index = get_search_backend("default").get_index_for_model(SearchDocument)
    written = []
    add_items = type(index).add_items

    def counting_add_items(self, model, items):
        if model is SearchDocument:
            written.extend(item.pk for item in items)
        return add_items(self, model, items)

    monkeypatch.setattr(type(index), "add_items", counting_add_items)
    practice = add_practice(network.initiative("joop"), title="Eenmaal geschreven praktijk", publish=False)
    written.clear()
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    assert written == [practice.pk]


def test_a_deleted_page_leaves_no_entry_in_the_database_index(network, django_capture_on_commit_callbacks):
    from wagtail.search.models import IndexEntry

    practice = add_practice(network.initiative("joop"), title="Praktijk die verdwijnt")
    assert IndexEntry.objects.filter(object_id=str(practice.pk), content_type__model="searchdocument").exists()
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()
    assert not SearchDocument.objects.filter(pk=practice.pk).exists()
    assert not IndexEntry.objects.filter(object_id=str(practice.pk), content_type__model="searchdocument").exists()


def test_a_new_theme_label_counts_for_typos_at_once(network, django_capture_on_commit_callbacks):
    from search import spelling

    assert spelling.closest_known_word("kwartiermakerschp") is None
    with django_capture_on_commit_callbacks(execute=True):
        Theme.objects.create(label="Kwartiermakerschap", slug="kwartiermakerschap")
    assert spelling.closest_known_word("kwartiermakerschp") == "kwartiermakerschap"
