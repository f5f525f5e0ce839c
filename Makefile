# Two commands do all the set-up: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test test-postgres test-deploy test-lighthouse bench backup restore lint format install install-dev messages migrate content static editor chromium clean

$(VENV)/bin/activate:
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq python3-venv; } \
	  || { echo "Python's venv module is missing: install it with 'sudo apt-get install python3-venv'."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# A stamp per requirements file: reinstall only when the pins change.
$(VENV)/.stamp-runtime: requirements.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt requirements.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# NL Design System CSS from the npm registry, pinned by package-lock.json, built with our theme and layout into the
# site's one stylesheet, build/site/lpo.css.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (sudo apt-get install nodejs npm)."; exit 1; }
	npm ci --silent --no-audit --no-fund

# The build leaves out component classes that no template or Python file uses, so it also follows those files.
CSS_USERS := $(shell find templates guidance interventions keuzehulp lpo -name '*.html' -o -name '*.py' -not -path '*/migrations/*')
build/site/lpo.css: node_modules/.package-lock.json scripts/build-css.mjs static/css/theme.css static/css/portal.css $(CSS_USERS)
	node scripts/build-css.mjs

# jQuery UI for the language tabs in the admin (django-modeltranslation), served by us: the CSP allows no CDN.
build/jquery-ui/jquery-ui.min.js: node_modules/.package-lock.json
	mkdir -p build/jquery-ui
	cp node_modules/jquery-ui/dist/jquery-ui.min.js node_modules/jquery-ui/LICENSE.txt build/jquery-ui/

# The interface translations (en, uk): .po files in git, compiled to .mo here.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
messages: $(MO_FILES)
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(VENV)/bin/activate
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq gettext >/dev/null; \
	  else echo "msgfmt is missing: install it with 'sudo apt-get install gettext'."; exit 1; fi; }
	msgfmt --check -o $@ $<

install: $(VENV)/.stamp-runtime build/site/lpo.css build/jquery-ui/jquery-ui.min.js messages
install-dev: $(VENV)/.stamp-dev build/site/lpo.css build/jquery-ui/jquery-ui.min.js messages

# A local secret key, made once and never committed (.env is in .gitignore). The local server speaks plain
# HTTP on 127.0.0.1, so it turns off the HTTPS-only settings that production has by default.
.env:
	@umask 077; echo "DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost" >> .env
	@echo "DJANGO_SECURE_HTTPS=false" >> .env
	@echo "Made .env with a new local secret key."

migrate: install .env
	@grep -q '^DJANGO_SECURE_HTTPS=' .env || echo "DJANGO_SECURE_HTTPS=false" >> .env
	@chmod 600 .env; chmod 600 db.sqlite3 db.sqlite3-wal db.sqlite3-shm 2>/dev/null || true
	umask 077 && $(PY) manage.py migrate --noinput && $(PY) manage.py createcachetable

content: migrate
	$(PY) manage.py load_content --if-empty

static: install .env
	$(PY) manage.py collectstatic --noinput -v0

run: content static
	@echo "The LPO portal runs on http://127.0.0.1:$(PORT)/ (stop with Ctrl+C)."
	umask 077 && $(VENV)/bin/gunicorn -c lpo/gunicorn.conf.py lpo.wsgi --bind 127.0.0.1:$(PORT) --workers $$(nproc) --access-logfile -

editor: migrate
	@read -p "Gebruikersnaam van de redacteur: " name; $(PY) manage.py create_editor "$$name"

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The browser tests drive Debian's Chromium; never a browser download.
chromium:
	@[ -x /usr/bin/chromium ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing for the browser tests: install it with 'sudo apt-get install chromium', then run 'make test' again."; \
	    exit 1; \
	  fi; }

test: install-dev lint chromium
	DJANGO_SECRET_KEY=check DJANGO_ALLOWED_HOSTS=localhost $(PY) manage.py makemigrations --check --dry-run
	scripts/run-tests.sh

# A back-up while the site runs (SQLite: a consistent copy; PostgreSQL: the content export), and its restore
# into an empty database: make restore FILE=backups/lpo-….sqlite3
backup: install .env
	$(PY) manage.py backup

restore: install .env
	@[ -n "$(FILE)" ] || { echo "Give the back-up: make restore FILE=backups/lpo-….sqlite3"; exit 1; }
	$(PY) manage.py restore "$(FILE)"

# The same suite on PostgreSQL (scripts/test-postgres.sh starts a local server when none is given).
test-postgres: install-dev chromium
	scripts/test-postgres.sh

# Lighthouse (mobile) on the production server: 100 in every category. Alone, since it measures speed.
test-lighthouse: install-dev chromium
	$(PY) -m pytest --create-db -m lighthouse

# The stack a municipality would run, all on 127.0.0.1: PostgreSQL, Redis, two gunicorn servers, nginx in front
# (scripts/test-deploy.sh installs and starts what it needs and stops it again).
test-deploy: install-dev
	scripts/test-deploy.sh

# Load figures: the production server on loopback under wrk, compared with its own static file (README).
bench: install-dev
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: install it with 'sudo apt-get install wrk'."; exit 1; fi; }
	$(PY) scripts/bench.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
