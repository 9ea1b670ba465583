"""Production settings refuse to start without their secrets and services and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "9fq!x2" * 8,
    "SITE_URL": "https://netwerk.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EXCHANGE_FALLBACK_EMAIL": "redactie@netwerk.example.org",
}
SETTINGS_FROM_ENVIRONMENT = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "REDIS_URL",
    "WAGTAILADMIN_BASE_URL",
    "EXCHANGE_FALLBACK_EMAIL",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in SETTINGS_FROM_ENVIRONMENT}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "SITE_URL", "REDIS_URL", "EXCHANGE_FALLBACK_EMAIL"])
def test_production_refuses_to_start_without(missing):
    result = manage("check", **{name: value for name, value in PRODUCTION.items() if name != missing})
    assert result.returncode != 0
    assert f"Set the environment variable {missing}" in result.stderr


def test_production_refuses_a_site_address_without_a_scheme():
    result = manage("check", **{**PRODUCTION, "SITE_URL": "netwerk.example.org"})
    assert result.returncode != 0
    assert "is not a site address" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_plain_http_site_address_fails_the_deployment_checklist():
    # The local stack of `make prod-up` runs on http://127.0.0.1; a real site on http:// must not pass unnoticed.
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "SITE_URL": "http://127.0.0.1:8080"}
    )
    assert result.returncode != 0
    assert "SESSION_COOKIE_SECURE" in result.stdout + result.stderr


def test_links_and_accepted_hosts_follow_the_site_address():
    code = (
        "from django.conf import settings as s; "
        "print(s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL, "
        "','.join(s.ALLOWED_HOSTS), ','.join(s.CSRF_TRUSTED_ORIGINS))"
    )
    result = manage("shell", "-v", "0", "-c", code, **{**PRODUCTION, "SITE_URL": "https://netwerk.example.org:8443/"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://netwerk.example.org:8443",
        "https://netwerk.example.org:8443",
        "netwerk.example.org",
        "https://netwerk.example.org:8443",
    ]


def test_production_refuses_a_fallback_recipient_that_is_no_address():
    result = manage("check", **{**PRODUCTION, "EXCHANGE_FALLBACK_EMAIL": "webmaster@localhost, iemand"})
    assert result.returncode != 0
    assert "EXCHANGE_FALLBACK_EMAIL" in result.stderr


def _settings(**env):
    script = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.EXCHANGE_FALLBACK_EMAIL)"
    )
    result = manage("shell", "-c", script, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_hsts_starts_short_for_this_host_only_and_is_raised_by_setting():
    assert _settings() == ["3600", "False", "False", "redactie@netwerk.example.org"]
    raised = _settings(
        SECURE_HSTS_SECONDS="31536000", SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true"
    )
    assert raised[:3] == ["31536000", "True", "True"]
