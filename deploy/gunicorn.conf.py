"""gunicorn for the site: sync workers, as many as the cores allow (WEB_CONCURRENCY to choose).

Pages are rendered by Python and wait briefly on the database, so two workers per core plus one keeps the cores
busy without queueing behind a slow query (gunicorn's own advice). Bound to the proxy's socket or port from
GUNICORN_BIND; the proxy in front buffers slow clients, which sync workers cannot afford to wait for.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Load Django once in the master, so that a new worker is a fork ready at once: a worker that loaded the site
# itself would take its core for about two seconds, and requests would queue behind it.
preload_app = True
# A fresh worker now and then keeps a slow leak from growing; the jitter keeps them from restarting together.
max_requests = 2000
max_requests_jitter = 200
# The request log is the site's own (one line with the request id, core.middleware); gunicorn's would double it.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
