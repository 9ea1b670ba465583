from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Uitwisseling")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .process import lesson_published_or_withdrawn

        # A lesson from an exchange shows on both sides' profiles and on /uitwisselingen/, not only under the
        # initiative it was written at (which Wagtail's purge on publish already covers).
        page_published.connect(lesson_published_or_withdrawn, dispatch_uid="exchange.lesson_published")
        page_unpublished.connect(lesson_published_or_withdrawn, dispatch_uid="exchange.lesson_unpublished")
