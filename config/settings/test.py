"""Settings for the test suite: fast hashing, plain static files, e-mail kept in memory."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests change content in ways no signal reports (rolled-back transactions, QuerySet.update): rendered pages are
# kept only in the tests about keeping them.
PAGE_CACHE_SECONDS = 0
