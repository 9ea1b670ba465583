"""The production stack's tests run against a stack that `make prod-up` started (deploy/smoke.sh does all of it).

They read its address from PROD_URL and an editor's account from PROD_EDITOR_USER and PROD_EDITOR_PASSWORD.
Without PROD_URL they are left out of the run (`make test` starts no stack); deploy/smoke.sh, which CI runs after
`make test`, starts the stack, sets them and runs these tests for real.
"""

import os
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PROD_URL"):
        return
    stack = [item for item in items if "tests/production/" in str(item.fspath)]
    if stack:
        config.hook.pytest_deselected(items=stack)
        items[:] = [item for item in items if item not in stack]


@pytest.fixture(scope="session")
def site_url():
    return os.environ["PROD_URL"].rstrip("/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def fetch(url, method="GET", headers=None):
    """(status, headers, body) of one anonymous request, redirects not followed."""
    request = urllib.request.Request(url, method=method, headers=headers or {})  # noqa: S310 - the stack's own URLs
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def browser_page():
    """A page in Debian's Chromium, driven by Playwright, as in the browser tests."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium.new_context().new_page()
        finally:
            chromium.close()
