#!/bin/bash
# Whole test suite inside Docker: `docker compose run --rm tests [pytest args]`.
# 1. creates a fresh database ixl_test with every ixl_* addon (and demo data),
#    failing on any ERROR or "no access rules" warning in Odoo's log;
# 2. runs pytest-odoo on the addons' tests and the project's tests/.
# The project is mounted at /project; its addons are used from /project/addons
# (not /mnt/extra-addons) so that pytest's and Odoo's paths of a test file agree.
set -euo pipefail

CONF="${ODOO_RC:-/etc/odoo/odoo.conf}"
DB="${IXL_TEST_DB:-ixl_test}"
cd /project

conf() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" "$CONF" | tail -1; }
export PGHOST="$(conf db_host)" PGPORT="$(conf db_port)"
export PGUSER="$(conf db_user)" PGPASSWORD="$(conf db_password)"
ADDONS_PATH="$(conf addons_path | sed 's#/mnt/extra-addons#/project/addons#')"

for _ in $(seq 1 60); do pg_isready -q -d postgres && break; sleep 1; done
pg_isready -q -d postgres || { echo "[ixl] PostgreSQL is not reachable" >&2; exit 1; }

# Browser tests must run (conftest.py also turns their skips into failures).
command -v google-chrome >/dev/null || command -v chromium >/dev/null \
    || { echo "[ixl] no Chrome/Chromium in the image: browser tests cannot run" >&2; exit 1; }

addons="$(find addons -mindepth 2 -maxdepth 2 -name __manifest__.py -path 'addons/ixl_*' \
    -printf '%h\n' | xargs -rn1 basename | sort | paste -sd, -)"
[ -n "$addons" ] || { echo "[ixl] no ixl_* addon in /project/addons" >&2; exit 1; }

echo "[ixl] creating database $DB with $addons"
dropdb --if-exists "$DB"
log="$(mktemp)"
odoo -c "$CONF" --addons-path="$ADDONS_PATH" -d "$DB" -i "$addons" \
    --stop-after-init --log-level=warn 2>&1 | tee "$log"
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |no access rules' "$log" >&2; then
    echo "[ixl] installing $addons logged errors or models without access rules" >&2
    exit 1
fi

echo "[ixl] running pytest"
tests=(addons/*/tests)
[ -d tests ] && tests+=(tests)
exec pytest -p no:cacheprovider --odoo-database="$DB" --odoo-config="$CONF" \
    --odoo-addons-path="$ADDONS_PATH" --odoo-http \
    --odoo-log-level="${ODOO_TEST_LOG_LEVEL:-warn}" "${tests[@]}" "$@"
