# Plain targets for a fresh machine: `make run` to try the site, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The production stack's port: PORT from the environment or the command line, else 8080.
PROD_PORT := $(if $(filter file,$(origin PORT)),8080,$(PORT))
MANAGE := $(BIN)/python manage.py
PYTEST := $(BIN)/python -m pytest

.PHONY: prod-up prod-down backup restore bench-serving bench-search-relevance bench-search-speed bench-search-speed-postgres install run test test-plugin test-sqlite test-postgres fuzz fuzz-postgres lint es-up es-down es-status

# Reinstall only when requirements.txt changed.
$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_network
	$(MANAGE) create_dev_accounts
	PORT=$(PORT) $(MANAGE) configure_site
	@echo "Search backend: $${ELASTICSEARCH_URL:-database (set ELASTICSEARCH_URL to use Elasticsearch)}"
	PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite, then again on a throw-away PostgreSQL cluster when the Debian binaries are there.
# In CI (CI=true) the PostgreSQL run is required.
test: install test-plugin test-sqlite test-postgres

# The Elasticsearch analysis plugin's JUnit tests (Maven Surefire). Required in CI.
test-plugin:
	@if command -v mvn >/dev/null; then \
		cd search/elasticsearch-plugin && mvn -B -q package; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI: Maven is missing, the plugin's tests cannot run"; exit 1; \
	else \
		echo "Skipping the plugin's JUnit tests: no mvn (Maven) on this machine"; \
	fi

test-sqlite: install
	$(PYTEST) $(PYTEST_ARGS)

test-postgres: install
	@if [ -x /usr/lib/postgresql/15/bin/initdb ]; then \
		bash tests/services/postgres.sh -- $(PYTEST) -m "not browser" $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
		echo "CI: PostgreSQL 15 server binaries are missing (apt-get install postgresql-15)"; exit 1; \
	else \
		echo "Skipping the PostgreSQL run: no /usr/lib/postgresql/15/bin/initdb (apt-get install postgresql-15)"; \
	fi

# The fuzzer and the property tests alone (they also run in both runs of `make test`): Schemathesis against a real
# server on the loaded network, and Hypothesis. FUZZ_EXAMPLES (default 10 per operation), FUZZ_SEED (default 15)
# and HYPOTHESIS_MAX_EXAMPLES (default 40) change the run.
fuzz: install
	$(PYTEST) -m fuzz -s tests/opendata/test_fuzz_api.py tests/test_properties.py

fuzz-postgres: install
	bash tests/services/postgres.sh -- $(PYTEST) -m fuzz -s tests/opendata/test_fuzz_api.py tests/test_properties.py

# Relevance of the judged queries on every backend (figures printed, not asserted). Starts the development
# Elasticsearch node when ELASTICSEARCH_URL is not set.
bench-search-relevance: install
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_network
	@url="$${ELASTICSEARCH_URL:-$$(bash search/elasticsearch-node.sh up | sed -n 's/^ELASTICSEARCH_URL=//p' | tail -n 1)}"; \
	ELASTICSEARCH_URL="$$url" $(MANAGE) rebuild_search_index && \
	ELASTICSEARCH_URL="$$url" $(MANAGE) bench_search_relevance

# Indexing and query speed on a synthetic corpus of 10,000 and 100,000 practices (figures printed). Uses a database
# of its own (var/bench.sqlite3, or BENCH_DATABASE_URL, e.g. a PostgreSQL database) and the development node.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3
bench-search-speed: install
	@mkdir -p var
	rm -f var/bench.sqlite3
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --no-input -v 0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_network
	@url="$${ELASTICSEARCH_URL:-$$(bash search/elasticsearch-node.sh up | sed -n 's/^ELASTICSEARCH_URL=//p' | tail -n 1)}"; \
	DATABASE_URL=$(BENCH_DATABASE_URL) ELASTICSEARCH_URL="$$url" $(MANAGE) bench_search_speed --throwaway-database $(BENCH_ARGS)

# The same on a throw-away PostgreSQL cluster: the database backend as it runs in production.
bench-search-speed-postgres: install
	bash tests/services/postgres.sh -- bash -c '$(MAKE) bench-search-speed BENCH_DATABASE_URL="$$DATABASE_URL"'

# The production stack on this machine (deploy/prod.sh): nginx with the proxy cache in front of gunicorn, Redis as
# the shared cache, production settings, on 127.0.0.1:$${PORT:-8080}; state in var/prod/. Takes DATABASE_URL and
# ELASTICSEARCH_URL from the environment. `bash deploy/prod.sh manage ...` runs manage.py against it.
prod-up: install
	PORT=$(PROD_PORT) bash deploy/prod.sh up

prod-down:
	bash deploy/prod.sh down

# Requests/s and latency of the stack: static file, cached page, uncached page (deploy/bench-serving.sh).
bench-serving: install
	@bash deploy/bench-serving.sh

# One dated archive in var/backups/ (database dump and media of the stack); restore into an empty database.
backup:
	@bash deploy/prod.sh backup

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/netwerk-....tar.gz"; exit 2; }
	PORT=$(PROD_PORT) bash deploy/prod.sh restore "$(FILE)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

es-up:
	@bash search/elasticsearch-node.sh up

es-down:
	@bash search/elasticsearch-node.sh down

es-status:
	@bash search/elasticsearch-node.sh status
