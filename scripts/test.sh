#!/usr/bin/env bash
# make test (and `docker compose run --rm tests`, through scripts/docker-test.sh): the
# steps below, in this order; the first failure stops the run.
#   scripts/test.sh [--dry-run] [pytest arguments]
# --dry-run prints the steps that would run (after ADDONS, UPGRADE_CHECK...) and stops.
# ADDONS=a,b limits the run to some addons: the upgrade check, the benchmark and the
# resilience checks then run only if the addons they need are listed (see each step).
IXL_COMMAND="${IXL_COMMAND:-make test}"
source "$(dirname "$0")/env.sh"

DRY_RUN=0
if [ "${1:-}" = "--dry-run" ]; then
    DRY_RUN=1
    shift
fi
PYTEST_EXTRA=("$@")

DB="${DB_TEST:-ixl_test}"
ADDON_LIST="$(all_addons)"
has_addons() {
    local addon
    for addon in "$@"; do [[ ",$ADDON_LIST," == *",$addon,"* ]] || return 1; done
}

# ---------------------------------------------------------------- the steps
step_lint() {
    LINT_BIN="$BIN_DIR" bash "$PROJECT_DIR/scripts/lint.sh"
}

# Any ERROR/CRITICAL, and any WARNING (models without access rules, invalid views,
# duplicate labels...), fails the run.
step_install() {
    local log_file="$IXL_DATA/install-$DB.log"
    dropdb --if-exists "$DB"
    rm -rf "$(filestore_root)/$DB"
    createdb "$DB"
    : > "$log_file"  # Odoo appends to --logfile: a failed run's lines must not stay
    if ! odoo_bin -d "$DB" -i "$ADDON_LIST" --stop-after-init --log-level=info \
            --logfile="$log_file"; then
        tail -n 40 "$log_file" >&2
        die "Installation failed (log: $log_file)"
    fi
    if grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$log_file" >&2; then
        die "Installation logged the warnings or errors above (log: $log_file)"
    fi
}

step_upgrade() {
    bash "$PROJECT_DIR/scripts/upgrade-check.sh" || die "Upgrade check failed"
}

# Rolled back; fails if a path errors or the fast and the naive matching disagree; never
# asserts times. Odoo's own matching runs in a second database with
# hr_recruitment_skills (about a minute to install); BENCH_ODOO=0 leaves it out.
step_bench() {
    local odoo_args=()
    if [ "${BENCH_ODOO:-1}" != "0" ]; then
        dropdb --if-exists "${DB}_odoo"
        createdb "${DB}_odoo"
        odoo_bin -d "${DB}_odoo" -i hr_recruitment_skills --without-demo=all \
            --stop-after-init --log-level=warn || die "hr_recruitment_skills did not install"
        odoo_args=(--odoo-db "${DB}_odoo")
    fi
    "$PY" "$PROJECT_DIR/scripts/bench.py" --config "$RUNTIME_CONF" --db "$DB" \
        --scale small --requests 10 --rollback "${odoo_args[@]}" \
        || die "make bench --scale small failed"
}

# On copies of $DB; each script starts and stops its own server. Figures only.
step_resilience() {
    local check
    for check in "faults --count 50" "load --companies 5 --duration 10" "fuzz --posts 100"; do
        log "make ${check%% *} at small size ($check)"
        # shellcheck disable=SC2086
        "$PY" "$PROJECT_DIR/scripts/${check%% *}.py" --config "$RUNTIME_CONF" \
            --template "$DB" ${check#* } || die "Resilience check failed: $check"
    done
    log "Backup and restore round trip"
    bash "$PROJECT_DIR/scripts/backup_check.sh" "$DB" || die "Backup round trip failed"
}

# Browser tests must run: Odoo would silently skip them without a browser or
# websocket-client (conftest.py also turns such skips into failures).
step_pytest() {
    usable_browser >/dev/null || die "No Chrome/Chromium: browser tests cannot run"
    "$PY" -c "import websocket" 2>/dev/null \
        || die "websocket-client is missing: browser tests cannot run"
    local paths=() addon
    for addon in ${ADDON_LIST//,/ }; do
        [ -d "$PROJECT_DIR/addons/$addon/tests" ] && paths+=("addons/$addon/tests")
    done
    [ -z "${ADDONS:-}" ] && paths+=("tests")
    cd "$PROJECT_DIR"
    # shellcheck disable=SC2086
    "$PY" -m pytest -p no:cacheprovider \
        --odoo-config="$RUNTIME_CONF" --odoo-database="$DB" --odoo-http \
        --odoo-log-level="${ODOO_TEST_LOG_LEVEL:-warn}" \
        "${paths[@]}" ${PYTEST_ARGS:-} "${PYTEST_EXTRA[@]}"
}

# ---------------------------------------------------------------- the plan
STEPS=()
plan() { STEPS+=("$1|$2"); }
[ "${LINT:-1}" = 0 ] \
    || plan step_lint "lint: ruff and pylint-odoo's mandatory checks over the whole tree"
plan step_install "install $ADDON_LIST with demo data into a fresh database $DB; any WARNING, ERROR or CRITICAL line of the log fails"
if [ "${UPGRADE_CHECK:-1}" != 0 ] && [ -z "${ADDONS:-}" ]; then
    plan step_upgrade "upgrade check: a database of the previous release ($(head -c 12 "$PROJECT_DIR/scripts/previous-release")) with demo data upgrades to this tree with no warning and no data lost"
fi
has_addons ixl_board \
    && plan step_bench "benchmark at small scale, rolled back (errors and the fast/naive matching agreement, no times)"
has_addons ixl_board ixl_calls \
    && plan step_resilience "resilience at small scale on copies of $DB: SIGKILL during 50 registrations, 5 portal sessions for 10 s, 100 malformed posts, backup and restore round trip"
plan step_pytest "pytest-odoo (--odoo-http, browser tours included): the addons' tests$([ -z "${ADDONS:-}" ] && echo " and tests/")"

if [ "$DRY_RUN" = 1 ]; then
    n=0
    for entry in "${STEPS[@]}"; do
        n=$((n + 1))
        echo "$n. ${entry#*|}"
    done
    exit 0
fi

started=$SECONDS
setup_all test
n=0
for entry in "${STEPS[@]}"; do
    n=$((n + 1))
    log "Step $n/${#STEPS[@]}: ${entry#*|}"
    step_started=$SECONDS
    "${entry%%|*}"
    log "Step $n done in $((SECONDS - step_started)) s"
done
log "make test passed in $((SECONDS - started)) s"
