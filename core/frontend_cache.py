"""Purge the caching proxy when what readers see changes: the page itself and every page that lists it.

Wagtail's ``frontend_cache`` purges only the page that was published. Here publishing, unpublishing, moving and
deleting a page also purges its ancestors (initiative, region, /netwerk/, the home page), the listings that
gather pages from the whole tree (/praktijken/, theme dossiers), the feeds, the CSV export and the sitemap.
Filtered listings and search are not purged one by one: the proxy keeps them only briefly
(``PROXY_CACHE_SECONDS_SHORT``, see ``core.middleware.ProxyCacheMiddleware``).

A changed snippet, tag, image or document (a theme's label, a municipality, an organisation's name) shows on
pages that carry it, on the listings and in facets: every live page is purged, once per transaction.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

# Named URLs outside the page tree whose content lists pages.
LISTING_URL_NAMES = ("feed-rss", "feed-atom", "practices-csv", "sitemap", "compare", "exchange-overview")


class ProxyPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend for nginx's cache-purge module, which answers 404 for a URL it did not hold.

    That answer is the usual case (most pages are not in the cache when they are published), so it is not an error;
    and a proxy that does not answer must not hold up the editor for long.
    """

    timeout = 5

    def purge(self, url):
        parts = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": parts.netloc, "User-Agent": "netwerk-purge"},
        )
        try:
            urlopen(request, timeout=self.timeout)  # noqa: S310 - the proxy's address comes from the settings
        except HTTPError as error:
            if error.code != 404:
                logger.error("The proxy did not purge %s: HTTP %d", url, error.code)
        except (URLError, OSError) as error:
            logger.error("The proxy did not purge %s: %s", url, error)


def listing_pages(page):
    """The live pages whose content shows ``page``: its ancestors and the tree-wide listings."""
    from editorial.models import ThemeDossierPage
    from practices.models import PracticeIndexPage

    ancestors = Page.objects.ancestor_of(page).live().filter(depth__gt=1)
    return list(ancestors) + list(PracticeIndexPage.objects.live()) + list(ThemeDossierPage.objects.live())


def listing_urls(site_root_url):
    return [site_root_url + reverse(name) for name in LISTING_URL_NAMES]


def purge_page_and_listings(page, extra_urls=()):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(listing_pages(page))
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        batch.add_urls(listing_urls(site.root_url))
    batch.add_urls(extra_urls)
    batch.purge()


def purge_every_page():
    """Every live page and the listings outside the tree: for a change that shows on pages we cannot name."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        batch.add_urls(listing_urls(site.root_url))
    batch.purge()


def shown_on_pages(model):
    """Models whose rows pages show without a publish: the content snippets, tags, images and documents."""
    from .page_cache import CONTENT_APPS

    label = model._meta.label
    if label in ("taggit.Tag", "wagtailimages.Image", "wagtaildocs.Document"):
        return True
    return model._meta.app_label in CONTENT_APPS and model in get_snippet_models()


def _snippet_changed(sender, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE or not shown_on_pages(sender):
        return
    # Once, when the transaction commits: loading or merging touches many rows, and a rolled-back change shows
    # nowhere. Django drops the callback itself on a rollback.
    connection = transaction.get_connection()
    if any(callback is purge_every_page for _savepoints, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(purge_every_page)


def _before_save(sender, instance, **kwargs):
    """A live page whose address changes (a new slug published): the proxy forgets the old addresses too."""
    if not settings.WAGTAILFRONTENDCACHE or not isinstance(instance, Page) or instance.pk is None:
        return
    old_path = Page.objects.filter(pk=instance.pk, live=True).values_list("url_path", flat=True).first()
    if old_path is None or old_path == instance.url_path:
        return
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not old_path.startswith(site.root_page.url_path):
        return
    root = site.root_url + "/"
    old_paths = [old_path] + list(
        Page.objects.descendant_of(instance).live().values_list("url_path", flat=True)  # still the old addresses
    )
    batch = PurgeBatch()
    batch.add_urls(root + path[len(site.root_page.url_path) :] for path in old_paths)
    batch.purge()


def _on_publish_or_unpublish(instance, **kwargs):
    purge_page_and_listings(instance)


def _before_move(instance, **kwargs):
    # The old address and the old parent's listings: after the move the page no longer knows them.
    if settings.WAGTAILFRONTENDCACHE:
        purge_page_and_listings(instance, extra_urls=[url for url in [instance.get_full_url()] if url])


def _after_move(instance, **kwargs):
    purge_page_and_listings(instance)


def _before_delete(sender, instance, **kwargs):
    # Sent for the Page row of every deleted page, its descendants included.
    if instance.live and instance.depth > 1:
        purge_page_and_listings(instance)


def connect_signals():
    page_published.connect(_on_publish_or_unpublish, dispatch_uid="core.purge.published")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="core.purge.unpublished")
    pre_page_move.connect(_before_move, dispatch_uid="core.purge.pre_move")
    post_page_move.connect(_after_move, dispatch_uid="core.purge.post_move")
    pre_delete.connect(_before_delete, sender=Page, dispatch_uid="core.purge.deleted")
    pre_save.connect(_before_save, dispatch_uid="core.purge.address_changed")
    post_save.connect(_snippet_changed, dispatch_uid="core.purge.snippet_saved")
    post_delete.connect(_snippet_changed, dispatch_uid="core.purge.snippet_deleted")
