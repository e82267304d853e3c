#!/bin/bash
# Entrypoint of the "odoo" service: on first start create database "ixl" with
# every ixl_* addon (and its demo data), then serve it.
#   docker compose run --rm odoo bash   -> runs the given command instead
#   docker compose run --rm odoo --dev=all -> extra options for the Odoo server
set -euo pipefail

CONF="${ODOO_RC:-/etc/odoo/odoo.conf}"
DB="${IXL_DB:-ixl}"
# The mounted addons (IXL_ADDONS_DIR: for tests/test_deployment.py, which runs this
# script against a local PostgreSQL with a stand-in odoo command).
ADDONS_DIR="${IXL_ADDONS_DIR:-/mnt/extra-addons}"

# A command (not an option) runs as is, like the official image's entrypoint.
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    exec "$@"
fi

# Connection settings come from the Odoo config file (the single source of truth).
conf() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" "$CONF" | tail -1; }
export PGHOST="$(conf db_host)" PGPORT="$(conf db_port)"
export PGUSER="$(conf db_user)" PGPASSWORD="$(conf db_password)"

echo "[ixl] waiting for PostgreSQL at $PGHOST:$PGPORT"
for _ in $(seq 1 60); do
    pg_isready -q -d postgres && break
    sleep 1
done
pg_isready -q -d postgres || { echo "[ixl] PostgreSQL is not reachable" >&2; exit 1; }

# Every ixl_* addon found in $ADDONS_DIR must be installed in $DB. On first start
# none is (the database doesn't even exist): Odoo creates it and installs them all,
# with demo data (Odoo 18's default). Addons added later are installed the same way.
addons="$(find -H "$ADDONS_DIR" -mindepth 2 -maxdepth 2 -name __manifest__.py \
    -path "$ADDONS_DIR/ixl_*" -printf '%h\n' | xargs -rn1 basename | sort)"
[ -n "$addons" ] || { echo "[ixl] no ixl_* addon in $ADDONS_DIR" >&2; exit 1; }
installed="$(psql -d "$DB" -tAc "select name from ir_module_module
    where name like 'ixl\\_%' and state = 'installed'" 2>/dev/null | sort || true)"
missing="$(comm -23 <(echo "$addons") <(echo "$installed") | paste -sd, -)"
if [ -n "$missing" ]; then
    echo "[ixl] installing $missing in database $DB (with demo data)"
    odoo -c "$CONF" -d "$DB" -i "$missing" --stop-after-init
fi

echo "[ixl] starting Odoo on database $DB"
exec odoo -c "$CONF" -d "$DB" "$@"
