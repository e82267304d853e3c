# Insieme per il lavoro - Odoo 18 addons. docs/setup.md describes the set-up.
# Odoo's source: ODOO_SRC if given (make test ODOO_SRC=/path/to/odoo), else /opt/odoo18,
# else .odoo; make run / make test clone it (scripts/odoo-commit) when it is missing.
# make test ADDONS=ixl_beneficiary limits the run to some addons (comma-separated).
ADDONS ?=
export ADDONS

.PHONY: help setup run test upgrade-check lint bench docs clean faults load fuzz backup restore

# make bench SCALE=full for the ten-year figures (100,000 beneficiaries).
SCALE ?= small
export SCALE

help:
	@echo "make run    - database 'ixl' with every addon and demo data, on http://127.0.0.1:8069"
	@echo "make test   - lint, install check, upgrade check, bench, resilience, all tests"
	@echo "              (make test DRY_RUN=1 lists the steps; ADDONS=a,b for some addons)"
	@echo "make upgrade-check - only the upgrade from scripts/previous-release (after a set-up)"
	@echo "make lint   - ruff and pylint-odoo mandatory checks (needs only python3-venv)"
	@echo "make bench  - benchmark figures (SCALE=small|full)"
	@echo "make docs   - screenshots of the procedures manual (docs/manuale/img) from the demo"
	@echo "make setup  - only the set-up of make test (packages, Odoo, virtualenv, PostgreSQL)"
	@echo "make faults - SIGKILL Odoo during 1,000 public registrations: lost=0 half_saved=0 duplicates=0"
	@echo "make load   - 20 company portal sessions for 60 s on 2 workers: p50/p95 ms, errors, leaks"
	@echo "make fuzz   - 1,000 malformed posts to the public and portal forms: no 500, no record"
	@echo "make backup - pg_dump + filestore + manifest of DB (DB=ixl, BACKUP_DIR=.data/backups/...)"
	@echo "make restore BACKUP=dir DB=name - restore a backup into a new database, checksums checked"

setup:
	IXL_COMMAND="make setup" bash -c 'source scripts/env.sh && setup_all test'

run:
	bash scripts/run.sh

DRY_RUN ?=
test:
	bash scripts/test.sh $(if $(DRY_RUN),--dry-run)

upgrade-check:
	bash scripts/upgrade-check.sh

lint:
	bash scripts/lint.sh

bench:
	bash scripts/bench.sh

# make faults|load|fuzz ARGS="--count 50": options of scripts/faults.py, load.py, fuzz.py.
ARGS ?=
faults load fuzz:
	bash scripts/resilience.sh $@ $(ARGS)

# make backup [DB=ixl] [BACKUP_DIR=path]; make restore BACKUP=path DB=new_name
DB ?= ixl
BACKUP_DIR ?=
backup:
	bash scripts/backup.sh $(DB) $(BACKUP_DIR)

restore:
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=<backup dir> DB=<new database>"; exit 1; }
	bash scripts/restore.sh $(BACKUP) $(DB)

docs:
	bash scripts/docs.sh

# Odoo's clone in .odoo (if any) stays: it takes minutes to fetch again.
clean:
	rm -rf .data .venv .venv-lint
