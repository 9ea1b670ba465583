"""Settings for `make run` on a developer's machine: debug on, e-mail to the console."""

from .base import *

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - development only; production reads it from the environment
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
