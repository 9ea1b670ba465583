"""Old tag slugs keep working: shared links and feed subscriptions survive a tag's rename or merge."""

from django.http import HttpResponsePermanentRedirect

from .models import TagSlugRedirect

TAG_PARAMETER = "tag"
# Longer values are no slug of ours (taggit's slug field holds 100 characters).
MAX_SLUG_LENGTH = 100


class TagSlugRedirectMiddleware:
    """A GET request naming a tag by an old slug (``?tag=advocaten``) is sent permanently to the same address with
    the tag's current slug. Only requests with a ``tag`` parameter cost a query; unknown slugs are left alone, for
    the page to answer as it does (a 404 on /praktijken/, a 400 from a feed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and TAG_PARAMETER in request.GET:
            response = self._redirect(request)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def _redirect(request):
        slugs = request.GET.getlist(TAG_PARAMETER)
        # Only what could be a slug reaches the database: PostgreSQL refuses a NUL byte in any query (a 500).
        candidates = [slug for slug in slugs if slug.isprintable() and len(slug) <= MAX_SLUG_LENGTH]
        current = dict(TagSlugRedirect.objects.filter(old_slug__in=candidates).values_list("old_slug", "tag__slug"))
        if not current:
            return None
        params = request.GET.copy()
        # The order is kept and a tag named twice (old and new slug) only once.
        params.setlist(TAG_PARAMETER, list(dict.fromkeys(current.get(slug, slug) for slug in slugs)))
        return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")
