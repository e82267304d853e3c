# Insieme per il lavoro - Odoo 18 addons.
# Odoo's source is found through ODOO_SRC (an Odoo 18.0 checkout).
ODOO_SRC ?= /opt/odoo18
export ODOO_SRC
# make test ADDONS=ixl_beneficiary limits the run to some addons (comma-separated).
ADDONS ?=
export ADDONS

.PHONY: help setup run test lint bench docs clean

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

docs:
	bash scripts/docs.sh

clean:
	rm -rf .data .venv
