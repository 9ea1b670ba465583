#!/usr/bin/env bash
# make bench-serving: how fast the production stack serves, in one run (figures printed, never asserted).
#
# A stack of its own (var/bench-serving/, SQLite, a free port, WEB_CONCURRENCY=2 unless set) with the network
# loaded; wrk at 16 connections for BENCH_SECONDS (5) each: a static file from the proxy (the ceiling), the KEES
# profile page from the proxy cache, the same page with the proxy cache bypassed (gunicorn and Django answer,
# with the rendered page from the shared cache, core/page_cache.py), rendered for every request from the kept
# fragments of published content (a query string keeps it out of both page caches: what an editor, a filtered
# link or the first reader after the page cache expired gets), and, on the stack restarted with
# PAGE_CACHE_SECONDS=0, rendered from nothing (the first reader after a publish).
# wrk and the stack share the machine's cores, so compare the ratios within one run rather than across machines.
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
command -v wrk >/dev/null || { echo "bench-serving needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }

export PROD_STATE=$PWD/var/bench-serving PORT=$(free_port) PURGE_PORT=$(free_port)
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}
unset DATABASE_URL ELASTICSEARCH_URL
seconds=${BENCH_SECONDS:-5}
site=http://127.0.0.1:$PORT
trap 'bash deploy/prod.sh down >/dev/null 2>&1' EXIT
bash deploy/prod.sh up 2>/dev/null
bash deploy/prod.sh manage load_network >/dev/null 2>&1
bash deploy/prod.sh manage configure_site >/dev/null

page=/netwerk/noord-nederland/kees/
static=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["paths"]["css/site.css"])' \
    "$PROD_STATE/static/staticfiles.json")
curl_size() { python3 -c 'import sys, urllib.request; print(len(urllib.request.urlopen(sys.argv[1]).read()))' "$1"; }

run() { # label, url, extra wrk arguments
    local label=$1 url=$2
    shift 2
    wrk -t2 -c16 -d"${seconds}s" --latency -s deploy/wrk-percentiles.lua "$@" "$url" 2>&1 | sed -n 's/^RESULT //p' \
        | sed "s|^|$label |"
}
run warmup "$site$page" -d1s >/dev/null
echo "bench-serving $(date -u +%F) on $(nproc) cores, gunicorn workers: $WEB_CONCURRENCY, wrk -t2 -c16 -d${seconds}s"
echo "page $page: $(curl_size "$site$page") bytes; static /static/$static: $(curl_size "$site/static/$static") bytes"
results=$(
    run static "$site/static/$static"
    run cached "$site$page"
    run uncached "$site$page" -H "X-Bench-Bypass-Cache: 1"
    run rendered "$site$page?bench=1" -H "X-Bench-Bypass-Cache: 1"
)
bash deploy/prod.sh down >/dev/null 2>&1
PAGE_CACHE_SECONDS=0 bash deploy/prod.sh up 2>/dev/null
run warmup "$site$page?bench=1" -d1s -H "X-Bench-Bypass-Cache: 1" >/dev/null
results+=$'\n'$(run scratch "$site$page?bench=1" -H "X-Bench-Bypass-Cache: 1")
python3 - "$results" <<'PY'
import sys
rows = {}
for line in sys.argv[1].splitlines():
    label, *pairs = line.split()
    rows[label] = {key: float(value) for key, value in (pair.split("=") for pair in pairs)}
ceiling = rows["static"]["rps"]
print(f"{'':32} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'of ceiling':>11} {'errors':>7}")
names = {
    "static": "static file (the ceiling)",
    "cached": "profile page, proxy cache",
    "uncached": "proxy bypassed, page cache",
    "rendered": "rendered, fragments kept",
    "scratch": "rendered from nothing",
}
for label, name in names.items():
    row = rows[label]
    errors = int(row["errors"] + row["non2xx"])
    print(f"{name:32} {row['rps']:9.0f} {row['p50']:8.1f} {row['p95']:8.1f} {row['p99']:8.1f} "
          f"{row['rps'] / ceiling:10.1%} {errors:7d}")
PY
