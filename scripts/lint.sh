#!/usr/bin/env bash
# make lint: ruff, then pylint-odoo's mandatory checks (.pylintrc-mandatory, OCA's list);
# both must be clean. Needs only Python: ruff and pylint-odoo (requirements-lint.txt) go
# into a small virtualenv of their own, .venv-lint; no Odoo, no PostgreSQL.
# LINT_BIN=<dir with ruff and pylint> uses those instead (make test: the main virtualenv).
IXL_COMMAND="${IXL_COMMAND:-make lint}"
source "$(dirname "$0")/env.sh"

ensure_lint_venv() {
    local venv="$PROJECT_DIR/.venv-lint" stamp want
    stamp="$venv/.ixl-requirements"
    want="$(sha1sum < "$PROJECT_DIR/requirements-lint.txt" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        install_debian_packages lint
        log "Building $venv (ruff, pylint-odoo)"
        [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
        "$venv/bin/pip" install -q --disable-pip-version-check -r "$PROJECT_DIR/requirements-lint.txt"
        echo "$want" > "$stamp"
    fi
    LINT_BIN="$venv/bin"
}

[ -n "${LINT_BIN:-}" ] || ensure_lint_venv
cd "$PROJECT_DIR"
"$LINT_BIN/ruff" check --no-cache addons tests scripts conftest.py
"$LINT_BIN/pylint" --rcfile=.pylintrc-mandatory addons/*
log "Lint clean (ruff, pylint-odoo mandatory checks)"
