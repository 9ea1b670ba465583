"""The interface language comes from the language switch only: Dutch for everyone until a reader picks English.

Django's ``LocaleMiddleware`` would also follow the browser's Accept-Language, which would show an English
interface to readers who never asked for it on a Dutch platform. This middleware reads the language cookie that
Django's ``set_language`` view sets (the "English / Nederlands" switch in the header) and nothing else.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_from_cookie(request):
    """The supported language in the language cookie, or the site's default (Dutch)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:
            return translation.get_supported_language_variant(chosen)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class CookieLocaleMiddleware:
    """Activate the language from the language cookie for the request; ignore Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_cookie(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # Caches must keep the Dutch and the English rendering of a page apart.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
