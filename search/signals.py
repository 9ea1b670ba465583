"""What sends a change to the search index: page events, restrictions and renamed labels.

Page publications, moves and deletions are indexed after the transaction commits, so a rolled-back change never
reaches the index. A label a document carries (a theme, factor or tag of the facet registry, or a municipality
in its keywords) renamed, merged or deleted reindexes the pages that carry it.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from network.models import InitiativePage, Municipality, RegionPage
from practices.models import Factor, Theme

from .facets import FACETS, RELATION, searchable_models
from .indexing import reindex_later, reindex_subtree
from .models import SearchDocument
from .versioned import vocabulary_changed


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def reindex_changed_page(sender, instance, **kwargs):
    reindex_later(_subtree_ids(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    # A restriction hides (or shows again) a page and everything below it. Unlike a publication this takes
    # effect at once, so the private pages leave the index in the same transaction rather than after it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_subtree(page)


def remove_deleted_page(sender, instance, **kwargs):
    reindex_later([instance.pk])


for model in searchable_models():
    post_delete.connect(remove_deleted_page, sender=model, dispatch_uid=f"search-remove-{model.__name__}")


@receiver(post_delete, sender=SearchDocument)
def remove_from_database_index(sender, instance, **kwargs):
    # Documents go with their page (a cascade) or with a rebuild; their entry in Wagtail's index goes with them.
    index.remove_object(instance)


def reindex_carriers_of_label(sender, instance, **kwargs):
    """A renamed label changes the keywords of every page carrying it; a deleted one (a merged tag) its facets.

    On deletion the relation rows go with the label, so the pages are looked up before (pre_delete).
    """
    field = LABEL_RELATIONS[sender]
    reindex_later(SearchDocument.objects.filter(**{field: instance}).values_list("page_id", flat=True))


LABEL_RELATIONS = {item.model: item.field for item in FACETS if item.storage == RELATION}
for label_model in LABEL_RELATIONS:
    for signal in (post_save, pre_delete):
        signal.connect(
            reindex_carriers_of_label, sender=label_model, dispatch_uid=f"search-label-{label_model.__name__}"
        )


@receiver(post_save, sender=Municipality)
@receiver(post_delete, sender=Municipality)
@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=Factor)
@receiver(post_delete, sender=Factor)
def relearn_vocabulary(sender, **kwargs):
    # Labels and place names are the words typos are corrected to (search/spelling.py).
    vocabulary_changed()


@receiver(page_published)
def relearn_names(sender, instance, **kwargs):
    if isinstance(instance, (RegionPage, InitiativePage)):
        vocabulary_changed()


@receiver(post_save, sender=Municipality)
def reindex_pages_naming_municipality(sender, instance, created, **kwargs):
    if created:
        return
    page_ids = list(instance.initiatives.values_list("pk", flat=True))
    if instance.region_id:
        page_ids.append(instance.region_id)
    reindex_later(page_ids)


def _subtree_ids(page):
    # Titles, places and URLs of descendants depend on their ancestors.
    return Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
