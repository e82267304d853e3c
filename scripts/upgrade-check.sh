#!/usr/bin/env bash
# Upgrade in place (a step of make test): a database made by the previous release
# (scripts/previous-release) with demo data upgrades to this tree with nothing lost.
#  1. the previous release's addons: `git archive <hash> addons` (cached in $IXL_DATA);
#  2. a database with them and demo data: installed once into a template database
#     ixl_prev_<hash> kept between runs (UPGRADE_FRESH=1 rebuilds it), then copied;
#  3. snapshot: rows of every ixl model and table, values of the fields people enter,
#     the programme in numbers (scripts/upgrade_check.py);
#  4. as on a production database, which has no demo data, the demo flag is cleared:
#     the upgrade loads no demo data (new demo records would change the figures);
#  5. `-u` of every ixl addon of the previous release and `-i` of the ixl addons that
#     are new in this tree, with this tree's addons; any WARNING, ERROR or CRITICAL
#     line of the log fails;
#  6. snapshot again and compare: a count that went down, a value or figure lost or
#     changed, an invalid selection value or an addon not at its code's version fails,
#     unless scripts/upgrade-exceptions.txt lists it with a reason.
IXL_COMMAND="${IXL_COMMAND:-make test}"
source "$(dirname "$0")/env.sh"
setup_db_only

PREV="$(grep -Eom1 '^[0-9a-f]{40}' "$PROJECT_DIR/scripts/previous-release")" \
    || die "No commit hash on the first line of scripts/previous-release"
DB="${DB_UPGRADE:-ixl_upgrade}"
TEMPLATE="ixl_prev_${PREV:0:12}"
WORK="$IXL_DATA/upgrade"
EXCEPTIONS="$PROJECT_DIR/scripts/upgrade-exceptions.txt"
mkdir -p "$WORK"

# The mounted project of the Docker test image belongs to another user.
git_() { git -c safe.directory='*' -C "$PROJECT_DIR" "$@"; }
elapsed() { echo "$((SECONDS - $1)) s"; }
db_exists() { [ "$(psql -d postgres -tAc "select 1 from pg_database where datname = '$1'")" = 1 ]; }
fail_on_log_lines() {
    if grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$1" >&2; then
        die "$2 logged the warnings or errors above (log: $1)"
    fi
}

command -v git >/dev/null || die "git is needed for the upgrade check (UPGRADE_CHECK=0 skips it)"
git_ cat-file -e "$PREV^{commit}" 2>/dev/null || die "Commit $PREV (scripts/previous-release) \
is not in this clone's history: fetch it (git fetch --unshallow) or skip the check with UPGRADE_CHECK=0"

# 1. The previous release's addons.
PREV_DIR="$WORK/release-${PREV:0:12}"
if [ ! -f "$PREV_DIR/.complete" ]; then
    rm -rf "$PREV_DIR"
    mkdir -p "$PREV_DIR"
    git_ archive "$PREV" addons | tar -x -C "$PREV_DIR"
    touch "$PREV_DIR/.complete"
fi
PREV_ADDONS="$(all_addons "$PREV_DIR/addons")"
HEAD_ADDONS="$(all_addons "$PROJECT_DIR/addons")"
NEW_ADDONS="$(comm -13 <(tr , '\n' <<<"$PREV_ADDONS") <(tr , '\n' <<<"$HEAD_ADDONS") | paste -sd,)"
GONE="$(comm -23 <(tr , '\n' <<<"$PREV_ADDONS") <(tr , '\n' <<<"$HEAD_ADDONS") | paste -sd,)"
[ -z "$GONE" ] || die "Addons of the previous release missing from this tree: $GONE"

# Odoo's own addons paths (the runtime configuration's, without the project's addons).
BASE_PATH="$(sed -nE 's/^[[:space:]]*addons_path[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p' \
    "$RUNTIME_CONF" | tail -1 | tr , '\n' | grep -vxF "$PROJECT_DIR/addons" | paste -sd,)"
PREV_PATH="$BASE_PATH,$PREV_DIR/addons"
HEAD_PATH="$BASE_PATH,$PROJECT_DIR/addons"
FILESTORE="$(filestore_root)"

# 2. The template database: the previous release with demo data, for this Odoo.
odoo_identity() {
    "$PY" - <<'PY'
import hashlib, os, odoo.release
path = os.path.dirname(odoo.release.__file__)
head = os.path.join(path, "..", ".git", "HEAD")
print(hashlib.sha1(open(odoo.release.__file__, "rb").read()
      + path.encode() + (open(head, "rb").read() if os.path.exists(head) else b"")).hexdigest())
PY
}
STAMP="$PREV $(odoo_identity)"
template_stamp() {
    psql -d postgres -tAc "select shobj_description(oid, 'pg_database') from pg_database
        where datname = '$TEMPLATE'"
}
started=$SECONDS
if [ "${UPGRADE_FRESH:-0}" = 1 ] || ! db_exists "$TEMPLATE" || [ "$(template_stamp)" != "$STAMP" ]; then
    log "Installing the previous release ${PREV:0:12} ($PREV_ADDONS) with demo data into $TEMPLATE"
    dropdb --if-exists "$TEMPLATE"
    rm -rf "${FILESTORE:?}/$TEMPLATE"
    createdb "$TEMPLATE"
    odoo_bin --addons-path="$PREV_PATH" -d "$TEMPLATE" -i "$PREV_ADDONS" --stop-after-init \
        --log-level=warn --logfile="$WORK/install-previous.log" \
        || { tail -n 40 "$WORK/install-previous.log" >&2; die "The previous release did not install"; }
    psql -d postgres -qc "COMMENT ON DATABASE \"$TEMPLATE\" IS '$STAMP'"
    log "Previous release installed in $(elapsed "$started")"
else
    log "Reusing $TEMPLATE (the previous release with demo data; UPGRADE_FRESH=1 rebuilds it)"
fi
dropdb --if-exists "$DB"
rm -rf "${FILESTORE:?}/$DB"
createdb -T "$TEMPLATE" "$DB"
[ -d "$FILESTORE/$TEMPLATE" ] && cp -a "$FILESTORE/$TEMPLATE" "$FILESTORE/$DB"

# 3. Before (both snapshots take the periods of the same day).
TODAY="$(date +%F)"
started=$SECONDS
"$PY" "$PROJECT_DIR/scripts/upgrade_check.py" snapshot --config "$RUNTIME_CONF" --db "$DB" \
    --addons-path "$PREV_PATH" --today "$TODAY" --out "$WORK/before.json" || die "Snapshot before the upgrade failed"

# 4. and 5. The upgrade, as on a production database (no demo data).
psql -d "$DB" -qc "UPDATE ir_module_module SET demo = false"
log "Upgrading $DB: -u $PREV_ADDONS${NEW_ADDONS:+, -i $NEW_ADDONS}"
install_new=()
[ -n "$NEW_ADDONS" ] && install_new=(-i "$NEW_ADDONS")
odoo_bin --addons-path="$HEAD_PATH" -d "$DB" -u "$PREV_ADDONS" "${install_new[@]}" \
    --without-demo=all --stop-after-init --log-level=info --logfile="$WORK/upgrade.log" \
    || { tail -n 40 "$WORK/upgrade.log" >&2; die "The upgrade failed (log: $WORK/upgrade.log)"; }
fail_on_log_lines "$WORK/upgrade.log" "The upgrade"
log "Upgraded in $(elapsed "$started") (log: $WORK/upgrade.log)"

# 6. After, and the comparison.
"$PY" "$PROJECT_DIR/scripts/upgrade_check.py" snapshot --config "$RUNTIME_CONF" --db "$DB" \
    --addons-path "$HEAD_PATH" --today "$TODAY" --out "$WORK/after.json" || die "Snapshot after the upgrade failed"
"$PY" "$PROJECT_DIR/scripts/upgrade_check.py" compare "$WORK/before.json" "$WORK/after.json" \
    --exceptions "$EXCEPTIONS" || die "The upgrade lost or changed data (see above; $WORK)"
dropdb "$DB"
rm -rf "${FILESTORE:?}/$DB"
log "Upgrade check passed: ${PREV:0:12} -> this tree ($(elapsed "$started") after the template)"
