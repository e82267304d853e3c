#!/usr/bin/env bash
# make docs: rebuild the screenshots of the procedures manual (docs/manuale/img) from
# the demo data. A fresh database $DB_DOCS (default ixl_docs) gets every addon with its
# demo data (demo dates are relative to today), then only the screenshot test runs,
# with IXL_DOCS_DIR pointing at docs/manuale/img so that the PNGs land in the repository,
# and the 2020 report test, which saves the printed year's first pages there (pdftoppm).
# DOCS_REUSE_DB=1 keeps an existing $DB_DOCS (faster when iterating on the shots).
IXL_COMMAND="${IXL_COMMAND:-make docs}"
source "$(dirname "$0")/env.sh"
setup_all docs

DB="${DB_DOCS:-ixl_docs}"
ADDON_LIST="$(all_addons)"
OUT="$PROJECT_DIR/docs/manuale/img"

usable_browser >/dev/null || die "No Chrome/Chromium: screenshots cannot be taken"
"$PY" -c "import websocket" 2>/dev/null \
    || die "websocket-client is missing: screenshots cannot be taken"

installed() {
    psql -d "$DB" -tAc "select 1 from ir_module_module
        where name = 'ixl_beneficiary' and state = 'installed'" 2>/dev/null | grep -q 1
}
if [ "${DOCS_REUSE_DB:-0}" = 1 ] && installed; then
    log "Reusing database $DB"
else
    log "Installing $ADDON_LIST with demo data into a fresh database $DB"
    dropdb --if-exists "$DB"
    createdb "$DB"
    rm -rf "$(filestore_root)/$DB"
    odoo_bin -d "$DB" -i "$ADDON_LIST" --stop-after-init --log-level=warn \
        || die "Installation into $DB failed"
fi

mkdir -p "$OUT"
log "Taking the screenshots into $OUT"
cd "$PROJECT_DIR"
IXL_DOCS_DIR="$OUT" "$PY" -m pytest -p no:cacheprovider \
    --odoo-config="$RUNTIME_CONF" --odoo-database="$DB" --odoo-http \
    --odoo-log-level="${ODOO_TEST_LOG_LEVEL:-warn}" \
    tests/test_manual_screenshots.py tests/test_report_2020.py -q ${PYTEST_ARGS:-}
log "Screenshots written: $(find "$OUT" -name '*.png' | wc -l) files in docs/manuale/img"
