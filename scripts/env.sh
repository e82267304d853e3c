#!/usr/bin/env bash
# Shared set-up for make run / test / lint: checks Odoo, installs Debian packages,
# builds the virtualenv and starts PostgreSQL. Source it, then call the functions.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo18}"
VENV="${VENV:-$PROJECT_DIR/.venv}"
PYTHON="${PYTHON:-python3}"
PGPORT="${PGPORT:-5432}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT
export PGUSER="${PGUSER:-odoo}" PGPASSWORD="${PGPASSWORD:-odoo}"
DEB_PACKAGES="postgresql libldap2-dev libsasl2-dev libpq-dev chromium fonts-dejavu-core docker-compose"

log() { printf '\033[1m[ixl]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[ixl] %s\033[0m\n' "$*" >&2; exit 1; }

check_odoo() {
    if [ ! -f "$ODOO_SRC/odoo/release.py" ] || \
       ! grep -q "^version_info = (18, 0," "$ODOO_SRC/odoo/release.py"; then
        die "No Odoo 18.0 source at ODOO_SRC=$ODOO_SRC.
Get it with:
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_SRC
or point ODOO_SRC at an existing Odoo 18.0 checkout: make test ODOO_SRC=/path/to/odoo"
    fi
}

install_debian_packages() {
    local missing=()
    for pkg in $DEB_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The virtualenv is rebuilt when Odoo's or our requirements change.
ensure_venv() {
    local stamp="$VENV/.ixl-requirements"
    local want
    want="$(cat "$ODOO_SRC/requirements.txt" "$PROJECT_DIR/requirements.txt" \
        "$PROJECT_DIR/requirements-dev.txt" "$PROJECT_DIR/scripts/build-constraints.txt" \
        | sha1sum | cut -d' ' -f1) $ODOO_SRC"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    log "Building the virtualenv in $VENV (a few minutes the first time)"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    export PIP_CONSTRAINT="$PROJECT_DIR/scripts/build-constraints.txt"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$VENV/bin/pip" install -q "setuptools<81" wheel
    "$VENV/bin/pip" install -q -r "$ODOO_SRC/requirements.txt"
    "$VENV/bin/pip" install -q --no-build-isolation --no-deps -e "$ODOO_SRC"
    "$VENV/bin/pip" install -q -r "$PROJECT_DIR/requirements.txt" \
        -r "$PROJECT_DIR/requirements-dev.txt"
    unset PIP_CONSTRAINT
    echo "$want" > "$stamp"
}

# Start the local PostgreSQL cluster and make sure the odoo role exists.
ensure_postgres() {
    if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
        log "Starting PostgreSQL"
        local cluster
        cluster="$(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p {print $1" "$2; exit}')"
        [ -n "$cluster" ] || die "No PostgreSQL cluster on port $PGPORT (pg_lsclusters)"
        # shellcheck disable=SC2086
        pg_ctlcluster $cluster start
        for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
    fi
    if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
        log "Creating PostgreSQL role $PGUSER"
        runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD \
            psql -p "$PGPORT" -q -c \
            "CREATE ROLE \"$PGUSER\" LOGIN CREATEDB PASSWORD '$PGPASSWORD'" \
            || die "Cannot create role $PGUSER; create it or set PGUSER/PGPASSWORD"
    fi
}

# Odoo's configuration for this checkout: config/odoo-local.conf plus the
# connection and the addons path of this machine, in .data/odoo.conf.
RUNTIME_CONF="$PROJECT_DIR/.data/odoo.conf"
write_runtime_config() {
    mkdir -p "$PROJECT_DIR/.data"
    {
        cat "$PROJECT_DIR/config/odoo-local.conf"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $PGUSER"
        echo "db_password = $PGPASSWORD"
        echo "addons_path = $ODOO_SRC/addons,$PROJECT_DIR/addons"
        echo "data_dir = $PROJECT_DIR/.data/filestore"
    } | grep -v '^data_dir = \.data$' > "$RUNTIME_CONF"
}

setup_all() {
    check_odoo
    install_debian_packages
    ensure_venv
    ensure_postgres
    write_runtime_config
}

odoo_bin() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$RUNTIME_CONF" "$@"
}

# Every ixl_* addon of the project, comma-separated (or $ADDONS when given).
all_addons() {
    if [ -n "${ADDONS:-}" ]; then
        echo "$ADDONS" | tr ' ' ','
    else
        find "$PROJECT_DIR/addons" -mindepth 2 -maxdepth 2 -name __manifest__.py \
            -path '*/ixl_*' -printf '%h\n' | xargs -n1 basename | sort | paste -sd,
    fi
}
