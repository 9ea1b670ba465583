"""Production settings refuse to start without their secrets and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
REQUIRED = {"SECRET_KEY", "ALLOWED_HOSTS", "EXCHANGE_FALLBACK_EMAIL"}
COMPLETE = {
    "SECRET_KEY": "k" * 20 + "9fq!x2" * 8,
    "ALLOWED_HOSTS": "netwerk.example.org",
    "EXCHANGE_FALLBACK_EMAIL": "redactie@netwerk.example.org",
}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in REQUIRED}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without_each_required_setting(missing):
    result = manage("check", **{name: value for name, value in COMPLETE.items() if name != missing})
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_a_fallback_recipient_that_is_no_address():
    result = manage("check", **{**COMPLETE, "EXCHANGE_FALLBACK_EMAIL": "webmaster@localhost, iemand"})
    assert result.returncode != 0
    assert "EXCHANGE_FALLBACK_EMAIL" in result.stderr


def _settings(**env):
    script = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.EXCHANGE_FALLBACK_EMAIL)"
    )
    result = manage("shell", "-c", script, **{**COMPLETE, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_hsts_starts_short_for_this_host_only_and_is_raised_by_setting():
    assert _settings() == ["3600", "False", "False", "redactie@netwerk.example.org"]
    raised = _settings(
        SECURE_HSTS_SECONDS="31536000", SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true"
    )
    assert raised[:3] == ["31536000", "True", "True"]


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **COMPLETE)
    assert result.returncode == 0, result.stdout + result.stderr
