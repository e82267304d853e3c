#!/usr/bin/env bash
# make bench [SCALE=small|full]: fresh database with the addons (no demo data),
# synthetic data with a fixed seed, figures as name=value lines (+ .data/bench-SCALE.json).
IXL_COMMAND="${IXL_COMMAND:-make bench}"
source "$(dirname "$0")/env.sh"
setup_all

SCALE="${SCALE:-small}"
DB="${DB_BENCH:-ixl_bench}"
ADDON_LIST="$(all_addons)"
log "Creating $DB with $ADDON_LIST (no demo data)"
dropdb --if-exists "$DB"
createdb "$DB"
odoo_bin -d "$DB" -i "$ADDON_LIST" --without-demo=all --stop-after-init --log-level=warn
log "Benchmark, scale $SCALE"
if [[ ",$ADDON_LIST," == *",ixl_board,"* ]]; then
    # Odoo's own matching (hr_recruitment_skills) is timed in a database of its own.
    log "Creating ${DB}_odoo with hr_recruitment_skills (Odoo's own matching, no demo data)"
    dropdb --if-exists "${DB}_odoo"
    createdb "${DB}_odoo"
    odoo_bin -d "${DB}_odoo" -i hr_recruitment_skills --without-demo=all --stop-after-init \
        --log-level=warn
    "$PY" "$PROJECT_DIR/scripts/bench.py" --config "$RUNTIME_CONF" --db "$DB" \
        --odoo-db "${DB}_odoo" --scale "$SCALE" --json "$IXL_DATA/bench-$SCALE.json" \
        ${BENCH_ARGS:-}
fi
if [[ ",$ADDON_LIST," == *",ixl_microcredit,"* ]]; then
    log "Guarantee fund: parallel approvals racing for the last capacity"
    "$PY" "$PROJECT_DIR/scripts/bench_fund.py" --config "$RUNTIME_CONF" \
        --db "$DB" --scale "$SCALE"
fi
if [[ ",$ADDON_LIST," == *",ixl_board,"* ]]; then
    log "Programme in numbers: dashboard, its XLSX and the list exports"
    "$PY" "$PROJECT_DIR/scripts/bench_dashboard.py" --config "$RUNTIME_CONF" \
        --db "$DB"
fi
