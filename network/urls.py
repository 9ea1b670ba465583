from django.urls import path

from . import views

# Included in config/urls.py before Wagtail's catch-all: /netwerk/ itself is a Wagtail page.
urlpatterns = [
    path("vergelijk/", views.compare, name="compare"),
    path("netwerk/gemeente/", views.municipality_lookup, name="municipality-lookup"),
    path("over-de-bron/", views.about_source, name="about-source"),
]
