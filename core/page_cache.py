"""Rendered pages in the shared cache, for readers the proxy has no copy for (a first visit after a publish,
another proxy, a lifetime ended).

Anonymous readers without a session get a page's HTML from the shared cache when nothing has changed since it
was rendered. "Changed" is one counter, the content version, raised by every publish, unpublish, move and
delete and every saved or deleted piece of content that pages show (snippets, images, documents, tags): a page
shows other pages (listings, cards, counts), so no narrower key would be safe. A stale entry is never read
again and expires after ``PAGE_CACHE_SECONDS``.

Kept by address (host, path, language), so that ``PageCacheMiddleware`` answers before Wagtail looks the page up:
a kept page costs at most two cache reads (one when this process has it, see ``_RecentlyKept``) and no database
query. Pages with view restrictions (password, login, groups) are never kept, so Wagtail's own check runs for every
request to them.

Everyone else (editors, a query string, a first visit after a change) gets a page rendered now, but its parts
that show only published content are fragments kept under the same version (``{% published_fragment %}`` in
``core_tags``): rendering them is most of a page's queries, the rest is finding the page.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "page-cache:version"
# Apps whose rows show on pages; the rest (sessions, logs, exchange requests, login attempts) do not.
CONTENT_APPS = {
    "home",
    "network",
    "practices",
    "editorial",
    "core",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
    "wagtailredirects",
}


class _RecentlyKept:
    """The most recently used kept pages and fragments, in this process, in front of the shared cache.

    A key holds the content version, so what is kept under it never changes: a copy here cannot go stale, and it
    saves a round trip to the shared cache (on a busy machine each one waits for the cache server's turn on a
    core). Bounded by count; an entry also ends with its lifetime in the shared cache.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] < time.monotonic():
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key, html):
        with self.lock:
            self.entries[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, html)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_recently_kept = _RecentlyKept(size=256)


def read_kept(key):
    html = _recently_kept.get(key)
    if html is None:
        html = cache.get(key)
        if html is not None:
            _recently_kept.put(key, html)
    return html


def keep(key, html):
    cache.set(key, html, timeout=settings.PAGE_CACHE_SECONDS)
    _recently_kept.put(key, html)


def _first_version():
    # When the version is missing (a new or emptied cache, or evicted), it starts again from the clock in
    # milliseconds rather than from 1: above every version counted up before, so no entry kept under an older
    # one (here or in a process's recently kept) can be read again.
    return time.time_ns() // 1_000_000


def content_version(request=None):
    """The current version; read once per request when ``request`` is given (a page asks for it several times)."""
    if request is None:
        return cache.get_or_set(VERSION_KEY, _first_version, timeout=None)
    if not hasattr(request, "_content_version"):
        request._content_version = cache.get_or_set(VERSION_KEY, _first_version, timeout=None)
    return request._content_version


def content_changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, _first_version(), timeout=None)


# Wagtail's own rows that change what readers see; the rest of wagtailcore (revisions, workflow and task states,
# logs, comments, locks) changes with every draft, and an autosave every few seconds would otherwise throw away
# every kept page while a coordinator types.
WAGTAILCORE_SHOWN = {"Site", "PageViewRestriction", "Collection"}


def _model_changed(sender, signal=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS:
        return
    if issubclass(sender, Page):
        # A page's row is saved for every draft; what readers see changes by publishing, unpublishing, moving
        # (their own signals) or deleting.
        if signal is post_delete:
            content_changed()
        return
    if sender._meta.app_label == "wagtailcore" and sender.__name__ not in WAGTAILCORE_SHOWN:
        return
    content_changed()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"core.page_cache.{signal}")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"core.page_cache.model.{signal}")


def _cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def _key(request):
    return f"page-cache:{content_version(request)}:{request.get_host()}{request.path}:{translation.get_language()}"


def fragment_key(request, name, vary_on):
    """Where a fragment of published content is kept, or None when it must be rendered now.

    Previews and drafts (Wagtail sets ``request.is_preview``) show content that is not published, so they are
    never kept nor read from the cache.
    """
    if settings.PAGE_CACHE_SECONDS <= 0 or request is None or getattr(request, "is_preview", False):
        return None
    parts = ":".join(str(value) for value in vary_on)
    return f"fragment:{content_version(request)}:{translation.get_language()}:{name}:{parts}"


class PageCacheMiddleware:
    """Answer with the kept HTML of the requested address when there is one (after the language is chosen)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _cacheable(request):
            html = read_kept(_key(request))
            if html is not None:
                return HttpResponse(html)
        return self.get_response(request)


def serve_and_keep(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: serve the page now and keep its HTML for the next reader."""
    if not _cacheable(request) or page.get_view_restrictions().exists():
        return None  # Wagtail serves it, with its own hooks (the view-restriction check among them)
    key = _key(request)
    response = page.serve(request, *serve_args, **serve_kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and not response.cookies and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        keep(key, response.content.decode(response.charset))
    return response
