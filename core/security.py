"""Login protection: who is asking (behind the proxy), and a limit on password-reset mails.

Failed admin logins are counted and locked out by django-axes (settings ``AXES_*``), per account and per address;
an administrator unlocks in the admin (*Geblokkeerde aanmeldingen*) or with ``manage.py axes_reset_username``.
Axes does not see the password-reset form, so ``PasswordResetThrottleMiddleware`` limits the mails it sends.
"""

import hashlib

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse


def client_ip(request):
    """The reader's address: the socket's, or behind ``TRUSTED_PROXY_COUNT`` proxies their X-Forwarded-For entry.

    Behind nginx every request comes from the proxy, so counting the socket's address would lock everyone out
    together. Only as many entries as there are proxies are trusted: the ones further left are what the client sent.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address or None  # a request made in code (force_login) has no address


def _over_limit(kind, value, limit, window):
    """Count one more for ``value`` in the shared cache; whether that passes ``limit`` within ``window`` seconds."""
    key = f"throttle:{kind}:" + hashlib.sha256(value.encode()).hexdigest()
    cache.add(key, 0, timeout=window)  # starts the window at the first request, never extends it
    try:
        count = cache.incr(key)  # atomic in Redis: workers never count the same request twice or lose one
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


class PasswordResetThrottleMiddleware:
    """At most ``PASSWORD_RESET_LIMIT_PER_ACCOUNT`` reset mails per e-mail address and
    ``PASSWORD_RESET_LIMIT_PER_IP`` requests per reader's address, per ``PASSWORD_RESET_WINDOW`` seconds.

    Counted whether or not an account has that address, so the answer tells nothing about which accounts exist.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("wagtailadmin_password_reset"):
            window = settings.PASSWORD_RESET_WINDOW
            email = request.POST.get("email", "").strip().lower()
            over_account = _over_limit("reset-account", email, settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT, window)
            address = client_ip(request) or ""
            over_address = _over_limit("reset-ip", address, settings.PASSWORD_RESET_LIMIT_PER_IP, window)
            if over_account or over_address:
                context = {"minutes": window // 60}
                return render(request, "pages/password_reset_throttled.html", context, status=429)
        return self.get_response(request)


class LoginProtectionBackend(AxesStandaloneBackend):
    """Axes' check before the password is, for logins that come with a request (every login form does).

    Code that authenticates without a request (the test client's ``login()``) is no reader at a form; Axes would
    refuse it outright, so it is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
