from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from search import views as search_views


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the icon itself is a (hashed) static file."""
    return redirect(static("favicon.ico"), permanent=True)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("gezondheid/", core_views.health, name="health"),
    path("zoeken/", search_views.search_page, name="search"),
    # Read-only JSON answered to GET alone: without the CSRF check first, any other method gets its 405.
    path("api/v1/search/", csrf_exempt(search_views.search_api), name="search-api"),
    path("api/v1/search/suggest/", csrf_exempt(search_views.suggest_api), name="search-suggest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include("opendata.urls"))]
# The language switch sits in every page's header. Without a CSRF token there, a page holds nothing personal and
# the proxy can keep one copy for every reader; a forged switch could only change someone's interface language.
urlpatterns += [path("i18n/setlang/", csrf_exempt(set_language), name="set_language")]
# Readers' views (compare, municipality lookup, contact form, statements) come before Wagtail's catch-all.
urlpatterns += [path("", include("network.urls")), path("", include("exchange.urls"))]
urlpatterns += [
    path("toegankelijkheid/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("over-dit-platform/", TemplateView.as_view(template_name="pages/about.html"), name="about"),
    path("colofon/", TemplateView.as_view(template_name="pages/colofon.html"), name="colofon"),
    # Browsers ask for /favicon.ico whatever the page says; the file itself is a static file.
    path("favicon.ico", favicon),
]
urlpatterns += [path("", include(wagtail_urls))]
