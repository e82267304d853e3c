#!/usr/bin/env bash
# make run: database $DB with every addon and its demo data, served on 127.0.0.1:8069.
source "$(dirname "$0")/env.sh"
setup_all

DB="${DB:-ixl}"
ADDON_LIST="$(all_addons)"
if ! psql -d "$DB" -tAc "select 1 from ir_module_module where name = 'ixl_beneficiary' and state = 'installed'" 2>/dev/null | grep -q 1; then
    log "Creating database $DB with $ADDON_LIST and demo data"
    createdb "$DB" 2>/dev/null || true
    odoo_bin -d "$DB" -i "$ADDON_LIST" --stop-after-init
else
    log "Updating $ADDON_LIST in $DB"
    odoo_bin -d "$DB" -u "$ADDON_LIST" --stop-after-init
fi
log "Serving http://127.0.0.1:8069 (database $DB; user admin, password admin)"
odoo_bin -d "$DB" --db-filter="^$DB\$" "$@"
