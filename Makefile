# cyberregions — the two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
ORGANISATIONS ?=
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
export CYBERREGIONS_HOME := $(CURDIR)

.PHONY: install demo serve test test-sqlite test-postgres browser lint format messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

demo: install
	$(BIN)/cyberregions migrate --noinput
	$(BIN)/cyberregions demo --if-empty $(if $(ORGANISATIONS),--organisations $(ORGANISATIONS))
	$(BIN)/cyberregions demo-analysis --if-empty
	$(BIN)/cyberregions demo-practices
	$(BIN)/cyberregions demo-skills
	$(BIN)/cyberregions demo-plans
	$(BIN)/cyberregions demo-events --if-empty
	$(BIN)/cyberregions demo-gethelp
	@echo "Serving cyberregions at http://127.0.0.1:$(PORT)/ with a task worker (Ctrl-C stops both)"
	BIN=$(BIN) bash scripts/serve-with-worker.sh 127.0.0.1:$(PORT)

browser:
	@bash scripts/ensure-browser.sh

test: install browser
	CYBERREGIONS_TESTING=1 $(BIN)/pytest -q -p no:cacheprovider
	@bash scripts/test-postgres.sh "$(PG_URL)"
	@bash scripts/check-production.sh "$(BIN)"

lint: install
	$(BIN)/ruff check src benchmarks
	$(BIN)/ruff format --check src benchmarks

format: install
	$(BIN)/ruff check --fix src benchmarks
	$(BIN)/ruff format src benchmarks

# Refreshes every catalogue from the source (templates and Python) and compiles them.
# A new language: add it to LANGUAGES, then run makemessages -l CODE from src/cyberregions once.
MESSAGES_OPTIONS := --add-location file --no-obsolete --ignore "tests/*" --ignore "*/tests/*"

messages: install
	cd src/cyberregions && ../../$(BIN)/django-admin makemessages --all $(MESSAGES_OPTIONS)
	cd src/cyberregions && ../../$(BIN)/django-admin compilemessages

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules var .pytest_cache
