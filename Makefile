# Insieme per il lavoro - Odoo 18 addons.
# Odoo's source is found through ODOO_SRC (an Odoo 18.0 checkout).
ODOO_SRC ?= /opt/odoo18
export ODOO_SRC
# make test ADDONS=ixl_beneficiary limits the run to some addons (comma-separated).
ADDONS ?=
export ADDONS

.PHONY: help setup run test lint bench docs clean faults load fuzz backup restore

# make bench SCALE=full for the ten-year figures (100,000 beneficiaries).
SCALE ?= small
export SCALE

help:
	@echo "make run    - database 'ixl' with every addon and demo data, on http://127.0.0.1:8069"
	@echo "make test   - fresh database, install check, all tests (browser tests included)"
	@echo "make lint   - ruff and pylint-odoo mandatory checks"
	@echo "make bench  - benchmark figures (SCALE=small|full)"
	@echo "make docs   - screenshots of the procedures manual (docs/manuale/img) from the demo"
	@echo "make setup  - only the set-up (Debian packages, virtualenv, PostgreSQL)"
	@echo "make faults - SIGKILL Odoo during 1,000 public registrations: lost=0 half_saved=0 duplicates=0"
	@echo "make load   - 20 company portal sessions for 60 s on 2 workers: p50/p95 ms, errors, leaks"
	@echo "make fuzz   - 1,000 malformed posts to the public and portal forms: no 500, no record"
	@echo "make backup - pg_dump + filestore + manifest of DB (DB=ixl, BACKUP_DIR=.data/backups/...)"
	@echo "make restore BACKUP=dir DB=name - restore a backup into a new database, checksums checked"

setup:
	bash scripts/env.sh && bash -c 'source scripts/env.sh && setup_all'

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

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

clean:
	rm -rf .data .venv
