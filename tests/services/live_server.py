"""A real Django server in a subprocess, on the session's loaded network, for tests that need real concurrency or
real HTTP (the rate-limit race, the schema fuzzer).

pytest-django's ``live_server`` would need ``transactional_db``, which empties the database after each test and
so the loaded network every other test relies on. On SQLite the server gets a copy of the in-memory test database
(SQLite's online backup, milliseconds); on PostgreSQL it uses the test database itself, so a test whose requests
write must delete what they wrote.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_database_url(directory):
    """A database URL for the server holding the loaded network (call with database access unblocked)."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = Path(directory) / "server.sqlite3"
        target.unlink(missing_ok=True)
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return f"sqlite:///{target}"
    # The test database pytest-django created on the server that DATABASE_URL names.
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@contextmanager
def django_server(database_url, log_path, **environment):
    """Run ``manage.py runserver`` (threaded, DEBUG off, test settings) and yield its base URL."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in ("ELASTICSEARCH_URL", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url, **environment)
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):  # noqa: S310 - our own server
                        break
                except OSError as error:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the test server did not start:\n{Path(log_path).read_text()}") from error
                    time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
