"""Find the page for a URL in one query, not two for every level of the page tree.

Wagtail's ``Page.route`` walks down from the site's root: for each path component it fetches the child with that
slug and then its specific page, so a practice four levels down costs eight queries before anything is rendered.
A page's ``url_path`` already holds the slugs of all its ancestors, so the pages along the path are one query
away. Levels whose page type routes in its own way (an override of ``route``) still get to do so.

Before that, Wagtail looks up the request's Site (a query) and the Site's root page (two more). Sites change
rarely, and saving one is a content change (``core.page_cache``), so each process keeps them per content version.
"""

from django.conf import settings
from django.http import Http404
from wagtail.models import Page, Site

from .page_cache import content_version

# (content version, host, port) -> Site or None, in this process. The host is what the client sent, so the
# dictionary is emptied rather than allowed to grow without bound.
_sites = {}
_MAX_SITES = 64


class SiteMiddleware:
    """Give Wagtail the request's Site (``request._wagtail_site``) without a query while content is unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:  # a site that keeps nothing (the tests) asks Wagtail every time
            return self.get_response(request)
        key = (content_version(request), request._get_raw_host(), request.get_port())
        if key not in _sites:
            site = Site._find_for_request(request)
            if site is not None:
                # Routing reads the root page's path; rendering it fetches it afresh (route_from).
                site.root_page = site.root_page.specific
                site.root_page.shared_between_requests = True
            if len(_sites) >= _MAX_SITES:
                _sites.clear()
            _sites[key] = site
        request._wagtail_site = _sites[key]
        return self.get_response(request)


def route_from(root, request, path_components):
    """What ``root.route(request, path_components)`` would return, in two queries for an ordinary page."""
    if not path_components:
        if getattr(root, "shared_between_requests", False):
            root = type(root).objects.get(pk=root.pk)  # rendering may set attributes on it: one of its own
        return Page.route(root, request, path_components)
    prefixes = [
        root.url_path + "/".join(path_components[:length]) + "/" for length in range(1, len(path_components) + 1)
    ]
    on_path = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth).order_by("depth")
    )
    # The pages must form the chain root > child > grandchild…: a gap means a slug on the path matched nothing.
    page, consumed = root, 0
    for candidate in on_path:
        if candidate.depth != page.depth + 1 or not candidate.path.startswith(page.path):
            break
        page, consumed = candidate, consumed + 1
        if page.specific_class is not None and page.specific_class.route is not Page.route:
            break  # this page type routes what comes below it itself
    if page is root:
        raise Http404
    return page.specific.route(request, path_components[consumed:])
