#!/usr/bin/env bash
# make backup [DB=ixl] [BACKUP_DIR=path]: back up one database and its filestore.
#   scripts/backup.sh [DB] [DIR]   (default DIR: .data/backups/DB-YYYYmmddTHHMMSSZ)
# DIR receives db.dump (pg_dump custom format), filestore.tar.gz, counts.txt (rows per
# main table), filestore.sha256 (every filestore file), manifest.txt and SHA256SUMS.
# The dump comes first: files added afterwards are harmless extras in the tarball.
source "$(dirname "$0")/env.sh"
ensure_postgres

DB="${1:-ixl}"
DEST="${2:-$IXL_DATA/backups/$DB-$(date -u +%Y%m%dT%H%M%SZ)}"
FILESTORE_ROOT="${FILESTORE_ROOT:-$(filestore_root)}"
# Rows counted in the manifest (tables of uninstalled addons are skipped).
MAIN_TABLES="res_partner res_users ir_attachment mail_message ixl_beneficiary ixl_placement
ixl_protocol_exit ixl_job_request ixl_candidate ixl_internship ixl_call ixl_call_application
ixl_call_grant ixl_call_payment ixl_loan ixl_guarantee_fund ixl_training_course"

psql -d "$DB" -tAc "select 1" >/dev/null || die "No database $DB"
[ -e "$DEST" ] && [ -n "$(ls -A "$DEST" 2>/dev/null)" ] && die "$DEST exists and is not empty"
mkdir -p "$DEST"
log "Backing up $DB into $DEST"
pg_dump --format=custom --no-owner --file="$DEST/db.dump" "$DB"

if [ -d "$FILESTORE_ROOT/$DB" ]; then
    tar -C "$FILESTORE_ROOT" -czf "$DEST/filestore.tar.gz" "$DB"
    (cd "$FILESTORE_ROOT/$DB" && find . -type f -print0 | sort -z | xargs -0r sha256sum) \
        > "$DEST/filestore.sha256"
else
    log "No filestore at $FILESTORE_ROOT/$DB: empty tarball"
    tar -czf "$DEST/filestore.tar.gz" -T /dev/null
    : > "$DEST/filestore.sha256"
fi

# Rows per main table, as name=count lines (compared after a restore).
table_counts() {
    local db="$1" table
    for table in $MAIN_TABLES; do
        if [ "$(psql -d "$db" -tAc "select to_regclass('public.$table') is not null")" = t ]; then
            echo "$table=$(psql -d "$db" -tAc "select count(*) from \"$table\"")"
        fi
    done
}
table_counts "$DB" > "$DEST/counts.txt"

{
    echo "database=$DB"
    echo "created_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "pg_dump=$(pg_dump --version)"
    echo "odoo_base_version=$(psql -d "$DB" -tAc \
        "select latest_version from ir_module_module where name = 'base'")"
    echo "files=$(wc -l < "$DEST/filestore.sha256")"
} > "$DEST/manifest.txt"
(cd "$DEST" && sha256sum db.dump filestore.tar.gz counts.txt filestore.sha256 manifest.txt \
    > SHA256SUMS)
log "Backup complete: $DEST"
echo "backup_dir=$DEST"
echo "dump_bytes=$(stat -c %s "$DEST/db.dump")"
echo "filestore_files=$(wc -l < "$DEST/filestore.sha256")"
