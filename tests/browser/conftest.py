"""Browser tests: Playwright drives Debian's Chromium against a Django server in a subprocess.

The server runs on a free port against its own SQLite file, a copy of the session's test database (the study's
network, loaded once by tests/conftest.py, with its search index): pytest-django's ``live_server`` would need
``transactional_db``, which empties the database after each test and so the loaded network every other test
relies on. On SQLite the copy is SQLite's online backup of the in-memory test database (milliseconds); on any
other database the file is built with ``migrate`` and ``load_network``.

Outside CI a missing /usr/bin/chromium skips these tests, saying why; with CI=true it fails them.
Screenshots go to var/screenshots/ (git-ignored); the end of the run lists them.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
STATE_DIR = REPO_ROOT / "var" / "browser-test"
SERVER_START_TIMEOUT_S = 60


def _in_ci():
    return os.environ.get("CI", "").lower() == "true"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _missing(reason):
    if _in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path():
    if not CHROMIUM.exists():
        _missing(f"the browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def axe_script():
    if not AXE_SCRIPT.exists():
        _missing(f"the accessibility tests need axe-core at {AXE_SCRIPT.relative_to(REPO_ROOT)} (run `npm ci`)")
    return AXE_SCRIPT


def _session_uses_the_test_database(session):
    """Whether pytest-django sets up its test database in this run (it does only for tests that use it)."""
    database_fixtures = {"db", "transactional_db", "live_server"}
    return any(
        item.get_closest_marker("django_db") or database_fixtures & set(getattr(item, "fixturenames", ()))
        for item in session.items
    )


@pytest.fixture(scope="session")
def server_database(request):
    """An SQLite file holding the loaded network, for the server subprocess.

    When the run sets up the test database (as ``make test`` does), it is copied with SQLite's online backup.
    Otherwise (``pytest tests/browser`` alone, or a PostgreSQL run) the file is built with ``migrate`` and
    ``load_network`` in a subprocess: the test settings would otherwise point at the developer's own database.
    """
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    target = STATE_DIR / "db.sqlite3"
    target.unlink(missing_ok=True)
    if _session_uses_the_test_database(request.session):
        request.getfixturevalue("django_db_setup")
        django_db_blocker = request.getfixturevalue("django_db_blocker")
        from django.db import connection

        with django_db_blocker.unblock():
            if connection.vendor == "sqlite":
                connection.ensure_connection()
                copy = sqlite3.connect(target)
                try:
                    connection.connection.backup(copy)
                finally:
                    copy.close()
                return target
    env = _server_env(target)
    for command in (["migrate", "--no-input", "-v", "0"], ["load_network"]):
        subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, "manage.py", *command], cwd=REPO_ROOT, env=env, check=True, capture_output=True
        )
    return target


def _server_env(database):
    env = {key: value for key, value in os.environ.items() if key not in ("ELASTICSEARCH_URL", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=f"sqlite:///{database}")
    return env


def run_on_server_database(database, code):
    """Run Python in ``manage.py shell`` against the browser tests' server database; its output."""
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO_ROOT,
        env=_server_env(database),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def add_role_accounts(database, password, accounts):
    """Accounts in the real groups, never a superuser: ``accounts`` maps an e-mail address to "editors" or to the
    slug of the initiative whose coordinator it is. The groups and their rights are setup_roles' own."""
    run_on_server_database(
        database,
        f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from editorial.roles import EDITORS, coordinator_group
from network.models import InitiativePage

for email, role in {accounts!r}.items():
    group = Group.objects.get(name=EDITORS) if role == "editors" else coordinator_group(
        InitiativePage.objects.get(slug=role)
    )
    user, _ = get_user_model().objects.get_or_create(username=email, defaults={{"email": email}})
    user.set_password({password!r})
    user.save()
    user.groups.add(group)
""",
    )


@pytest.fixture(scope="session")
def server_url(server_database):
    """The base URL of a Django server (runserver, DEBUG off, static files served) on the copied database."""
    port = _free_port()
    log = (STATE_DIR / "server.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [
            sys.executable,
            "manage.py",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",  # serve /static/ from the finders although DEBUG is off, as the test settings have it
            "--skip-checks",
        ],
        cwd=REPO_ROOT,
        env=_server_env(server_database),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):  # noqa: S310 - our own local server
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.close()
                pytest.fail(f"the test server did not start:\n{(STATE_DIR / 'server.log').read_text()}", pytrace=False)
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def site_pages(server_url):
    """Paths of one live page of each type, asked of the server's own API (no database access in this process)."""

    def first(query):
        with urllib.request.urlopen(f"{server_url}/api/v2/pages/?{query}", timeout=10) as response:  # noqa: S310
            items = json.load(response)["items"]
        return urlsplit(items[0]["meta"]["html_url"]).path

    return {
        "home": "/",
        "network": "/netwerk/",
        "region": first("type=network.RegionPage&slug=zeeland"),
        "initiative": first("type=network.InitiativePage&slug=joop"),
        "practice": first("type=practices.PracticePage&slug=joop-persoon-als-aanspreekpunt"),
        "update": first("type=network.UpdatePage&order=id&limit=1"),
        "practices": "/praktijken/",
    }


@pytest.fixture(scope="module")
def browser(chromium_path, server_url):
    """One Chromium per test module. Module scope: Playwright's sync API runs an event loop that must not
    outlive the browser tests, or Django would refuse database access in the tests that come after."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, server_url):
    context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def pytest_terminal_summary(terminalreporter):
    if not SCREENSHOTS.is_dir():
        return
    shots = sorted(SCREENSHOTS.glob("*.png"))
    if shots:
        terminalreporter.section("screenshots")
        terminalreporter.write_line(f"{len(shots)} screenshots in {SCREENSHOTS.relative_to(REPO_ROOT)}/:")
        for shot in shots:
            terminalreporter.write_line(f"  {shot.name}  ({shot.stat().st_size // 1024} KiB)")
