# Two commands do all setup: `make site` and `make test`. `make serve` previews.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve generate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## generate docs/ and build site/ strictly
	$(BIN)/podsite build

generate: $(STAMP)  ## generate docs/ only
	$(BIN)/podsite generate

test: $(STAMP)  ## the whole test suite, including a strict build of the default site
	$(BIN)/python -m pytest

serve: $(STAMP)  ## preview on http://127.0.0.1:8000, regenerating on content changes
	$(BIN)/podsite serve

bench: $(STAMP)
	$(BIN)/python bench/segmentation.py
	$(BIN)/python bench/topics.py
	$(BIN)/python bench/speed.py

clean:  ## remove generated output (never content/ or site_config/)
	$(BIN)/podsite clean
