# Sanctuary Guide. `make help` lists the targets. Needs Python 3.11+; everything else is installed here.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_STAMP := $(VENV)/.installed-pytest
TEST_STAMP := $(VENV)/.installed-test
HOST ?= 127.0.0.1
PORT ?= 8000
OFFLINE_DIR := build/offline
DOWNLOADS := build/downloads
# Markers of the tests that need no Node, no Chromium and no site build (see pyproject.toml).
FAST := not site and not browser and not node and not slow

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(PYTEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	@touch $@

$(TEST_STAMP): $(PYTEST_STAMP) package-lock.json
	npm ci --no-audit --no-fund --silent
	@command -v chromium >/dev/null || bash scripts/install-chromium.sh
	@touch $@

install: $(STAMP) ## Install the pinned site dependencies (and this package) into .venv

check: $(STAMP) ## Validate the data files and snapshots only (lists every error with file, line and field)
	$(PY) -m sanctuary check

build: $(STAMP) ## Build the site (site/, site/es/) with its offline zip and printable PDFs; stops on any error
	rm -rf build
	OFFLINE=true $(PY) -m mkdocs build --strict -f mkdocs.yml -d $(OFFLINE_DIR)
	OFFLINE=true $(PY) -m mkdocs build --strict -f mkdocs.es.yml -d $(OFFLINE_DIR)/es
	$(PY) -m sanctuary zip $(OFFLINE_DIR) $(DOWNLOADS)
	@$(PY) -m sanctuary pdf $(OFFLINE_DIR) $(DOWNLOADS) || { \
	  if [ -n "$$CI" ]; then exit 1; fi; \
	  echo "WARNING: no printable PDF (Chromium missing); the site is built without it. 'make test' installs Chromium."; }
	$(PY) -m mkdocs build --strict --clean -f mkdocs.yml
	$(PY) -m mkdocs build --strict --clean -f mkdocs.es.yml

serve: build ## Build, then serve the site (both languages) at http://127.0.0.1:8000
	@echo "Serving the guide at http://$(HOST):$(PORT)/ (Spanish: /es/). Ctrl+C to stop."
	$(PY) -m http.server $(PORT) --bind $(HOST) --directory site

live: $(STAMP) ## Serve one edition with live reload while editing (LANG_FILE=mkdocs.es.yml for Spanish)
	$(PY) -m mkdocs serve --strict -f $(or $(LANG_FILE),mkdocs.yml) --dev-addr $(HOST):$(PORT)

lint: $(PYTEST_STAMP) ## Lint the Python (ruff: errors, import order, modern syntax)
	$(PY) -m ruff check .

test: $(TEST_STAMP) lint ## Install what the tests need (Chromium included) and run the whole suite
	$(PY) -m pytest

test-fast: $(PYTEST_STAMP) lint ## Validation, renderer and unit tests only: no Node, no Chromium, no site build (< 30 s)
	$(PY) -m pytest -m "$(FAST)"

test-all: $(TEST_STAMP) lint ## The whole suite, with the browser checks on every page instead of a sample
	SANCTUARY_EVERY_PAGE=1 $(PY) -m pytest

bench: $(TEST_STAMP) ## Benchmark: build scaling to 3,000 places vs plain Material, page weight, Lighthouse, timings
	$(PY) scripts/bench.py --out build/bench.json

refresh: ## How to refresh the federal layers from ICE's workbooks (make refresh-287g, make refresh-detention)
	@echo "make refresh-287g FILE=participatingAgencies_<date>.xlsx [PENDING=pendingAgencies_<date>.xlsx] [REPORT=report.md] [RETRIEVED=YYYY-MM-DD]"
	@echo "make refresh-detention FILE=FY26_detentionStats_<date>.xlsx [REPORT=report.md] [RETRIEVED=YYYY-MM-DD]"
	@echo "Each reads ICE's workbook, writes the snapshot and its provenance under data/reference/ and prints what changed."

refresh-287g: $(STAMP) ## Refresh the 287(g) snapshots from ICE's workbooks: FILE=participatingAgencies*.xlsx [PENDING=pendingAgencies*.xlsx]
	@test -n "$(FILE)" || { echo "usage: make refresh-287g FILE=participatingAgencies_<date>.xlsx [PENDING=pendingAgencies_<date>.xlsx] [REPORT=report.md] [RETRIEVED=YYYY-MM-DD]"; exit 2; }
	$(PY) -m sanctuary refresh-287g "$(FILE)" $(if $(PENDING),--pending "$(PENDING)") $(if $(REPORT),--report "$(REPORT)") $(if $(RETRIEVED),--retrieved "$(RETRIEVED)")

refresh-detention: $(STAMP) ## Refresh the detention facilities snapshot from ICE's workbook: FILE=FY26_detentionStats*.xlsx
	@test -n "$(FILE)" || { echo "usage: make refresh-detention FILE=FY26_detentionStats_<date>.xlsx [REPORT=report.md] [RETRIEVED=YYYY-MM-DD]"; exit 2; }
	$(PY) -m sanctuary refresh-detention "$(FILE)" $(if $(REPORT),--report "$(REPORT)") $(if $(RETRIEVED),--retrieved "$(RETRIEVED)")

clean: ## Remove the built site and caches
	rm -rf site build .pytest_cache

.PHONY: help install check build serve live lint test test-fast test-all bench clean
.PHONY: refresh refresh-287g refresh-detention
