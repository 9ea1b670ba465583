from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Gedeelde onderdelen"

    def ready(self):
        from . import frontend_cache, page_cache

        frontend_cache.connect_signals()
        page_cache.connect_signals()
