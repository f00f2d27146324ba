# Two commands do everything on a fresh machine:
#   make serve   installs what is missing and serves the demo hub on http://127.0.0.1:8000
#   make test    installs what is missing (Chromium too, for the browser tests) and runs every test
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PROXY  := hub/node_modules/.bin/configurable-http-proxy
BUNDLE := share/jupyter/voila/templates/fadaa/static/fadaa-lesson.js
NEED_NPM = @command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
# Debian's espeak-ng speaks the steps' drafts; ffmpeg encodes step audio (grading/audio_drafts.py, step_audio.py)
NEED_SPEECH = @command -v espeak-ng >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng ffmpeg >/dev/null; }
PYTHON ?= python3
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: serve test browser frontend speech clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

# JupyterHub's proxy from npm into hub/node_modules, at the versions hub/package-lock.json pins
$(PROXY): hub/package.json hub/package-lock.json
	$(NEED_NPM)
	cd hub && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The script of Fadaa's pages (frontend/src) bundled with ipywidgets, at the versions frontend/package-lock.json pins
$(BUNDLE): frontend/package.json frontend/package-lock.json $(wildcard frontend/src/*)
	$(NEED_NPM)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent

frontend: $(BUNDLE)

speech:
	$(NEED_SPEECH)

# JupyterHub on 127.0.0.1:8000 with the demo course, roster and PINs (var/hub); the README lists accounts
serve: $(STAMP) $(PROXY) $(BUNDLE) speech
	$(PY) -m fadaa.hub.demo

# Debian's chromium drives the browser tests; the tests skip with a message only where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-color-emoji) >/dev/null 2>&1 \
	  || echo "make: could not install chromium; browser tests will be skipped"; }

test: $(STAMP) browser speech $(PROXY) $(BUNDLE)
	$(PY) -m pytest

clean:
	rm -rf var .pytest_cache
