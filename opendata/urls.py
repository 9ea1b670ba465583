"""Open data: feeds, the CSV export, the API v2, robots.txt. Included before Wagtail's catch-all."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .api import api_router
from .feeds import SearchAtomFeed, SearchFeed
from .openapi import openapi_schema

urlpatterns = [
    path("feeds/rss/", SearchFeed(), name="feed-rss"),
    path("feeds/atom/", SearchAtomFeed(), name="feed-atom"),
    path("praktijken/export.csv", views.practices_csv, name="practices-csv"),
    path("api/v2/", api_router.urls),
    path("api/v1/schema/", openapi_schema, name="openapi-schema"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
