"""Index updates on publish, unpublish, move and delete, after the transaction commits."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .documents import TYPE_OF_MODEL
from .indexing import reindex_subtree


@receiver(page_published)
@receiver(page_unpublished)
def reindex_changed_page(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: _reindex(page_id))


@receiver(post_page_move)
def reindex_moved_page(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: _reindex(page_id))


def _reindex(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        reindex_subtree(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    # A restriction hides (or shows again) a page and everything below it. Unlike a publication this takes
    # effect at once, so the private pages leave the index in the same transaction rather than after it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_subtree(page)


def remove_deleted_page(sender, instance, **kwargs):
    from .service import search_service

    page_id = instance.pk
    transaction.on_commit(lambda: search_service().update([], [page_id]))


for model in TYPE_OF_MODEL:
    post_delete.connect(remove_deleted_page, sender=model, dispatch_uid=f"search-remove-{model.__name__}")
