import logging
import time
import uuid

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send a strict Content-Security-Policy with every public page.

    The public site has no inline script or style, so the strict policy holds there. Wagtail's admin ships
    inline styles and scripts of its own, so admin URLs get the looser ``CONTENT_SECURITY_POLICY_ADMIN``.
    """

    admin_prefixes = ("/admin/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefixes)
            policy = settings.CONTENT_SECURITY_POLICY_ADMIN if is_admin else settings.CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = policy
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", "same-origin")
        return response


class RequestLogMiddleware:
    """Write one line per request to stdout, with a request id that the proxy's log and the response share.

    nginx passes its ``$request_id`` as ``X-Request-ID``; without a proxy the id is made here. The id goes back in
    the response, so a reader's report of a failed page can be found in the logs.
    """

    logger = logging.getLogger("netwerk.requests")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        request_id = _clean_request_id(request.headers.get("X-Request-ID", "")) or uuid.uuid4().hex
        request.request_id = request_id
        response = self.get_response(request)
        response.headers.setdefault("X-Request-ID", request_id)
        self.logger.info(
            "request_id=%s method=%s path=%s status=%s duration_ms=%d",
            request_id,
            request.method,
            request.get_full_path()[:500],
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response


def _clean_request_id(value):
    # The header comes from outside: only a short token of letters, digits and dashes goes into the log.
    value = value.strip()[:64]
    return value if value and all(char.isalnum() or char == "-" for char in value) else ""


class ProxyCacheMiddleware:
    """Tell the caching proxy which responses it may keep, and how long (``X-Accel-Expires``, read by nginx).

    Kept: successful GET/HEAD responses to anonymous readers that set no cookie and carry no CSRF token, for
    ``PROXY_CACHE_SECONDS`` (publishing purges them sooner); search, the APIs and anything with a query string
    (filtered listings) only for ``PROXY_CACHE_SECONDS_SHORT``, because publishing cannot list every filter.
    Never kept: the admin, logged-in users, forms, errors. The proxy consumes the header; browsers never see it.
    """

    never_cached_prefixes = ("/admin/", "/gezondheid/", "/i18n/", "/documenten/")
    short_lived_prefixes = ("/zoeken/", "/api/")
    cacheable_statuses = (200, 301, 404)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "X-Accel-Expires" not in response:
            response["X-Accel-Expires"] = str(self.lifetime(request, response))
        return response

    def lifetime(self, request, response):
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code not in self.cacheable_statuses
            or request.path.startswith(self.never_cached_prefixes)
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or (user is not None and user.is_authenticated)
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
        ):
            return 0
        if request.GET or request.path.startswith(self.short_lived_prefixes):
            return settings.PROXY_CACHE_SECONDS_SHORT
        return settings.PROXY_CACHE_SECONDS
