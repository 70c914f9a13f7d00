# The two set-up commands are `make demo` and `make test`; both work from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')
# The page checkers the browser tests run (the Nu HTML checker, axe-core), from npm, pinned by
# package-lock.json; installed once per lock file, as the virtual environment is per pyproject.
NODE_STAMP := node_modules/.installed-$(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("package-lock.json","rb").read()).hexdigest()[:12])')
# In CI the suite runs a second time against PostgreSQL (trust authentication, database test).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# Two workers: the suite is mostly CPU-bound and CI machines have two cores.
PYTEST_ARGS ?= -n 2

.PHONY: demo test test-postgres check fmt schema bench clean install catalogs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# --ignore-scripts: vnu-jar's install script only fetches a Java runtime; the machine's `java` runs
# its jar. Without npm the page checks skip (they fail in CI, where CI=true).
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
		rm -f node_modules/.installed-* && touch $@; \
	elif [ "$$CI" = true ]; then echo "npm is missing: the page checks need it" >&2; exit 1; \
	else echo "npm is missing: the page checks (tests/browser/test_valid_pages_browser.py) will skip" >&2; fi

install: $(STAMP) $(NODE_STAMP)

## Create the virtual environment, migrate an SQLite database, load the model plan, serve it.
demo: $(STAMP)
	$(BIN)/comitia demo examples/oas-csh-2019-2020.yaml

## Run the whole test suite on SQLite.
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

## Run the tests that use the database again, on the PostgreSQL server named by POSTGRES_URL
## (the others do not depend on the database: `make test` has run them).
test-postgres: $(STAMP) $(NODE_STAMP)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS) --database-tests-only

## Lint, format, type-check, and keep the import contracts of pyproject.toml ([tool.importlinter]).
check: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo

fmt: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

## Regenerate the published JSON Schemas of plan files and organization files.
schema: $(STAMP)
	$(BIN)/python -m comitia.plan.schema > docs/plan.schema.json
	$(BIN)/python -m comitia.plan.schema organization > docs/organization.schema.json

## Extract the fixed texts the plain core prints (documents, calendar feeds, findings of the
## checks, the scheduler's and the budget's reports, the importer's review page, translation
## notes, the kinds of meeting and the articles of names) into the one catalog, and compile it
## (en, fr, es, pt).
## Translate new messages in src/comitia/render/locale/*/LC_MESSAGES/comitia_render.po first;
## tests/render/document/test_catalogs.py fails while one is missing or not compiled.
CATALOG_SOURCES := src/comitia/catalog.py src/comitia/articles.py src/comitia/render \
	src/comitia/translations src/comitia/checks src/comitia/schedule src/comitia/budget \
	src/comitia/importer/review.py
catalogs: $(STAMP)
	$(BIN)/pybabel extract -k _ -k n:1,2 -k N_ -k pN_:1c,2 --no-default-keywords --no-location \
		--omit-header -o src/comitia/render/locale/comitia_render.pot $(CATALOG_SOURCES)
	$(BIN)/pybabel update -D comitia_render -i src/comitia/render/locale/comitia_render.pot \
		-d src/comitia/render/locale --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -D comitia_render -d src/comitia/render/locale

## Run the benchmarks and print their figures (on demand, never in the test suite).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_plan.py
	$(BIN)/python benchmarks/bench_translations.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_checks.py
	$(BIN)/python benchmarks/bench_calendar.py
	$(BIN)/python benchmarks/bench_downloads.py
	$(BIN)/python benchmarks/bench_delete_term.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_serve.py
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_import.py

clean:
	rm -rf $(VENV) node_modules staticfiles comitia.sqlite3 comitia.sqlite3-wal comitia.sqlite3-shm
