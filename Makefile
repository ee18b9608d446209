# Sanctuary Guide. `make help` lists the targets. Needs Python 3.11+; everything else is installed here.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	@command -v chromium >/dev/null || bash scripts/install-chromium.sh
	@touch $@

install: $(STAMP) ## Install the pinned site dependencies into .venv

check: $(STAMP) ## Validate the data files only (lists every error with file, line and field)
	$(PY) -m sanctuary.check

build: $(STAMP) ## Build both editions into site/ (English) and site/es/ (stops on any data error, warning or broken link)
	$(PY) -m mkdocs build --strict --clean -f mkdocs.yml
	$(PY) -m mkdocs build --strict --clean -f mkdocs.es.yml

serve: build ## Build, then serve the site (both languages) at http://127.0.0.1:8000
	@echo "Serving the guide at http://$(HOST):$(PORT)/ (Spanish: /es/). Ctrl+C to stop."
	$(PY) -m http.server $(PORT) --bind $(HOST) --directory site

live: $(STAMP) ## Serve one edition with live reload while editing (LANG_FILE=mkdocs.es.yml for Spanish)
	$(PY) -m mkdocs serve --strict -f $(or $(LANG_FILE),mkdocs.yml) --dev-addr $(HOST):$(PORT)

test: $(TEST_STAMP) ## Install what the tests need (Chromium included) and run the whole suite
	$(PY) -m pytest

clean: ## Remove the built site and caches
	rm -rf site .pytest_cache

.PHONY: help install check build serve live test clean
