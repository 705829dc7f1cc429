# The two commands a newcomer needs:
#   make site   set up a virtualenv and build the example site into dist/
#   make test   set up everything the tests need (incl. Chromium) and run the whole suite
# Everything else here is a helper for those two.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test setup setup-test browser serve schema clean

site: setup
	$(BIN)/site-builder build
	@echo "open dist/index.html in a browser, or run: make serve"

test: setup-test browser
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

serve: setup
	$(BIN)/site-builder serve

schema: setup
	$(BIN)/site-builder schema

clean:
	rm -rf dist .pytest_cache
