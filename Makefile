# Gonghui (智慧工会) — set-up, demo and test plumbing.
#
#   make demo    install, migrate, seed a demo city once, print logins, run the dev server
#   make test    install, ruff (lint + format check), pytest
#
# DATABASE_URL=postgres://... in the environment switches everything to PostgreSQL;
# this Makefile never sets it. Override the interpreter with `make PYTHON=python3.12 ...`
# (only used when .venv is created).

SHELL = /bin/bash

VENV = .venv
PY = $(VENV)/bin/python
PYTHON =
HOST = 127.0.0.1
PORT = 8000
PYTEST_WORKERS = 2
DEMO_MEMBERS = 100000
DEMO_SEED = 1

VENV_STAMP = $(VENV)/.gonghui-pip-stamp
NPM_STAMP = node_modules/.gonghui-npm-stamp
PO_FILE = locale/zh_Hans/LC_MESSAGES/django.po

.PHONY: help install assets compilemessages demo serve test lint format messages clean

help:
	@echo "Gonghui (智慧工会) make targets:"
	@echo "  make install   create .venv, install Python + npm deps (only when changed),"
	@echo "                 build static/vendor, compile translations, collectstatic"
	@echo "  make demo      install + migrate + seed demo city (once) + print logins + runserver"
	@echo "  make serve     install + migrate + db_worker + runserver $(HOST):$(PORT) (no seeding)"
	@echo "  make test      install + ruff check + ruff format --check + pytest"
	@echo "  make lint      ruff check + ruff format --check"
	@echo "  make format    ruff import sorting + ruff format"
	@echo "  make messages  makemessages -l zh_Hans, then compile"
	@echo "  make clean     remove var/ (including the SQLite database) and static/vendor/"

# --- install -----------------------------------------------------------------

install: $(VENV_STAMP) $(NPM_STAMP)
	@bash scripts/node.sh node scripts/build_assets.mjs
	@$(COMPILE_MESSAGES)
	@$(PY) manage.py collectstatic --noinput -v0

# The interpreter symlink is only (re)made when missing or broken. Candidates are
# tried by running them: pyenv shims exist even for versions that are not active.
$(PY):
	@py=""; \
	for c in $(PYTHON) python3.13 python3.12 python3.11 python3; do \
	    if command -v "$$c" >/dev/null 2>&1 \
	        && "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then \
	        py="$$c"; break; \
	    fi; \
	done; \
	if [ -z "$$py" ]; then \
	    echo "error: Python >= 3.11 not found (tried $(PYTHON) python3.13 python3.12 python3.11 python3)" >&2; \
	    exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py ($$("$$py" -V 2>&1))"; \
	"$$py" -m venv --clear $(VENV) || { \
	    echo "error: '$$py -m venv' failed; on Debian/Ubuntu install python3-venv" >&2; exit 1; }

$(VENV_STAMP): pyproject.toml $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $@

$(NPM_STAMP): package.json package-lock.json $(PY)
	bash scripts/node.sh npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

assets: $(NPM_STAMP)
	@bash scripts/node.sh node scripts/build_assets.mjs

# pybabel rather than `compilemessages`, so GNU gettext is not needed to run.
# It silently skips a catalogue whose header is marked "#, fuzzy", so check for the .mo.
COMPILE_MESSAGES = \
	if [ -f $(PO_FILE) ]; then \
	    $(VENV)/bin/pybabel compile -d locale -D django || exit 1; \
	    for po in locale/*/LC_MESSAGES/django.po; do \
	        if [ ! -f "$${po%.po}.mo" ] || [ "$${po%.po}.mo" -ot "$$po" ]; then \
	            echo "error: $$po was not compiled (is its header entry marked fuzzy?)" >&2; \
	            exit 1; \
	        fi; \
	    done; \
	else \
	    echo "No $(PO_FILE) yet; skipping translation compile"; \
	fi

compilemessages: $(VENV_STAMP)
	@$(COMPILE_MESSAGES)

# --- run ---------------------------------------------------------------------

# The background worker (imports, later report drafting) runs beside the dev server and
# stops with it.
RUN_SERVER = \
	$(PY) manage.py db_worker --verbosity 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_city --if-empty --members $(DEMO_MEMBERS) --seed $(DEMO_SEED)
	$(PY) manage.py demo_logins
	@$(RUN_SERVER)

serve: install
	$(PY) manage.py migrate --noinput
	@$(RUN_SERVER)

# --- quality -----------------------------------------------------------------

# pytest exits 5 when it collects no tests; that (like any non-zero code) fails the target.
test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@rc=0; $(PY) -m pytest -q -n $(PYTEST_WORKERS) -p xdist || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests" >&2; fi; \
	exit $$rc

lint: $(VENV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV_STAMP)
	$(VENV)/bin/ruff check --select I --fix .
	$(VENV)/bin/ruff format .

# makemessages marks the header of a new catalogue "#, fuzzy"; msgfmt ignores that, but
# pybabel would skip the whole file, so the header's fuzzy flag is dropped (only the header's).
messages: $(VENV_STAMP)
	$(PY) manage.py makemessages -l zh_Hans --ignore .venv --ignore node_modules \
	    --ignore var --ignore static/vendor
	@sed '1,/^msgid ""$$/{/^#, fuzzy$$/d;}' $(PO_FILE) > $(PO_FILE).tmp && mv $(PO_FILE).tmp $(PO_FILE)
	@$(COMPILE_MESSAGES)

clean:
	rm -rf var static/vendor
