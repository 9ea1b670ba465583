from django.urls import path

from . import views

urlpatterns = [
    path("contact/<slug:initiative>/", views.contact, name="exchange-contact"),
    path("contact/<slug:initiative>/verstuurd/", views.sent, name="exchange-sent"),
    path("contact/", views.editors_contact, name="site-contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("uitwisseling/volg/<str:token>/", views.follow, name="exchange-follow"),
    path("uitwisselingen/", views.overview, name="exchange-overview"),
]
