# The two commands of the README:
#   make serve   set up .venv and serve the site from submissions/ at http://127.0.0.1:8000
#   make test    set up .venv with the test tools, lint with ruff, audit the workflows with zizmor and run the
#                whole test suite
# Also: make build (static site in site/), make check (validate submissions only).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test clean

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dirty

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site
	$(BIN)/python -m build_hooks check

test: $(VENV)/.dev
	bash scripts/ensure-system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/zizmor --persona auditor --offline --quiet .github/workflows
	$(BIN)/python -m pytest

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.site
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf site archive $(VENV)
