"""30 simultaneous posts from one address against a real threaded server: at most the limit get through.

The outside probe had all 30 accepted against a limit of 5 (and 60 e-mails sent), because the count was checked
first and raised only after the request was stored.
"""

import http.cookiejar
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import closing

import pytest
from django.db import connection, connections

from exchange.models import ExchangeRequest, ExchangeStep
from tests.services.live_server import django_server, server_database_url

from .test_contact import valid_data

SIMULTANEOUS = 30
LIMIT = 5  # the default EXCHANGE_RATE_LIMIT


@pytest.fixture
def server(db, tmp_path):
    database_url = server_database_url(tmp_path)
    newest = max(ExchangeRequest.objects.values_list("pk", flat=True), default=0)
    with django_server(database_url, tmp_path / "server.log") as url:
        yield url
    if connection.vendor != "sqlite":
        # The server wrote into the session's test database, outside this test's transaction: remove it on a
        # connection of its own, so the other tests find the database as they expect.
        with closing(connections.create_connection("default")) as own, own.cursor() as cursor:
            # Each request's first step goes with it (the steps table refers to the requests).
            steps = ExchangeStep._meta.db_table
            cursor.execute(f"DELETE FROM {steps} WHERE exchange_id > %s", [newest])  # noqa: S608
            cursor.execute(f"DELETE FROM {ExchangeRequest._meta.db_table} WHERE id > %s", [newest])  # noqa: S608


def test_simultaneous_posts_from_one_address_never_exceed_the_limit(server):
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), _NoRedirect())
    opener.open(f"{server}/contact/joop/", timeout=30).read()
    token = next(cookie.value for cookie in cookies if cookie.name == "csrftoken")
    body = urllib.parse.urlencode(valid_data(csrfmiddlewaretoken=token)).encode()
    start = threading.Barrier(SIMULTANEOUS)
    statuses = []

    def post():
        start.wait()
        # runserver accepts ten connections at a time; a connection refused beyond that is tried again, as a
        # browser would, so all 30 posts reach the view.
        for _attempt in range(10):
            try:
                with opener.open(f"{server}/contact/joop/", data=body, timeout=60) as response:
                    statuses.append(response.status)
                    return
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                return
            except ConnectionError:
                time.sleep(0.05)
        statuses.append("no connection")

    threads = [threading.Thread(target=post) for _ in range(SIMULTANEOUS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses, key=str) == [302] * LIMIT + [429] * (SIMULTANEOUS - LIMIT)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
