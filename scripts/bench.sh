#!/usr/bin/env bash
# make bench [SCALE=small|full]: fresh database with the addons (no demo data),
# synthetic data with a fixed seed, figures as name=value lines (+ .data/bench-SCALE.json).
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
exec "$VENV/bin/python" "$PROJECT_DIR/scripts/bench.py" --config "$RUNTIME_CONF" --db "$DB" \
    --scale "$SCALE" --json "$PROJECT_DIR/.data/bench-$SCALE.json" ${BENCH_ARGS:-}
