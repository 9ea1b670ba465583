#!/usr/bin/env bash
# The production stack end to end, as CI runs it (under tests/services/postgres.sh for PostgreSQL):
# make prod-up with Elasticsearch configured but stopped, load the network, the stack's tests through the proxy
# (tests/production: sitemap, static files, cache headers, purge on publish in the admin, health, request log),
# a backup of the edited site restored into an empty database and compared, then make prod-down.
# State in var/smoke/ and a free port, so a stack of one's own on 8080 is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

export PROD_STATE=$PWD/var/smoke BACKUP_DIR=$PWD/var/smoke-backups
export PORT=${SMOKE_PORT:-$(free_port)} PURGE_PORT=$(free_port)
# Nothing listens there: the site must answer from the database and say so.
export ELASTICSEARCH_URL=http://127.0.0.1:$(free_port)
database_url=${DATABASE_URL:-sqlite:///$PROD_STATE/db.sqlite3}
case $database_url in postgres*) vendor=postgresql ;; *) vendor=sqlite ;; esac
started=$(date +%s)
step() { echo "== smoke ($(($(date +%s) - started)) s): $*"; }

rm -rf "$PROD_STATE" "$BACKUP_DIR"
trap 'bash deploy/prod.sh down' EXIT
step "prod-up on 127.0.0.1:$PORT ($vendor)"
make -s prod-up
step "load_network"
# Elasticsearch is down, so every page says it could not be indexed: that goes to the log, not the screen.
bash deploy/prod.sh manage load_network >"$PROD_STATE/log/load_network.log" 2>&1
bash deploy/prod.sh manage configure_site
# An editor of the ministry (the role that publishes and keeps the vocabulary), not a superuser.
editor_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(16))')
bash deploy/prod.sh manage shell -v 0 -c "
from django.contrib.auth.models import Group, User
from editorial.roles import EDITORS
User.objects.create_user('smoke-editor', 'smoke@example.org', '$editor_password').groups.add(Group.objects.get(name=EDITORS))"

step "the stack's tests through the proxy"
PROD_URL=http://127.0.0.1:$PORT PROD_EDITOR_USER=smoke-editor PROD_EDITOR_PASSWORD=$editor_password \
    PROD_DATABASE_VENDOR=$vendor PROD_ELASTICSEARCH_STOPPED=1 \
    .venv/bin/python -m pytest tests/production -q

step "backup of the edited site (an uploaded image, an exchange request), restore into an empty database"
bash deploy/prod.sh manage shell -v 0 -c "$(cat tests/production/edit_site.py)"
fingerprint() {
    bash deploy/prod.sh manage shell -v 0 -c "$(cat tests/production/count_content.py)"
    echo "media=$( (cd "$PROD_STATE/media" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16)"
}
before=$(fingerprint)
archive=$(bash deploy/prod.sh backup)
bash deploy/prod.sh down
case $database_url in
postgres*)
    restored_url=${database_url%/*}/restored
    .venv/bin/python - "$database_url" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as connection:
    connection.execute("CREATE DATABASE restored")
PY
    ;;
*) restored_url=sqlite:///$PROD_STATE/restored.sqlite3 ;;
esac
rm -rf "$PROD_STATE/media"
DATABASE_URL=$restored_url bash deploy/prod.sh restore "$archive"
after=$(fingerprint)
echo "before: $(echo $before)"
echo "after:  $(echo $after)"
[[ $before == "$after" ]] || { echo "smoke: the restored site differs from the backed-up one" >&2; exit 1; }
step "done"
