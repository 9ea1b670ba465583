from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Gedeelde onderdelen"

    def ready(self):
        from .frontend_cache import connect_signals

        connect_signals()
