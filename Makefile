# Set-up is `make demo` or `make test` on a fresh machine: both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint eval bench accept clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip check
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/bibconv convert fixtures/corpora/biblatex-examples.bib -t csljson -o out/biblatex-examples.json
	$(BIN)/bibconv convert out/biblatex-examples.json -t biblatex -o out/biblatex-examples.bib
	@echo "demo: wrote out/biblatex-examples.json and out/biblatex-examples.bib"

test: $(STAMP)
	$(BIN)/ruff check converter tests bench
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check converter tests bench

accept: $(STAMP)
	BIBCONV_ACCEPT=1 $(BIN)/pytest -k golden

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
