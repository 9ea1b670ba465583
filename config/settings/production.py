"""Production settings: secrets, hosts and services come from the environment, and the site refuses to start
without them.

``SITE_URL`` (e.g. ``https://netwerk.example.org``) is where readers reach the site: the host names Django
accepts, the trusted origin for forms, the admin's and the API's base URLs and the Wagtail Site follow from it.
An ``http://`` address (the local stack of `make prod-up`) turns off what only works over HTTPS: secure cookies,
the redirect to HTTPS and HSTS; ``manage.py check --deploy`` then says so.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from .base import *


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name}: production will not start without it.")
    return value


def _origin(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"{url!r} is not a site address like https://netwerk.example.org")
    return f"{parts.scheme}://{parts.netloc}"


def _flag(name, default):
    return os.environ.get(name, str(default)).strip().lower() == "true"


def _address(name):
    value = _required(name)
    try:
        validate_email(value)
    except ValidationError as error:
        raise ImproperlyConfigured(f"{name} must be one e-mail address, not {value!r}.") from error
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
SITE_URL = _origin(_required("SITE_URL"))
WAGTAILADMIN_BASE_URL = _origin(os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL))
WAGTAILAPI_BASE_URL = _origin(os.environ.get("WAGTAILAPI_BASE_URL", SITE_URL))
ALLOWED_HOSTS = [
    host.strip() for host in os.environ.get("ALLOWED_HOSTS", urlsplit(SITE_URL).hostname).split(",") if host.strip()
]
CSRF_TRUSTED_ORIGINS = sorted({SITE_URL, WAGTAILADMIN_BASE_URL})
# Every worker and machine must count rate limits and keep fragments in the same place.
REDIS_URL = _required("REDIS_URL")
CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
CACHES["default"]["KEY_PREFIX"] = "netwerk"

HTTPS = SITE_URL.startswith("https://")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", str(HTTPS)).lower() == "true"
# HSTS starts at one hour and for this host only: a browser remembers it for as long as it says, so a first
# deploy whose HTTPS (or a subdomain's) is not right yet must not lock readers out for a year. Once HTTPS has
# proven itself, raise SECURE_HSTS_SECONDS (31536000 is a year) and switch on SECURE_HSTS_INCLUDE_SUBDOMAINS and
# SECURE_HSTS_PRELOAD; Django's deployment checks about the two are silenced only while they are off by choice.
# Over plain HTTP (the local stack of `make prod-up`) there is no HSTS at all.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "3600")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Exchange requests to an initiative without contact people go here: a real mailbox the editors read, never a
# default such as webmaster@localhost, where requests would be lost without anyone noticing.
EXCHANGE_FALLBACK_EMAIL = _address("EXCHANGE_FALLBACK_EMAIL")
