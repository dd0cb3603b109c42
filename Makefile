# Every target creates .venv itself when it is missing.
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site pages anchors check test clean bytecode

TOOLS := tools/node_modules/.installed

$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# The project's own modules compiled, as pip compiles an installed package's: an editable install
# leaves them as sources, and where PYTHONDONTWRITEBYTECODE is set (as on CI machines) every command
# would compile them again, about 0.2 s each. Only files changed since are compiled again.
bytecode: $(BIN)/.installed
	@$(BIN)/python -m compileall -q src scripts

$(TOOLS): tools/package.json tools/package-lock.json  ## the W3C checker and Lighthouse (no install scripts)
	cd tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: bytecode  ## live preview on http://127.0.0.1:8000/ (reloads on edits; rebuilds what an edit changed)
	$(BIN)/mkdocs serve --dirty

ENGINE ?= mkdocs
site: bytecode  ## strict build into site/ with ENGINE=mkdocs (default), properdocs or zensical; a failed build leaves the last site/ as it was
	$(BIN)/python scripts/build_site.py --engine $(ENGINE) --site-dir site

pages: bytecode  ## the complete generated docs folder and its config for ENGINE (default mkdocs), into build/generated/
	$(BIN)/python scripts/generate.py --engine $(ENGINE) --out build/generated

anchors: bytecode  ## register new pages and rebuttal anchors in anchors.yml (never removes any)
	$(BIN)/python scripts/register_anchors.py

check: bytecode  ## validate docs/reply.md and docs/references.bib without building (every problem at once)
	$(BIN)/python scripts/check_source.py

test: check $(TOOLS)  ## every test, browser tests included (installs Debian's chromium when root)
	$(BIN)/ruff check src scripts tests
	scripts/install_debian_packages.sh
	$(BIN)/pytest

.PHONY: bench
bench: bytecode $(TOOLS)  ## how fast the site builds, previews and loads: a table, and build/benchmark.json
	$(BIN)/python scripts/benchmark.py

.PHONY: lighthouse
lighthouse: bytecode $(TOOLS)  ## Lighthouse scores of every page, phone and desktop: a table, and build/lighthouse.json
	$(BIN)/python scripts/lighthouse.py

clean:
	rm -rf site build .pytest_cache
