# Two commands on a fresh machine:
#   make site   build the site from the embedded corpus into site/
#   make test   run the test suite (installs what it needs first)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# Debian packages the tests drive: a real browser, a real web server, a link checker.
APT_PKGS := chromium nginx-light linkchecker fonts-noto-cjk

.PHONY: site test lint venv system-deps bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

site: $(STAMP)
	$(BIN)/policykb build

system-deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# ruff first: a lint error fails the run before the (long) suite starts.
lint: $(STAMP)
	$(BIN)/ruff check generator bench tests

test: $(STAMP) system-deps lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) site site-offline .site-* .spare-* .old-* build .pytest_cache .hypothesis
