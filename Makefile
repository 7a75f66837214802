# Two commands on a fresh machine:
#   make site   build the site from the embedded corpus into site/
#   make test   run the test suite (installs what it needs first)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# Exact pins, with hashes, of every package the project and its tests use, for
# every Python the project supports (uv's universal resolution): `make lock`.
LOCK    := requirements.lock
# The lock tool, in a venv of its own under build/; only `make lock` installs it.
UV      := uv==0.13.8
UV_VENV := build/lock-tool
# Debian packages the tests drive: a real browser, a real web server, a link checker.
APT_PKGS := chromium nginx-light linkchecker fonts-noto-cjk

.PHONY: site test lint lock venv system-deps bench clean

$(STAMP): $(LOCK) pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r $(LOCK)
	$(BIN)/pip install -q --no-deps -e .
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check; echo "$(LOCK) does not hold what pyproject.toml asks for: run make lock"; exit 1; }
	touch $(STAMP)

# Regenerate the lock from pyproject.toml (dependencies and the test extra), for every
# platform and every Python from 3.10 (requires-python) on. Versions
# already in the lock are kept where they still fit; `make lock UPGRADE=--upgrade`
# takes the newest that fit the ranges.
lock:
	[ -x $(UV_VENV)/bin/uv ] || { $(PY) -m venv $(UV_VENV) && $(UV_VENV)/bin/pip install -q '$(UV)'; }
	$(UV_VENV)/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.10 --generate-hashes $(UPGRADE) \
	  --custom-compile-command 'make lock' --quiet -o $(LOCK)

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
