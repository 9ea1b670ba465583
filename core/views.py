"""The health endpoint for monitoring: can this process reach what it needs to answer readers?"""

import uuid

from django.core.cache import cache, caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.service import search_service


@never_cache
@require_GET
def health(request):
    """JSON with the database, the cache and the search backend; 503 when the database or the cache fails.

    Elasticsearch being down does not make the site unhealthy: the database answers searches instead, and the
    answer says so (``search.fallback``), for monitoring to raise it separately.
    """
    database = _check_database()
    shared_cache = _check_cache()
    search = _check_search()
    healthy = database["ok"] and shared_cache["ok"]
    body = {"status": "ok" if healthy else "fail", "database": database, "cache": shared_cache, "search": search}
    return JsonResponse(body, status=200 if healthy else 503, json_dumps_params={"indent": 2})


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure is the answer, whatever the driver raises
        return {"ok": False, "vendor": connection.vendor, "error": type(error).__name__}
    return {"ok": True, "vendor": connection.vendor}


def _check_cache():
    key = f"health:{uuid.uuid4().hex}"
    backend = type(caches["default"]).__name__
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception as error:  # a Redis that is down raises the client's own errors
        return {"ok": False, "backend": backend, "error": type(error).__name__}
    return {"ok": ok, "backend": backend}


def _check_search():
    service = search_service()
    if service.elasticsearch is None:
        return {"configured": "database", "answering": "database", "fallback": False}
    try:
        reachable = bool(service.elasticsearch.client.ping())
    except Exception:  # ping() says False for most failures; anything else means the same
        reachable = False
    return {
        "configured": "elasticsearch",
        "answering": "elasticsearch" if reachable else "database",
        "fallback": not reachable,
    }
