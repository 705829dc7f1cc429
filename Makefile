# The two commands a newcomer needs:
#   make site   set up a virtualenv and build the example site into dist/
#   make test   set up everything the tests need (Chromium, Java, the npm checkers) and run the whole suite
# Everything else here is a helper for those two.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test setup setup-test browser checkers lighthouse serve schema bench-convert clean

site: setup
	$(BIN)/site-builder build
	@echo "open dist/index.html in a browser, or run: make serve"

test: setup-test browser checkers
	$(BIN)/python -m pytest

setup: $(BIN)/site-builder

$(BIN)/site-builder: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

setup-test: setup
	$(BIN)/python -m pip install --quiet -e '.[test]'

# Browser tests drive Debian's Chromium through Playwright (Playwright cannot
# download its own browsers here).
browser:
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The third-party checkers of the quality gates (tests/test_quality_*.py): the Nu Html Checker
# (vnu-jar, run with Java) and axe-core, at the exact versions of package-lock.json. Java 17 and
# Node come with the machine image; Debian's packages are the fallback. --ignore-scripts: vnu-jar's
# install script would download a Java runtime, and we use the system's.
checkers: node_modules/.package-lock.json
	@command -v java >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Lighthouse scores of the example site (a script, not a test; installs lighthouse on first use).
lighthouse: setup-test browser
	$(BIN)/python bench/lighthouse.py

# Converter throughput (articles/s on one core, pure Python; the floor is 50/s).
bench-convert: setup
	$(BIN)/python bench/convert_speed.py

serve: setup
	$(BIN)/site-builder serve

schema: setup
	$(BIN)/site-builder schema

clean:
	rm -rf dist .pytest_cache test-artifacts build
