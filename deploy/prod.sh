#!/usr/bin/env bash
# The production stack on this machine, from the repository's own files (make prod-up / prod-down / backup / restore).
#
#   bash deploy/prod.sh up        collectstatic, migrate, Redis, gunicorn and nginx on 127.0.0.1:${PORT:-8080}
#                                 (PURGE requests from the site on 127.0.0.1:${PURGE_PORT:-PORT+1})
#   bash deploy/prod.sh down      stop all three
#   bash deploy/prod.sh status    which of them run
#   bash deploy/prod.sh manage ARGS...   manage.py with the stack's settings, as the stack's user
#   bash deploy/prod.sh backup    one dated archive in var/backups/: a consistent database dump and the media
#   bash deploy/prod.sh restore FILE     into the (empty) database of DATABASE_URL and an empty media folder
#
# Production settings (config.settings.production) with SITE_URL=http://127.0.0.1:$PORT. DATABASE_URL and
# ELASTICSEARCH_URL are taken from the environment of `up` (SQLite in var/prod/ and database search without
# them). State lives in the git-ignored var/prod/: database, media, Redis socket, proxy cache, logs, and the
# generated secret key (kept, so sessions survive a restart). As root, everything runs as the system user
# ${PROD_USER:-netwerk-web}, which owns var/prod/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE=${PROD_STATE:-$ROOT/var/prod}
BACKUPS=${BACKUP_DIR:-$ROOT/var/backups}
# A host set up by hand (deploy/systemd/) keeps its environment elsewhere: backup, restore and manage read it there.
ENV_FILE=${PROD_ENV_FILE:-$STATE/env}
RUN=$STATE/run
LOG=$STATE/log
PORT=${PORT:-8080}
PURGE_PORT=${PURGE_PORT:-$((PORT + 1))}
SERVICE_USER=${PROD_USER:-netwerk-web}
VENV=$ROOT/.venv

say() { echo "prod: $*" >&2; }
die() {
    say "ERROR: $*"
    for log in "$LOG/app.log" "$LOG/nginx-error.log" "$LOG/redis.log"; do
        [[ -s $log ]] && { say "--- last lines of $log"; tail -n 20 "$log" >&2; }
    done
    exit 1
}
is_root() { [[ $(id -u) -eq 0 ]]; }
as_service_user() {
    if is_root; then runuser -u "$SERVICE_USER" -- "$@"; else "$@"; fi
}
# A command with the stack's environment (var/prod/env), as the stack's user.
with_env() {
    as_service_user env -i PATH="$VENV/bin:/usr/sbin:/usr/bin:/bin" HOME="$STATE" LANG=C.UTF-8 \
        bash -c 'set -a; . "$0"; set +a; exec "$@"' "$ENV_FILE" "$@"
}
manage() { with_env "$VENV/bin/python" "$ROOT/manage.py" "$@"; }

running() { # pid file, expected text in the command line
    local pid
    [[ -s $1 ]] || return 1
    pid=$(tr -dc '0-9' <"$1")
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

http_status() {
    python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=5).status)
except urllib.error.HTTPError as error:
    print(error.code)
except OSError:
    print(0)
PY
}

let_through() {
    local dir=$1 ancestors=()
    while [[ $dir == /*/* ]]; do
        dir=${dir%/*}
        ancestors=("$dir" "${ancestors[@]}")
    done
    for dir in "${ancestors[@]}"; do
        if ! runuser -u "$SERVICE_USER" -- test -x "$dir"; then
            chmod o+x "$dir"
            say "note: ran 'chmod o+x $dir' so that $SERVICE_USER can reach $1 (search only, no listing)"
        fi
    done
}

prepare_user() {
    is_root || return 0
    if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
        say "creating system user $SERVICE_USER to run the stack"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER"
    fi
    chown -R "$SERVICE_USER:" "$STATE"
    # The user must reach the code, the virtualenv and the Python it was made with (pyenv's may live under
    # /root): let it through every folder above them (search, not list).
    let_through "$ROOT"
    let_through "$(readlink -f "$VENV/bin/python")"
    runuser -u "$SERVICE_USER" -- test -r "$ROOT/manage.py" || die "$SERVICE_USER cannot read $ROOT"
    runuser -u "$SERVICE_USER" -- "$VENV/bin/python" -c "" || die "$SERVICE_USER cannot run $VENV/bin/python"
}

write_env() {
    [[ -s $STATE/secret_key ]] || python3 -c 'import secrets; print(secrets.token_hex(32))' >"$STATE/secret_key"
    local database_url=${DATABASE_URL:-sqlite:///$STATE/db.sqlite3}
    umask 077
    cat >"$STATE/env" <<ENV
DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$(cat "$STATE/secret_key")
SITE_URL=http://127.0.0.1:$PORT
ALLOWED_HOSTS=127.0.0.1,localhost
DATABASE_URL=$database_url
DATABASE_CONN_MAX_AGE=60
ELASTICSEARCH_URL=${ELASTICSEARCH_URL:-}
REDIS_URL=unix://$RUN/redis.sock
FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$PURGE_PORT
STATIC_ROOT=$STATE/static
MEDIA_ROOT=$STATE/media
GUNICORN_BIND=unix:$RUN/gunicorn.sock
TRUSTED_PROXY_COUNT=1
WEB_CONCURRENCY=${WEB_CONCURRENCY:-}
PAGE_CACHE_SECONDS=${PAGE_CACHE_SECONDS:-}
EMAIL_HOST=${EMAIL_HOST:-localhost}
EXCHANGE_FALLBACK_EMAIL=${EXCHANGE_FALLBACK_EMAIL:-redactie@localhost.localdomain}
ENV
    umask 022
    # An empty WEB_CONCURRENCY would not be a number: leave gunicorn's core count then.
    [[ -n ${WEB_CONCURRENCY:-} ]] || sed -i '/^WEB_CONCURRENCY=$/d' "$STATE/env"
    [[ -n ${PAGE_CACHE_SECONDS:-} ]] || sed -i '/^PAGE_CACHE_SECONDS=$/d' "$STATE/env"
}

render_nginx() {
    local substitute=(
        -e "s|@STATE@|$STATE|g" -e "s|@RUN@|$RUN|g" -e "s|@LOG@|$LOG|g" -e "s|@LISTEN@|127.0.0.1:$PORT|g" -e "s|@PURGE_LISTEN@|127.0.0.1:$PURGE_PORT|g"
        -e "s|@STATIC_ROOT@|$STATE/static|g" -e "s|@MEDIA_ROOT@|$STATE/media|g" -e "s|@PURGE_FROM@|127.0.0.1|g"
    )
    sed "${substitute[@]}" deploy/nginx-local.conf.in >"$STATE/nginx/nginx.conf"
    sed "${substitute[@]}" deploy/nginx-site.conf.in >"$STATE/nginx/site.conf"
    cp deploy/proxy-headers.conf "$STATE/nginx/proxy-headers.conf"
    : >"$STATE/nginx/tls.conf"
}

up() {
    command -v nginx >/dev/null || die "nginx is missing (Debian: apt-get install nginx-light libnginx-mod-http-cache-purge)"
    [[ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ]] \
        || die "nginx's cache-purge module is missing (Debian: apt-get install libnginx-mod-http-cache-purge)"
    command -v redis-server >/dev/null || die "redis-server is missing (Debian: apt-get install redis-server)"
    [[ -x $VENV/bin/gunicorn ]] || die "no gunicorn in $VENV: run make install"
    if running "$RUN/nginx.pid" nginx; then
        die "the stack already runs (make prod-down first)"
    fi
    mkdir -p "$RUN" "$LOG" "$STATE/nginx/cache" "$STATE/nginx/tmp" "$STATE/media" "$STATE/static" "$STATE/redis"
    rm -rf "${STATE:?}/nginx/cache/"*  # a new start serves nothing from before it
    write_env
    render_nginx
    prepare_user

    say "Redis (shared cache) on $RUN/redis.sock"
    as_service_user redis-server --port 0 --unixsocket "$RUN/redis.sock" --unixsocketperm 700 --daemonize yes \
        --pidfile "$RUN/redis.pid" --logfile "$LOG/redis.log" --dir "$STATE/redis" --save "" --appendonly no \
        --maxmemory 256mb --maxmemory-policy allkeys-lru
    say "collectstatic, migrate"
    manage collectstatic --no-input -v 0
    manage migrate --no-input -v 0
    manage configure_site
    say "gunicorn on $RUN/gunicorn.sock"
    rm -f "$RUN/gunicorn.sock"
    with_env "$VENV/bin/gunicorn" -c "$ROOT/deploy/gunicorn.conf.py" --chdir "$ROOT" --daemon \
        --pid "$RUN/gunicorn.pid" --error-logfile "$LOG/app.log" --capture-output
    say "nginx on 127.0.0.1:$PORT"
    as_service_user nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -e "$LOG/nginx-error.log" \
        || die "nginx did not start (is port $PORT free?)"

    local health=""
    for _ in $(seq 1 100); do
        health=$(http_status "http://127.0.0.1:$PORT/gezondheid/")
        [[ $health == 200 || $health == 503 ]] && break
        sleep 0.2
    done
    [[ $health == 200 ]] || die "the site does not answer healthy on http://127.0.0.1:$PORT/gezondheid/ ($health)"
    say "up: http://127.0.0.1:$PORT/ (logs in $LOG, bash deploy/prod.sh manage ... for manage.py)"
}

stop() { # name, pid file, expected text in the command line
    if running "$2" "$3"; then
        kill -TERM "$(tr -dc '0-9' <"$2")"
        for _ in $(seq 1 50); do running "$2" "$3" || break; sleep 0.2; done
        running "$2" "$3" && kill -KILL "$(tr -dc '0-9' <"$2")"
        say "stopped $1"
    fi
    rm -f "$2"
}

down() {
    stop nginx "$RUN/nginx.pid" nginx
    stop gunicorn "$RUN/gunicorn.pid" gunicorn
    stop redis "$RUN/redis.pid" redis-server
}

status() {
    local name pid_file pattern
    for spec in "nginx:nginx.pid:nginx" "gunicorn:gunicorn.pid:gunicorn" "redis:redis.pid:redis-server"; do
        IFS=: read -r name pid_file pattern <<<"$spec"
        if running "$RUN/$pid_file" "$pattern"; then echo "$name: runs"; else echo "$name: stopped"; fi
    done
}

# The database engine and, for SQLite, the file: from the stack's DATABASE_URL.
env_value() { grep "^$1=" "$ENV_FILE" | cut -d= -f2-; }
database_url() { env_value DATABASE_URL; }
media_root() { local media; media=$(env_value MEDIA_ROOT); echo "${media:-$STATE/media}"; }
pg_tool() { # pg_dump or pg_restore of the server's major version when Debian's server package is there
    if [[ -x /usr/lib/postgresql/15/bin/$1 ]]; then echo "/usr/lib/postgresql/15/bin/$1"; else command -v "$1"; fi
}

backup() {
    [[ -s $ENV_FILE ]] || die "no stack configured yet: make prod-up first"
    local url work archive
    url=$(database_url)
    work=$(mktemp -d /tmp/netwerk-backup.XXXXXX)
    trap 'rm -rf "$work"' RETURN
    case $url in
    postgres://* | postgresql://*)
        # One transaction, so the dump is consistent while the site keeps writing.
        "$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$work/database.pgdump" "$url"
        ;;
    sqlite:///*)
        # SQLite's online backup API: a consistent copy even while workers write.
        python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' \
            "${url#sqlite://}" "$work/database.sqlite3"
        ;;
    *) die "cannot back up the database $url" ;;
    esac
    mkdir -p "$work/media"
    cp -a "$(media_root)/." "$work/media/"
    printf 'database=%s\ncreated=%s\ncommit=%s\n' "${url%%:*}" "$(date -u +%FT%TZ)" \
        "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" >"$work/backup.txt"
    mkdir -p "$BACKUPS"
    archive=$BACKUPS/netwerk-$(date -u +%Y%m%dT%H%M%SZ).tar.gz
    (cd "$work" && tar -czf "$archive" backup.txt media database.*)
    chmod 600 "$archive"
    echo "$archive"
}

restore() {
    local archive=${1:-} url work tables
    [[ -f $archive ]] || die "usage: make restore FILE=var/backups/netwerk-....tar.gz"
    archive=$(readlink -f "$archive")
    if running "$RUN/gunicorn.pid" gunicorn; then die "stop the stack first (make prod-down)"; fi
    mkdir -p "$RUN" "$LOG" "$STATE/media" "$STATE/static"
    [[ -n ${PROD_ENV_FILE:-} ]] || write_env
    prepare_user
    url=$(database_url)
    local media
    media=$(media_root)
    mkdir -p "$media"
    tables=$(manage shell -v 0 -c 'from django.db import connection; print(len(connection.introspection.table_names()))')
    [[ $tables == 0 ]] || die "the database of DATABASE_URL is not empty ($tables tables): restore goes into an empty one"
    [[ -z $(ls -A "$media") ]] || die "$media is not empty: restore goes into an empty media folder"
    work=$(mktemp -d /tmp/netwerk-restore.XXXXXX)
    trap 'rm -rf "$work"' RETURN
    tar -C "$work" -xzf "$archive"
    case $url in
    postgres://* | postgresql://*)
        [[ -f $work/database.pgdump ]] || die "$archive holds no PostgreSQL dump ($(grep database= "$work/backup.txt"))"
        "$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --dbname="$url" "$work/database.pgdump"
        ;;
    sqlite:///*)
        [[ -f $work/database.sqlite3 ]] || die "$archive holds no SQLite database ($(grep database= "$work/backup.txt"))"
        cp "$work/database.sqlite3" "${url#sqlite://}"
        ;;
    esac
    cp -a "$work/media/." "$media/"
    if is_root; then chown -R "$SERVICE_USER:" "$media"; fi
    say "restored $archive ($(grep created= "$work/backup.txt")); make prod-up starts the site on it"
}

case ${1:-} in
up) up ;;
down) down ;;
status) status ;;
backup) backup ;;
restore) restore "${2:-}" ;;
manage)
    shift
    [[ -s $ENV_FILE ]] || die "no stack configured yet: make prod-up first"
    manage "$@"
    ;;
*)
    echo "usage: $0 up|down|status|manage ARGS..." >&2
    exit 2
    ;;
esac
