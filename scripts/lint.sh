#!/usr/bin/env bash
# make lint: ruff, then pylint-odoo's mandatory checks (OCA's list), both must be clean.
source "$(dirname "$0")/env.sh"
check_odoo
install_debian_packages
ensure_venv
cd "$PROJECT_DIR"
"$VENV/bin/ruff" check addons tests scripts conftest.py
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory addons/*
log "Lint clean"
