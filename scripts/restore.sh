#!/usr/bin/env bash
# make restore BACKUP=dir DB=name: restore a backup of scripts/backup.sh into a NEW
# database (FORCE=1 drops an existing one first), checking every checksum.
#   scripts/restore.sh DIR DB
# Afterwards the row counts of the main tables must equal the manifest's and every
# filestore file its sha256; any difference is an error.
source "$(dirname "$0")/env.sh"
ensure_postgres

SRC="${1:?usage: restore.sh BACKUP_DIR TARGET_DB}"
DB="${2:?usage: restore.sh BACKUP_DIR TARGET_DB}"
FILESTORE_ROOT="${FILESTORE_ROOT:-$(filestore_root)}"
[[ "$DB" =~ ^[A-Za-z0-9_-]+$ ]] || die "Invalid database name $DB"
SRC="$(cd "$SRC" && pwd)" || die "No backup directory $1"

log "Checking the checksums of $SRC"
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS) || die "Corrupted backup: $SRC"
if psql -d "$DB" -tAc "select 1" >/dev/null 2>&1; then
    [ "${FORCE:-0}" = 1 ] || die "Database $DB exists (FORCE=1 drops it)"
    dropdb "$DB"
fi
[ -e "$FILESTORE_ROOT/$DB" ] && { [ "${FORCE:-0}" = 1 ] || die "$FILESTORE_ROOT/$DB exists"; }

log "Restoring into $DB"
createdb "$DB"
pg_restore --no-owner --exit-on-error --jobs=2 -d "$DB" "$SRC/db.dump"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xzf "$SRC/filestore.tar.gz"
rm -rf "${FILESTORE_ROOT:?}/$DB"
mkdir -p "$FILESTORE_ROOT/$DB"
src_name="$(sed -n 's/^database=//p' "$SRC/manifest.txt")"
if [ -d "$tmp/$src_name" ]; then
    cp -a "$tmp/$src_name/." "$FILESTORE_ROOT/$DB/"
fi
if [ -s "$SRC/filestore.sha256" ]; then
    (cd "$FILESTORE_ROOT/$DB" && sha256sum --quiet -c "$SRC/filestore.sha256") \
        || die "Filestore files differ from the backup"
fi

mismatch=0
while IFS='=' read -r table expected; do
    actual="$(psql -d "$DB" -tAc "select count(*) from \"$table\"")"
    if [ "$actual" != "$expected" ]; then
        log "$table: $actual rows, $expected in the backup"
        mismatch=$((mismatch + 1))
    fi
done < "$SRC/counts.txt"
[ "$mismatch" = 0 ] || die "$mismatch tables differ from the backup"
log "Restored $DB from $SRC (a copy of production: run 'odoo-bin neutralize -d $DB')"
echo "restored_db=$DB"
echo "tables_checked=$(wc -l < "$SRC/counts.txt")"
echo "files_checked=$(wc -l < "$SRC/filestore.sha256")"
