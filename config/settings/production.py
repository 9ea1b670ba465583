"""Production settings: secrets and hosts come from the environment, and the site refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from .base import *


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name}: production will not start without it.")
    return value


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
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# HSTS starts at one hour and for this host only: a browser remembers it for as long as it says, so a first
# deploy whose HTTPS (or a subdomain's) is not right yet must not lock readers out for a year. Once HTTPS has
# proven itself, raise SECURE_HSTS_SECONDS (31536000 is a year) and switch on SECURE_HSTS_INCLUDE_SUBDOMAINS and
# SECURE_HSTS_PRELOAD; Django's deployment checks about the two are silenced only while they are off by choice.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "3600"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
# Exchange requests to an initiative without contact people go here: a real mailbox the editors read, never a
# default such as webmaster@localhost, where requests would be lost without anyone noticing.
EXCHANGE_FALLBACK_EMAIL = _address("EXCHANGE_FALLBACK_EMAIL")
