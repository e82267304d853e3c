#!/usr/bin/env bash
# make run: database $DB with every addon and its demo data, served on 127.0.0.1:8069.
IXL_COMMAND="${IXL_COMMAND:-make run}"
source "$(dirname "$0")/env.sh"
setup_all run

DB="${DB:-ixl}"
ADDON_LIST="$(all_addons)"
installed="$(psql -d "$DB" -tAc "select name from ir_module_module
    where name like 'ixl\\_%' and state = 'installed'" 2>/dev/null | sort | paste -sd, || true)"
missing="$(comm -23 <(tr , '\n' <<<"$ADDON_LIST" | sort) <(tr , '\n' <<<"$installed") | paste -sd,)"
if [ -z "$installed" ]; then
    log "Creating database $DB with $ADDON_LIST and demo data (5-15 minutes)"
    createdb "$DB" 2>/dev/null || true
    odoo_bin -d "$DB" -i "$ADDON_LIST" --stop-after-init
else
    log "Updating $installed in $DB${missing:+, installing $missing}"
    odoo_bin -d "$DB" -u "$installed" ${missing:+-i "$missing"} --stop-after-init
fi
log "Serving http://127.0.0.1:8069 (database $DB; user admin, password admin)"
odoo_bin -d "$DB" --db-filter="^$DB\$" "$@"
