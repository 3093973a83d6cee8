# Lontar — the two commands a newcomer needs:
#   make run    set up and run Lontar (SQLite, database search, local Celery broker) with demo data
#   make test   run the whole suite: ruff, mypy, makemigrations --check, pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
export LONTAR_DEMO_PASSWORD ?= lontar-demo-2026

.PHONY: run test lint typecheck migrations-check pytest system-deps messages clean axe

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $(VENV)/.run-deps $@

run: export DJANGO_SETTINGS_MODULE = lontar.settings.dev
run: $(VENV)/.run-deps
	bash .ci/system-deps runtime
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py muat_demo
	@echo
	@echo "Lontar berjalan di:"
	@echo "  Situs publik : http://$(HOST):$(PORT)/"
	@echo "  Admin        : http://$(HOST):$(PORT)/admin/"
	@echo "  Status       : http://$(HOST):$(PORT)/healthz"
	@echo "Masuk dengan akun demo di atas (mis. operator / $(LONTAR_DEMO_PASSWORD)). Hentikan dengan Ctrl+C."
	@echo
	PATH="$(abspath $(VENV))/bin:$$PATH" BIND_ADDRESS=$(HOST) PORT=$(PORT) WEB_CONCURRENCY=2 \
		exec $(VENV)/bin/honcho start web worker beat

system-deps:
	bash .ci/system-deps

test: system-deps $(VENV)/.test-deps lint typecheck migrations-check pytest

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.test-deps
	$(VENV)/bin/mypy

migrations-check: $(VENV)/.test-deps
	DJANGO_SETTINGS_MODULE=lontar.settings.test $(PY) manage.py makemigrations --check --dry-run

# axe-core for the accessibility browser test, pinned by tests/e2e/axe/package-lock.json.
AXE := tests/e2e/axe/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json
	npm ci --prefix tests/e2e/axe --no-audit --no-fund --loglevel=error
	touch $@

axe: $(AXE)

pytest: $(VENV)/.test-deps $(AXE)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

messages: $(VENV)/.test-deps
	$(PY) manage.py makemessages -l en --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*'
	$(PY) manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
