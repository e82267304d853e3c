#!/usr/bin/env bash
# Shared set-up of the make targets. Source it, then call the functions:
#   setup_all [run|test|docs]  what make run / make test need (packages, Odoo, venv, DB)
#   setup_db_only              Odoo's configuration and PostgreSQL, nothing installed
# Two modes:
#   from source (default): Debian 12 / Ubuntu 24.04 packages (only those the command
#     needs, without recommends), Odoo 18 at ODOO_SRC (cloned at the pinned commit of
#     scripts/odoo-commit when missing), the virtualenv $VENV, the local PostgreSQL;
#   inside the Docker test image (IXL_IN_IMAGE=1, set by scripts/docker-test.sh): Odoo is
#     the image's package, Python packages are system-wide, PostgreSQL is the "db"
#     service and the connection comes from $ODOO_RC (config/odoo.conf).
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IXL_IN_IMAGE="${IXL_IN_IMAGE:-0}"
# The command the user typed, named in hints (each script sets it).
IXL_COMMAND="${IXL_COMMAND:-make test}"

log() { printf '\033[1m[ixl]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[ixl] %s\033[0m\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- Odoo's location
ODOO_SRC_DEFAULT=/opt/odoo18
ODOO_SRC_LOCAL="$PROJECT_DIR/.odoo"     # git-ignored; used when /opt is not writable
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
ODOO_COMMIT="${ODOO_COMMIT:-$(grep -Eom1 '^[0-9a-f]{40}' "$PROJECT_DIR/scripts/odoo-commit" || true)}"

is_odoo18() {
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] \
        && grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

# ODOO_SRC given by the user is used as is; otherwise /opt/odoo18, then .odoo.
ODOO_SRC_AUTO=0
if [ -z "${ODOO_SRC:-}" ]; then
    ODOO_SRC_AUTO=1
    ODOO_SRC="$ODOO_SRC_DEFAULT"
    if ! is_odoo18 "$ODOO_SRC_DEFAULT" && is_odoo18 "$ODOO_SRC_LOCAL"; then
        ODOO_SRC="$ODOO_SRC_LOCAL"
    fi
fi
export ODOO_SRC

# ---------------------------------------------------------------- paths and database
if [ "$IXL_IN_IMAGE" = 1 ]; then
    ODOO_RC="${ODOO_RC:-/etc/odoo/odoo.conf}"
    IXL_DATA="${IXL_DATA:-/tmp/ixl}"      # the mounted project is not writable there
    PY=python3
    ODOO_BIN="$(command -v odoo || echo /usr/bin/odoo)"
    BIN_DIR="$(dirname "$(command -v pytest || echo /usr/local/bin/pytest)")"
    conf_value() {
        sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" \
            "$ODOO_RC" | tail -1
    }
    PGHOST="${PGHOST:-$(conf_value db_host)}" PGPORT="${PGPORT:-$(conf_value db_port)}"
    PGUSER="${PGUSER:-$(conf_value db_user)}" PGPASSWORD="${PGPASSWORD:-$(conf_value db_password)}"
else
    IXL_DATA="${IXL_DATA:-$PROJECT_DIR/.data}"
    VENV="${VENV:-$PROJECT_DIR/.venv}"
    PY="$VENV/bin/python"
    BIN_DIR="$VENV/bin"
    ODOO_BIN="$ODOO_SRC/odoo-bin"
    # The port of this machine's cluster (pg_lsclusters), 5432 when there is none; found
    # again once the set-up has installed PostgreSQL (its cluster may not be on 5432).
    PGPORT_AUTO=0
    [ -n "${PGPORT:-}" ] || PGPORT_AUTO=1
    local_cluster_port() {
        [ "$PGPORT_AUTO" = 1 ] || return 0
        PGPORT="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $3}' || true)"
        PGPORT="${PGPORT:-5432}"
    }
    local_cluster_port
    PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-odoo}" PGPASSWORD="${PGPASSWORD:-odoo}"
fi
export PGHOST PGPORT PGUSER PGPASSWORD ODOO_BIN IXL_DATA
RUNTIME_CONF="$IXL_DATA/odoo.conf"

# ---------------------------------------------------------------- privileges
# Root runs commands directly; another user needs sudo (apt-get, PostgreSQL cluster).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "Needs root for: $*
Run $IXL_COMMAND as root, or install sudo and give this user sudo rights."
    fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && as_root -u postgres "$@")
    fi
}

# ---------------------------------------------------------------- packages
os_id() { . /etc/os-release && echo "${ID:-unknown}"; }

# Debian/Ubuntu packages each command needs (never their recommends).
#   lint: a Python with venv; run: + compilers and headers for psycopg2 and
#   python-ldap, git (Odoo's clone, the upgrade check), PostgreSQL, wkhtmltopdf (PDF
#   reports: the printed programme in numbers); test: + fonts and a browser for the
#   tours, docker-compose for the check of the Docker files; docs: + fonts and a
#   browser for the screenshots, poppler-utils (pdftoppm: the printed report's pages).
packages_for() {
    local lint="python3 python3-venv"
    local run="$lint python3-dev build-essential git ca-certificates libldap2-dev
        libsasl2-dev libpq-dev postgresql wkhtmltopdf"
    case "$1" in
        lint) echo "$lint" ;;
        run) echo "$run" ;;
        docs) echo "$run fonts-dejavu-core poppler-utils $(browser_package)" ;;
        test) echo "$run fonts-dejavu-core $(compose_packages) $(browser_package)" ;;
        *) die "packages_for: unknown command $1" ;;
    esac
}

# docker-compose (v1) only validates the compose file. On Ubuntu 24.04 it imports
# distutils, gone from Python 3.12, without depending on python3-setuptools, which
# brings it back.
compose_packages() {
    echo docker-compose
    [ "$(os_id)" = ubuntu ] && echo python3-setuptools
    return 0
}

# Debian has a chromium package; Ubuntu's is a snap wrapper that cannot run the tours,
# so Ubuntu gets Google Chrome's .deb (ensure_browser), amd64 only.
browser_package() {
    [ "$(os_id)" = ubuntu ] || echo chromium
}

missing_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || echo "$pkg"
    done
}

# LANG=C.UTF-8: the PostgreSQL cluster that the package creates is then in UTF-8 (a
# fresh system without a locale would get SQL_ASCII, which Odoo cannot use).
apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
        apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

install_debian_packages() {
    local kind="${1:-run}" missing
    command -v dpkg-query >/dev/null || die "Not a Debian or Ubuntu system: install the \
packages of docs/setup.md yourself ($(packages_for "$kind" | xargs))"
    # shellcheck disable=SC2046
    missing="$(missing_packages $(packages_for "$kind") | xargs)"
    if [ -n "$missing" ]; then
        log "Installing Debian packages: $missing"
        as_root apt-get update -qq
        # shellcheck disable=SC2086
        apt_install $missing
    fi
    case "$kind" in test|docs) ensure_browser ;; esac
}

# A browser Odoo's tours can drive: google-chrome or chromium (not a snap wrapper).
usable_browser() {
    local bin
    for bin in google-chrome chromium google-chrome-stable; do
        bin="$(command -v "$bin")" || continue
        case "$(readlink -f "$bin")" in /snap/*) continue ;; esac
        grep -qs "/snap/bin/" "$bin" && continue    # Ubuntu's wrapper of the snap
        echo "$bin"
        return 0
    done
    return 1
}

ensure_browser() {
    usable_browser >/dev/null && return 0
    [ "$(os_id)" = ubuntu ] || die "No browser for the tours (apt-get install chromium)"
    [ "$(dpkg --print-architecture)" = amd64 ] || die "Ubuntu's chromium is a snap that \
cannot run the tours and Google Chrome has no $(dpkg --print-architecture) package: \
run the tests on amd64, on Debian, or put a Chromium on PATH."
    log "Installing Google Chrome (Ubuntu's chromium is a snap wrapper)"
    local deb
    deb="$(mktemp --suffix=.deb)"
    local url=https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb
    python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
        "$url" "$deb" 2>/dev/null || die "Could not download Google Chrome ($url): install \
Google Chrome or a Chromium that is not a snap, then run $IXL_COMMAND again"
    chmod 0644 "$deb"
    apt_install "$deb"
    rm -f "$deb"
}

# ---------------------------------------------------------------- Odoo's source
odoo_missing_message() {
    cat <<EOF
No Odoo 18.0 source at ODOO_SRC=$ODOO_SRC and it could not be cloned${1:+ ($1)}.
Get it with:
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_SRC
(the tested commit is $ODOO_COMMIT), or point ODOO_SRC at an existing Odoo 18.0
checkout: $IXL_COMMAND ODOO_SRC=/path/to/odoo
EOF
}

# Stop before installing anything when ODOO_SRC holds something that is not Odoo 18.
check_odoo_dir() {
    is_odoo18 "$ODOO_SRC" && return 0
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo 18.0 checkout (odoo/release.py).
Move it away, or point ODOO_SRC at an Odoo 18.0 checkout: $IXL_COMMAND ODOO_SRC=/path/to/odoo"
    fi
}

# Odoo must be there already (the targets that do not clone it).
check_odoo() {
    check_odoo_dir
    is_odoo18 "$ODOO_SRC" || die "$(odoo_missing_message)"
}

writable_parent() {
    local dir
    dir="$(dirname "$1")"
    while [ ! -d "$dir" ]; do dir="$(dirname "$dir")"; done
    [ -w "$dir" ]
}

# Shallow clone of the pinned commit into a hidden sibling, renamed into place only when
# complete: a half-done clone is never taken for a checkout (leftovers are removed).
clone_odoo() {
    local target="$1" parent name tmp
    parent="$(dirname "$target")" name="$(basename "$target")"
    mkdir -p "$parent"
    rm -rf "$parent/.$name.partial."*
    tmp="$(mktemp -d "$parent/.$name.partial.XXXXXX")"
    log "Cloning Odoo 18.0 ($ODOO_COMMIT) into $target: about 1 GB, a few minutes"
    if git -C "$tmp" init -q \
        && git -C "$tmp" fetch --depth 1 "$ODOO_GIT_URL" "$ODOO_COMMIT" \
        && git -C "$tmp" -c advice.detachedHead=false checkout -q FETCH_HEAD \
        && is_odoo18 "$tmp" && mv -T "$tmp" "$target"; then
        return 0
    fi
    rm -rf "$tmp"
    return 1
}

ensure_odoo() {
    check_odoo_dir
    is_odoo18 "$ODOO_SRC" && return 0
    local target="$ODOO_SRC"
    if ! writable_parent "$target"; then
        [ "$ODOO_SRC_AUTO" = 1 ] || die "$(odoo_missing_message "$(dirname "$target") is not writable")"
        target="$ODOO_SRC_LOCAL"
        log "$(dirname "$ODOO_SRC") is not writable: Odoo goes into $target"
    fi
    command -v git >/dev/null || die "$(odoo_missing_message "git is not installed")"
    clone_odoo "$target" || die "$(odoo_missing_message "offline?")"
    ODOO_SRC="$target" ODOO_BIN="$target/odoo-bin"
}

# ---------------------------------------------------------------- Python
# The virtualenv is rebuilt when Odoo's or our requirements change.
venv_stamp() {
    echo "$(cat "$ODOO_SRC/requirements.txt" "$PROJECT_DIR/requirements.txt" \
        "$PROJECT_DIR/requirements-dev.txt" "$PROJECT_DIR/requirements-lint.txt" \
        "$PROJECT_DIR/scripts/build-constraints.txt" | sha1sum | cut -d' ' -f1) $ODOO_SRC"
}

# Odoo is imported from ODOO_SRC through a .pth file, and a minimal dist-info tells pip
# that odoo 18.0 is installed (the OCA wheels require it). Unlike `pip install -e`, this
# writes nothing into ODOO_SRC, which may belong to root (/opt/odoo18).
link_odoo_into_venv() {
    local site
    # Already there (e.g. a virtualenv made with `pip install -e`): leave it as it is.
    "$VENV/bin/python" - "$ODOO_SRC" 2>/dev/null <<'PY' && return 0
import importlib.metadata, importlib.util, os, sys
importlib.metadata.version("odoo")
spec = importlib.util.find_spec("odoo")
sys.exit(not spec.origin or os.path.realpath(os.path.dirname(os.path.dirname(spec.origin)))
         != os.path.realpath(sys.argv[1]))
PY
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$ODOO_SRC" > "$site/ixl-odoo-src.pth"
    mkdir -p "$site/odoo-18.0.dist-info"
    printf 'Metadata-Version: 2.1\nName: odoo\nVersion: 18.0\n' > "$site/odoo-18.0.dist-info/METADATA"
    echo ixl > "$site/odoo-18.0.dist-info/INSTALLER"
    : > "$site/odoo-18.0.dist-info/RECORD"
}

ensure_venv() {
    local stamp="$VENV/.ixl-requirements" want
    want="$(venv_stamp)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    log "Building the virtualenv in $VENV (5-15 minutes the first time: psycopg2 and python-ldap compile)"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" \
        || die "python3 -m venv failed (apt-get install python3-venv)"
    local pip=("$VENV/bin/pip" install -q --disable-pip-version-check)
    PIP_CONSTRAINT="$PROJECT_DIR/scripts/build-constraints.txt" "${pip[@]}" "setuptools<81" wheel
    PIP_CONSTRAINT="$PROJECT_DIR/scripts/build-constraints.txt" "${pip[@]}" \
        -r "$ODOO_SRC/requirements.txt"
    link_odoo_into_venv
    PIP_CONSTRAINT="$PROJECT_DIR/scripts/build-constraints.txt" "${pip[@]}" \
        -r "$PROJECT_DIR/requirements.txt" -r "$PROJECT_DIR/requirements-dev.txt"
    echo "$want" > "$stamp"
}

# ---------------------------------------------------------------- PostgreSQL
wait_postgres() {
    local _
    for _ in $(seq 1 "${1:-30}"); do
        pg_isready -q -h "$PGHOST" -p "$PGPORT" && return 0
        sleep 1
    done
    return 1
}

# Start the local PostgreSQL cluster and make sure the odoo role exists.
ensure_postgres() {
    if [ "$IXL_IN_IMAGE" = 1 ]; then
        wait_postgres 60 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT"
        return 0
    fi
    local_cluster_port
    export PGPORT
    if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
        local cluster
        cluster="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3 == p {print $1" "$2; exit}' || true)"
        [ -n "$cluster" ] || die "No PostgreSQL cluster on port $PGPORT (pg_lsclusters)"
        log "Starting PostgreSQL $cluster"
        # shellcheck disable=SC2086
        as_root pg_ctlcluster $cluster start || true
        wait_postgres 30 || die "PostgreSQL $cluster did not start (pg_lsclusters, its log in /var/log/postgresql)"
    fi
    if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
        log "Creating PostgreSQL role $PGUSER"
        as_postgres env -u PGHOST -u PGUSER -u PGPASSWORD psql -p "$PGPORT" -q -c \
            "CREATE ROLE \"$PGUSER\" LOGIN CREATEDB PASSWORD '$PGPASSWORD'" \
            || die "Cannot create role $PGUSER; create it or set PGUSER/PGPASSWORD"
    fi
    local encoding
    encoding="$(psql -d postgres -tAc "select pg_encoding_to_char(encoding) from pg_database
        where datname = 'template1'")"
    [ "$encoding" = UTF8 ] || die "The PostgreSQL cluster on port $PGPORT is in $encoding, \
Odoo needs UTF8. Recreate it (this deletes its databases):
    sudo pg_dropcluster --stop <version> main && sudo pg_createcluster --locale C.UTF-8 --start <version> main"
}

# ---------------------------------------------------------------- Odoo's configuration
# From source: config/odoo-local.conf plus this machine's connection and addons path.
# In the image: $ODOO_RC with the mounted project's addons instead of /mnt/extra-addons
# (pytest's and Odoo's paths of a test file must agree).
write_runtime_config() {
    mkdir -p "$IXL_DATA"
    if [ "$IXL_IN_IMAGE" = 1 ]; then
        sed "s#/mnt/extra-addons#$PROJECT_DIR/addons#" "$ODOO_RC" > "$RUNTIME_CONF"
        return 0
    fi
    {
        cat "$PROJECT_DIR/config/odoo-local.conf"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $PGUSER"
        echo "db_password = $PGPASSWORD"
        echo "addons_path = $ODOO_SRC/addons,$PROJECT_DIR/addons"
        echo "data_dir = $IXL_DATA/filestore"
    } | grep -v '^data_dir = \.data$' > "$RUNTIME_CONF"
}

# The filestores of the databases (data_dir of Odoo's configuration).
filestore_root() {
    local conf="$RUNTIME_CONF" dir=""
    [ -f "$conf" ] || conf="${ODOO_RC:-}"
    [ -n "$conf" ] && [ -f "$conf" ] && dir="$(sed -nE \
        's/^[[:space:]]*data_dir[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p' \
        "$conf" | tail -1)"
    echo "${dir:-$IXL_DATA/filestore}/filestore"
}

check_odoo_image() {
    "$PY" -c 'import odoo.release as r, sys; sys.exit(r.version_info[:2] != (18, 0))' \
        || die "No Odoo 18.0 importable in this image"
    [ -f "$ODOO_RC" ] || die "No Odoo configuration at ODOO_RC=$ODOO_RC"
}

# Everything make run / make test need, installed when missing.
setup_all() {
    local kind="${1:-run}"
    if [ "$IXL_IN_IMAGE" = 1 ]; then
        check_odoo_image
    else
        check_odoo_dir
        install_debian_packages "$kind"
        ensure_odoo
        ensure_venv
    fi
    ensure_postgres
    write_runtime_config
}

# The configuration and the database server only (scripts run after a set-up).
setup_db_only() {
    if [ "$IXL_IN_IMAGE" = 1 ]; then check_odoo_image; else check_odoo; fi
    ensure_postgres
    [ -f "$RUNTIME_CONF" ] || write_runtime_config
}

odoo_bin() {
    "$PY" "$ODOO_BIN" -c "$RUNTIME_CONF" "$@"
}

odoo_shell() {
    "$PY" "$ODOO_BIN" shell -c "$RUNTIME_CONF" "$@"
}

# Every ixl_* addon under DIR (default: the project's), comma-separated, or $ADDONS.
all_addons() {
    if [ -z "${1:-}" ] && [ -n "${ADDONS:-}" ]; then
        echo "$ADDONS" | tr ' ' ','
        return 0
    fi
    find "${1:-$PROJECT_DIR/addons}" -mindepth 2 -maxdepth 2 -name __manifest__.py \
        -path '*/ixl_*' -printf '%h\n' | xargs -rn1 basename | sort | paste -sd,
}
