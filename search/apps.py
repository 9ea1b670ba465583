from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from . import signals  # noqa: F401 - connects the index updates to Wagtail's page signals
