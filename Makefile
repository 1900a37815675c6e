# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: demo test install install-test lint messages lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Every package at the version of the lock files (requirements/), then the project itself without resolving
# anything again: what runs is what was locked, not whatever the registry holds that day.
$(VENV)/.installed: pyproject.toml requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements/base.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt package.json package-lock.json $(VENV)/.installed
	$(BIN)/pip install -q -r requirements/test.txt
	$(BIN)/pip install -q --no-deps -e ".[test]"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## lock: the lock files requirements/base.txt and requirements/test.txt made again from pyproject.toml's pins
## (pip-tools). To upgrade a package: change its pin in pyproject.toml, run `make lock`, run `make test`,
## commit the three files together. `make lock UPGRADE=--upgrade` also moves what the pins leave free.
COMPILE := $(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links $(UPGRADE)
lock: | $(BIN)/python
	$(BIN)/pip install -q pip-tools==7.7.0
	$(COMPILE) --output-file requirements/base.txt pyproject.toml
	$(COMPILE) --extra test --output-file requirements/test.txt pyproject.toml

## demo: the embedded site (SQLite, database search, tasks in-process) with sample data on 127.0.0.1:$(PORT)
## (8000 unless `make demo PORT=8001`), as the real site looks: DEBUG off, its own 404 and 500 pages, static
## files collected and served by WhiteNoise. Its e-mails link to where it is served: SITE_URL for the server,
## and load_demo_data points the Wagtail site there too. The bulk downloads of /data/ are built at once, as the
## nightly task builds them on the real site.
DEMO_URL = http://127.0.0.1:$(PORT)
demo: install
	$(MANAGE) migrate --noinput
	SITE_URL=$(DEMO_URL) $(MANAGE) load_demo_data --port $(PORT)
	$(MANAGE) search_index --rebuild
	SITE_URL=$(DEMO_URL) $(MANAGE) build_downloads
	DEBUG=false $(MANAGE) collectstatic --noinput -v0
	@echo "The demo: $(DEMO_URL)/  (the admin: $(DEMO_URL)/admin/, accounts above)"
	SITE_URL=$(DEMO_URL) DEBUG=false $(MANAGE) runserver 127.0.0.1:$(PORT)

## messages: collect the translatable strings into locale/ur/LC_MESSAGES/django.po (needs GNU gettext), then
## compile every catalogue with polib (bin/compile_catalogue.py): the .mo is committed, so `make demo` needs no
## gettext. Translate the new entries in the .po, then run `make messages` again (docs/translation.md).
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=static --ignore=staticfiles --ignore=bench --ignore=tests
messages: install-test
	$(MANAGE) makemessages -l ur --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python bin/compile_catalogue.py

lint: install-test
	$(BIN)/ruff check .

# In CI the tests run against the machine's PostgreSQL, as in production, unless DATABASE_URL names another.
ifeq ($(CI),true)
export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
endif

# Two pytest-xdist workers, each running whole modules (docs/testing.md); `make test PYTEST_ARGS=` runs in one process.
PYTEST_ARGS ?= -n 2 --dist loadfile

## test: Django checks, migrations up to date, ruff, the layering contracts, then the whole pytest suite
test: install-test
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest $(PYTEST_ARGS)
