"""The exchange app's settings, with their defaults: override any of them in the settings module."""

from django.conf import settings


def retention_days():
    """How long a request is kept before ``purge_exchange_requests`` deletes it."""
    return int(getattr(settings, "EXCHANGE_RETENTION_DAYS", 365))


def fallback_email():
    """Where a request goes when the initiative has no contact person with an e-mail address."""
    return getattr(settings, "EXCHANGE_FALLBACK_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def rate_limit():
    """How many requests one IP address may send per window (``EXCHANGE_RATE_LIMIT_WINDOW`` seconds)."""
    return int(getattr(settings, "EXCHANGE_RATE_LIMIT", 5)), int(getattr(settings, "EXCHANGE_RATE_LIMIT_WINDOW", 3600))


def trusted_proxies():
    """How many reverse proxies in front of the site append to X-Forwarded-For (0: use the socket's address).

    Behind a proxy every request comes from the proxy's address, so the rate limit would count all readers
    together; the proxy's X-Forwarded-For entry for the reader is then the one to count. Never trust more entries
    than there are proxies: the left-hand ones are whatever the client sent.
    """
    return int(getattr(settings, "EXCHANGE_TRUSTED_PROXY_COUNT", 0))


def link_days():
    """How long the requester's personal link works after it was mailed (each mail carries a fresh one)."""
    return int(getattr(settings, "EXCHANGE_LINK_DAYS", 90))


def reminder_working_days():
    """After how many working days without a move the side whose turn it is gets a reminder."""
    return int(getattr(settings, "EXCHANGE_REMINDER_WORKING_DAYS", 10))


def site_url():
    return getattr(settings, "SITE_URL", "").rstrip("/")
