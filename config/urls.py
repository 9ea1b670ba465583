from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the icon itself is a (hashed) static file."""
    return redirect(static("favicon.ico"), permanent=True)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", search_views.search_page, name="search"),
    path("api/v1/search/", search_views.search_api, name="search-api"),
    path("api/v1/search/suggest/", search_views.suggest_api, name="search-suggest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include("opendata.urls"))]
urlpatterns += [path("i18n/", include("django.conf.urls.i18n"))]
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
