# Every target creates .venv itself when it is missing.
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site pages anchors check test clean

TOOLS := tools/node_modules/.installed

$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(TOOLS): tools/package.json tools/package-lock.json  ## the W3C checker and Lighthouse (no install scripts)
	cd tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed  ## live preview on http://127.0.0.1:8000/ (reloads on edits; rebuilds what an edit changed)
	$(BIN)/mkdocs serve --dirty

ENGINE ?= mkdocs
site: $(BIN)/.installed  ## strict build into site/ with ENGINE=mkdocs (default), properdocs or zensical; a failed build leaves the last site/ as it was
	$(BIN)/python scripts/build_site.py --engine $(ENGINE) --site-dir site

pages: $(BIN)/.installed  ## the complete generated docs folder and its engine config, into build/generated/
	$(BIN)/python scripts/generate.py --out build/generated

anchors: $(BIN)/.installed  ## register new pages and rebuttal anchors in anchors.yml (never removes any)
	$(BIN)/python scripts/register_anchors.py

check: $(BIN)/.installed  ## validate docs/reply.md and docs/references.bib without building (every problem at once)
	$(BIN)/python scripts/check_source.py

test: check $(TOOLS)  ## every test, browser tests included (installs Debian's chromium when root)
	$(BIN)/ruff check src scripts tests
	scripts/install_debian_packages.sh
	$(BIN)/pytest

.PHONY: bench
bench: $(BIN)/.installed $(TOOLS)  ## how fast the site builds, previews and loads: a table, and build/benchmark.json
	$(BIN)/python scripts/benchmark.py

.PHONY: lighthouse
lighthouse: $(BIN)/.installed $(TOOLS)  ## Lighthouse scores of every page, phone and desktop: a table, and build/lighthouse.json
	$(BIN)/python scripts/lighthouse.py

clean:
	rm -rf site build .pytest_cache
