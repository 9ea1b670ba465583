from django.urls import path

from . import views

urlpatterns = [
    path("contact/<slug:initiative>/", views.contact, name="exchange-contact"),
    path("contact/<slug:initiative>/verstuurd/", views.sent, name="exchange-sent"),
    path("contact/", views.editors_contact, name="site-contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("uitwisseling/volg/<str:token>/", views.follow, name="exchange-follow"),
    path("uitwisseling/nieuwe-link/", views.new_link, name="exchange-new-link"),
    path("uitwisselingen/", views.overview, name="exchange-overview"),
]
