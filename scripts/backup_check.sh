#!/usr/bin/env bash
# Round trip of make backup / make restore, run by make test: a database with
# beneficiaries and their files is backed up, restored under another name and compared
# (rows per main table, every filestore file, every attachment's sha1 against its file).
#   scripts/backup_check.sh [TEMPLATE_DB]   (default: installs ixl_beneficiary)
source "$(dirname "$0")/env.sh"
setup_db_only

SRC_DB="${BACKUP_CHECK_DB:-res_backup_src}"
DST_DB="${SRC_DB%_src}_dst"
FILESTORE_ROOT="$(filestore_root)"
WORK="$(mktemp -d)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

for db in "$SRC_DB" "$DST_DB"; do
    dropdb --if-exists "$db" 2>/dev/null
    rm -rf "${FILESTORE_ROOT:?}/$db"
done
if [ -n "${1:-}" ]; then
    log "Copying $1 into $SRC_DB"
    createdb -T "$1" "$SRC_DB"
    [ -d "$FILESTORE_ROOT/$1" ] && cp -a "$FILESTORE_ROOT/$1" "$FILESTORE_ROOT/$SRC_DB"
else
    log "Installing ixl_beneficiary into $SRC_DB"
    createdb "$SRC_DB"
    odoo_bin -d "$SRC_DB" -i ixl_beneficiary --without-demo=all --stop-after-init \
        --log-level=warn
fi

log "Adding beneficiaries with an identity document and a CV"
odoo_shell -d "$SRC_DB" --no-http --log-level=warn >/dev/null <<'PY'
import base64
from stdnum.it import codicefiscale
env = env(context=dict(env.context, tracking_disable=True))
bologna = env.ref("ixl_beneficiary.municipality_bologna")
for i in range(5):
    body = f"BCKPRS80A{10 + i:02d}A944"
    env["ixl.beneficiary"].create({
        "first_name": "Persona", "last_name": f"Backup{i}",
        "fiscal_code": body + codicefiscale.calc_check_digit(body),
        "birthdate_date": f"1980-01-{10 + i:02d}", "municipality_id": bologna.id,
        "id_document": base64.b64encode(b"%%PDF-1.4 identity document %d" % i),
        "id_document_filename": f"id{i}.pdf",
        "cv_file": base64.b64encode(b"%%PDF-1.4 curriculum %d" % i), "cv_filename": f"cv{i}.pdf",
    })
env.cr.commit()
PY

seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
started=$(date +%s%N)
FILESTORE_ROOT="$FILESTORE_ROOT" bash "$PROJECT_DIR/scripts/backup.sh" "$SRC_DB" "$WORK/backup" >/dev/null
backup_s=$(seconds_since "$started")
started=$(date +%s%N)
FILESTORE_ROOT="$FILESTORE_ROOT" bash "$PROJECT_DIR/scripts/restore.sh" "$WORK/backup" "$DST_DB" >/dev/null
restore_s=$(seconds_since "$started")

# Independent checks: the same rows, the same files, and every attachment stored in
# the restored filestore with the sha1 Odoo recorded.
tables=0
for table in $(cut -d= -f1 "$WORK/backup/counts.txt"); do
    a="$(psql -d "$SRC_DB" -tAc "select count(*) from \"$table\"")"
    b="$(psql -d "$DST_DB" -tAc "select count(*) from \"$table\"")"
    [ "$a" = "$b" ] || die "$table: $a rows in $SRC_DB, $b in $DST_DB"
    tables=$((tables + 1))
done
diff <(cd "$FILESTORE_ROOT/$SRC_DB" && find . -type f | sort | xargs sha256sum) \
     <(cd "$FILESTORE_ROOT/$DST_DB" && find . -type f | sort | xargs sha256sum) >/dev/null \
    || die "The restored filestore differs"
checked=0
while IFS='|' read -r fname checksum; do
    [ "$(sha1sum "$FILESTORE_ROOT/$DST_DB/$fname" | cut -d' ' -f1)" = "$checksum" ] \
        || die "Attachment file $fname: wrong checksum"
    checked=$((checked + 1))
done < <(psql -d "$DST_DB" -tAc \
    "select store_fname, checksum from ir_attachment where store_fname is not null")
beneficiary_files="$(psql -d "$DST_DB" -tAc "select count(*) from ir_attachment
    where res_model = 'ixl.beneficiary' and res_field in ('id_document', 'cv_file')")"
[ "$beneficiary_files" -ge 10 ] || die "Only $beneficiary_files beneficiary files restored"

# A damaged backup is refused before anything is restored.
printf 'x' >> "$WORK/backup/filestore.tar.gz"
if FILESTORE_ROOT="$FILESTORE_ROOT" bash "$PROJECT_DIR/scripts/restore.sh" "$WORK/backup" "${DST_DB}_bad" >/dev/null 2>&1; then
    dropdb --if-exists "${DST_DB}_bad"
    die "A corrupted backup was restored"
fi

for db in "$SRC_DB" "$DST_DB"; do
    dropdb "$db"
    rm -rf "${FILESTORE_ROOT:?}/$db"
done
echo "backup_s=$backup_s"
echo "restore_s=$restore_s"
echo "tables_compared=$tables"
echo "attachments_checked=$checked"
echo "beneficiary_files=$beneficiary_files"
echo "backup_roundtrip=ok"
