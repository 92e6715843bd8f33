# redline's two entry points: `make demo` and `make test` (see README).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test setup setup-dev browser lint typecheck pytest lock clean

$(VENV)/.runtime: requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements/lock.txt
	$(PIP) install --no-deps --no-build-isolation -e . || $(PIP) install --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.txt
	$(PIP) install --require-hashes --no-deps -r requirements/dev.txt
	touch $@

setup: $(VENV)/.runtime          ## install redline and its pinned dependencies into .venv
setup-dev: $(VENV)/.dev          ## plus the test tools

demo: setup                      ## the main job: ingest the demo corpus and summarise it
	$(VENV)/bin/redline demo

lint: setup-dev
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/ruff format --check src tests scripts benchmarks

typecheck: setup-dev
	$(VENV)/bin/mypy --strict src/redline

# Browser tests drive Debian's chromium through Playwright (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will skip"

pytest: setup-dev browser
	$(VENV)/bin/pytest -q

test: lint typecheck pytest      ## the whole test suite: ruff, mypy --strict, pytest

lock:                            ## re-pin dependencies with hashes (needs pip-tools)
	pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/lock.txt pyproject.toml
	pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra dev --extra postgres --extra dask --extra web --extra pandas -o requirements/dev.txt pyproject.toml

clean:
	rm -rf $(VENV) build dist src/*.egg-info
