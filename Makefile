# Binc: every install and check step lives here, so a fresh machine with only Python 3.11+
# gets the same result as CI. `make run` and `make test` are the two entry points.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

# Without DATABASE_URL, an embedded PostgreSQL (lib/embedded_db.py) under .var/postgres is used.
DEV_ENV := DEBUG=true
# Test processes in parallel (pytest-xdist), each with its own test database.
TEST_WORKERS ?= 2
TEST_ENV := SECRET_KEY=make-test-not-a-secret BINC_EMBEDDED_DB=true SECURE_SSL_REDIRECT=false
# Production-like settings for `check --deploy`; bin/start-web runs the same check.
DEPLOY_ENV := DEBUG=false SECRET_KEY=deploy-check-$$(printf '%064d' 0)-not-a-real-secret \
	DATABASE_URL=postgres://binc@db.invalid/binc ALLOWED_HOSTS=binc.example

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test test-fast vloot install lint check chromium libreoffice axe worker beat bench loadtest lock openapi clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	@touch $@

install: $(VENV)/.installed

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@echo "Binc draait op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl+C)"
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Lint: style, the declared app layers (an upward import fails), no import circles, types of
# the whole package, and no application module over 400 lines.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python bin/check-import-cycles
	$(TEST_ENV) $(BIN)/mypy
	$(BIN)/python bin/check-module-size 400

check: install
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

test: lint check chromium libreoffice axe
	$(TEST_ENV) $(BIN)/pytest -n $(TEST_WORKERS)

# The loop while working: everything but the browser, LibreOffice, `make run`, the backup drill,
# the fuzzers and the exhaustive sweeps (marked `browser` and `traag`), in parallel.
test-fast: install
	$(TEST_ENV) $(BIN)/pytest -n $(TEST_WORKERS) -m "not browser and not traag and not benchmark and not vloot"

# Debian's Chromium for the Playwright tests; never a browser downloaded by a test tool.
# Installed where apt-get and root are at hand (CI, Debian machines); elsewhere the browser
# tests are skipped unless CI is set.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium ontbreekt op $(CHROMIUM): de browsertests worden overgeslagen."; fi

# Debian's LibreOffice Calc, the real client every generated xlsx is opened with in the tests;
# installed like Chromium, skipped elsewhere unless CI is set.
libreoffice:
	@if command -v soffice >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; \
	else echo "LibreOffice ontbreekt: de tests die xlsx openen worden overgeslagen."; fi

# The npm test tools, pinned in package-lock.json: axe-core checks every page the browser tests
# visit for WCAG 2.1 AA, oidc-provider is the OpenID provider the login test signs in at.
# Without npm those tests are skipped unless CI is set.
axe:
	@if [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/oidc-provider/package.json ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --silent --no-audit --no-fund; \
	else echo "npm ontbreekt: de toegankelijkheidscontroles worden overgeslagen."; fi

# The production topology (tests/vloot): two web processes, a worker and beat on the machine's
# PostgreSQL and Redis (127.0.0.1), over HTTP; and the tests that need a real Celery worker.
# Skipped, saying why, where those servers do not answer.
BROKER_URL ?= redis://127.0.0.1:6379/0
vloot: install
	CELERY_BROKER_URL=$(BROKER_URL) $(TEST_ENV) $(BIN)/pytest -m "vloot or broker"

worker: install
	$(DEV_ENV) $(BIN)/celery -A config worker --loglevel INFO

beat: install
	$(DEV_ENV) $(BIN)/celery -A config beat --loglevel INFO

# Speed of the start page at 5,000 open dossiers among a million, of the kwartaal export at
# 3,000 clients and at 60 typemodules, and of the Groeipakket feed at a backlog of 100,000
# changes, and of the occupancy engine, the reports and the work lists on a Flanders-sized
# dataset (kept in a database of its own), and the registration API under 20 clients.
bench: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py bench_overview
	$(DEV_ENV) $(BIN)/python manage.py bench_kwartaal
	$(DEV_ENV) $(BIN)/python manage.py bench_groeipakket
	$(DEV_ENV) $(BIN)/python manage.py bench_bezetting
	$(DEV_ENV) $(BIN)/python manage.py bench_rapporten
	$(DEV_ENV) $(BIN)/python manage.py bench_werk
	$(BIN)/python bin/bench-api

# 50 medewerkers (locust) against gunicorn as in docker-compose on the Flanders-sized dataset:
# p50/p95/p99 and requests per second per page (docs/performance.md).
loadtest: install
	$(BIN)/python bin/loadtest

# The registration API's OpenAPI document, generated from the code and kept in the repository
# (a test fails when the two differ): run after changing an endpoint.
openapi: install
	$(TEST_ENV) $(BIN)/python manage.py spectacular --validate --fail-on-warn --file api/openapi.yaml

# Re-pin after changing pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe -o requirements/base.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe --extra dev -o requirements/dev.lock pyproject.toml

clean:
	rm -rf $(VENV) .var .pytest_cache .ruff_cache node_modules
