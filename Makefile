# Set-up is `make demo` or `make test` on a fresh machine: both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint eval bench bench-render bench-fuzz accept clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip check
	touch $(STAMP)

# The main job on the bundled sample: the 62 footnotes of a published chapter become a notes
# document, CSL-JSON, BibLaTeX and BibTeX, a Chicago re-rendering and a review page; then the
# biblatex-examples corpus goes to CSL-JSON and back; then a push to a local Zotero test server.
SEED := fixtures/seed/dundovich-2020-notes.txt
demo: $(STAMP)
	mkdir -p out
	$(BIN)/bibconv convert $(SEED) -t notes-json -o out/dundovich-2020.notes.json
	$(BIN)/bibconv convert out/dundovich-2020.notes.json -t csljson -o out/dundovich-2020.json
	$(BIN)/bibconv convert out/dundovich-2020.notes.json -t biblatex -o out/dundovich-2020.biblatex.bib
	@# BibTeX has no fields for archives: each one is reported as lossy-field (-q hides the 115 warnings).
	$(BIN)/bibconv -q convert out/dundovich-2020.notes.json -t bibtex -o out/dundovich-2020.bib
	$(BIN)/bibconv render out/dundovich-2020.notes.json --style chicago --notes --bibliography \
		-o out/dundovich-2020.chicago.txt
	$(BIN)/bibconv review $(SEED) -o out/dundovich-2020.review.html
	$(BIN)/bibconv convert fixtures/corpora/biblatex-examples.bib -t csljson -o out/biblatex-examples.json
	$(BIN)/bibconv convert out/biblatex-examples.json -t biblatex -o out/biblatex-examples.bib
	@echo "demo: wrote out/dundovich-2020.{notes.json,json,biblatex.bib,bib,chicago.txt,review.html}" \
		"and out/biblatex-examples.{json,bib}"
	@# Zotero: start the local test server, push the parsed notes twice (the second writes nothing), stop it.
	@rm -f out/zotero-demo.url out/zotero-demo-state.json
	@export ZOTERO_API_KEY=bibconv-demo-key-local-only; \
	$(BIN)/python -m tests.zotero_server --group 4711 --url-file out/zotero-demo.url & pid=$$!; \
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do [ -s out/zotero-demo.url ] && break; sleep 0.5; done; \
	status=0; for run in first second; do echo "demo: $$run push to the Zotero test server"; \
	$(BIN)/bibconv push out/dundovich-2020.notes.json --group 4711 --endpoint "$$(cat out/zotero-demo.url)" \
	  --state-file out/zotero-demo-state.json || status=$$?; done; \
	kill $$pid; wait $$pid 2>/dev/null; exit $$status

test: $(STAMP) browser
	$(BIN)/ruff check converter tests bench
	$(BIN)/pytest

# Headless Chromium for the review page's browser test: installed with apt-get when absent, on CI
# or wherever we are root; otherwise that test is skipped with a message. Fast when present.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$${CI:-}" = true ] || [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
		  >/dev/null) || echo "browser: could not install chromium; the browser test will be skipped"; \
	else echo "browser: chromium not installed (not root, not CI); the browser test will be skipped"; fi

lint: $(STAMP)
	$(BIN)/ruff check converter tests bench

eval: $(STAMP)
	mkdir -p out
	$(BIN)/bibconv --quiet convert fixtures/seed/dundovich-2020-notes.txt -f notes -t notes-json \
		-o out/dundovich-2020.notes.json || true
	$(BIN)/python $(SHARED)/eval/score_notes.py $(SHARED)/seed/dundovich-2020.gold.json out/dundovich-2020.notes.json

# Figures, not pass/fail: each script prints its measurements and ratios against a peer (pandoc,
# citation-js, stock citeproc-py) run in the same run. bench-render and bench-fuzz take an hour.
bench: $(STAMP)
	$(BIN)/python bench/convert.py
	$(BIN)/python bench/compare_pandoc.py
	$(BIN)/python bench/parse_notes.py
	$(BIN)/python bench/devset.py
	$(BIN)/python bench/realistic_devset.py
	$(BIN)/python bench/csl_suite.py
	$(BIN)/python bench/zotero_push.py

bench-render: $(STAMP)
	$(BIN)/python bench/render.py --stock-budget 600

bench-fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py
	$(BIN)/python bench/hostile.py

accept: $(STAMP)
	BIBCONV_ACCEPT=1 $(BIN)/pytest -k golden

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
