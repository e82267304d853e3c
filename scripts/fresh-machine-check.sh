#!/usr/bin/env bash
# The README's commands on a fresh Debian 12 (or Ubuntu 24.04) machine, reproduced in a
# debootstrap chroot
# (minbase: no make, git, gcc, Python or sudo). Slow (an hour or more on 2 cores): NOT part
# of make test. Needs root on a Debian/Ubuntu host with network access to the Debian
# mirror and PyPI. Results in docs/setup.md.
#
#   sudo bash scripts/fresh-machine-check.sh [--suite bookworm|noble] [--user]
#                                            [--odoo copy|clone] [--mirror DIR] [COMMAND]
#     COMMAND   what to type after installing make (default "make test"; e.g.
#               "make run" - then the check stops once http://127.0.0.1:8069 answers)
#     --suite   bookworm (Debian 12, default) or noble (Ubuntu 24.04, from
#               archive.ubuntu.com; bootstrapped without checking signatures when the
#               host has no Ubuntu keyring; apt inside then uses Ubuntu's own)
#     --user    as a non-root user "ixl" with sudo (NOPASSWD: nobody types a password)
#     --odoo copy   (default) the host's Odoo ($ODOO_SRC, /opt/odoo18) is copied to the
#                   chroot's /opt/odoo18, as if placed there beforehand;
#     --odoo clone  no Odoo: make clones it from GitHub (ODOO_GIT_URL, ODOO_COMMIT)
#     --mirror DIR  no Odoo, and make clones it from DIR, a bare git repository of an
#                   Odoo 18.0 tree (GitHub out of reach), copied to the chroot's
#                   /srv/odoo.git; its HEAD is the commit fetched
#
# Each run starts from a pristine copy of the root ($CHROOT_DIR/minbase.tar, made once
# with debootstrap). The host's resolver, CA certificates and pip settings are copied in
# as a user's network would provide them; /proc, /sys, /dev are mounted. The project is a
# git clone of this checkout's HEAD (commit first). The log goes to
# $CHROOT_DIR/<time>.log; the root stays in $CHROOT_DIR/root for inspection.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROOT_DIR="${CHROOT_DIR:-/work/chroot}"
ROOT="$CHROOT_DIR/root"
SUITE=bookworm
AS_USER=0
ODOO_MODE=copy
while [ $# -gt 0 ]; do
    case "$1" in
        --user) AS_USER=1 ;;
        --suite) SUITE="$2"; shift ;;
        --odoo) ODOO_MODE="$2"; shift ;;
        --mirror) ODOO_MODE=clone MIRROR_REPO="$2"; shift ;;
        *) break ;;
    esac
    shift
done
COMMAND="${1:-make test}"
HOST_ODOO="${ODOO_SRC:-/opt/odoo18}"
LOG="$CHROOT_DIR/$(date -u +%Y%m%dT%H%M%SZ)-$SUITE.log"
case "$SUITE" in
    bookworm)
        MIRROR="${MIRROR:-http://deb.debian.org/debian}"
        SOURCES="deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main"
        BOOTSTRAP=(--variant=minbase bookworm) ;;
    noble)
        MIRROR="${MIRROR:-http://archive.ubuntu.com/ubuntu}"
        SOURCES="deb $MIRROR noble main universe
deb $MIRROR noble-updates main universe
deb http://security.ubuntu.com/ubuntu noble-security main universe"
        BOOTSTRAP=(--variant=minbase --components=main,universe)
        [ -f /usr/share/keyrings/ubuntu-archive-keyring.gpg ] || BOOTSTRAP+=(--no-check-gpg)
        BOOTSTRAP+=(noble) ;;
    *) echo "--suite bookworm or noble" >&2; exit 1 ;;
esac
TARBALL="$CHROOT_DIR/minbase-$SUITE.tar"
# The Debian root of the first version of this script.
[ "$SUITE" = bookworm ] && [ -f "$CHROOT_DIR/minbase.tar" ] && [ ! -f "$TARBALL" ] \
    && mv "$CHROOT_DIR/minbase.tar" "$TARBALL"

log() { printf '[fresh-machine] %s\n' "$*" | tee -a "$LOG" >&2; }
die() { log "FAILED: $*"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "Run as root (debootstrap, chroot, mounts)" >&2; exit 1; }
mkdir -p "$CHROOT_DIR"

# ---------------------------------------------------------------- pristine root
if [ ! -f "$TARBALL" ]; then
    command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap
    log "debootstrap ${BOOTSTRAP[*]} (once)"
    rm -rf "$CHROOT_DIR/minbase-$SUITE"
    script=()
    [ -f "/usr/share/debootstrap/scripts/$SUITE" ] || script=(/usr/share/debootstrap/scripts/gutsy)
    debootstrap "${BOOTSTRAP[@]}" "$CHROOT_DIR/minbase-$SUITE" "$MIRROR" "${script[@]}" >> "$LOG" 2>&1
    tar -C "$CHROOT_DIR/minbase-$SUITE" -cf "$TARBALL" .
    rm -rf "$CHROOT_DIR/minbase-$SUITE"
fi

# The chroot's PostgreSQL (started by make) is stopped with its root.
stop_postgres() {
    [ -x "$ROOT/usr/bin/pg_lsclusters" ] || return 0
    chroot "$ROOT" pg_lsclusters -h 2>/dev/null | while read -r version name _; do
        chroot "$ROOT" pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
    done
}
unmount_all() {
    local mount
    stop_postgres
    for mount in dev/shm dev/pts dev sys proc; do
        mountpoint -q "$ROOT/$mount" && umount -l "$ROOT/$mount"
    done
    return 0
}
trap unmount_all EXIT
unmount_all
rm -rf "$ROOT"
mkdir -p "$ROOT"
tar -C "$ROOT" -xf "$TARBALL"

# ---------------------------------------------------------------- what the network gives
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp /etc/hosts "$ROOT/etc/hosts"
# The usual sources of an installed system (updates, security; universe on Ubuntu).
echo "$SOURCES" > "$ROOT/etc/apt/sources.list"
# The host's CA bundle, kept when the ca-certificates package is installed later.
mkdir -p "$ROOT/usr/local/share/ca-certificates" "$ROOT/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/usr/local/share/ca-certificates/host-network.crt"
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$ROOT/etc/pip.conf"
[ -d /etc/xdg/pip ] && mkdir -p "$ROOT/etc/xdg" && cp -r /etc/xdg/pip "$ROOT/etc/xdg/"

mount -t proc proc "$ROOT/proc"
mount --bind /sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mount -t tmpfs -o size=1g shm "$ROOT/dev/shm"

in_root() {
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        TERM=dumb "$@"
}

# ---------------------------------------------------------------- the user and the project
HOME_DIR=/root
RUN_AS=()
SUDO=""
if [ "$AS_USER" = 1 ]; then
    log "A user ixl with sudo (the machine's admin installed sudo)"
    in_root apt-get update -qq >> "$LOG" 2>&1
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends sudo \
        >> "$LOG" 2>&1
    in_root useradd -m -s /bin/bash -G sudo ixl
    echo "ixl ALL=(ALL) NOPASSWD: ALL" > "$ROOT/etc/sudoers.d/ixl"
    HOME_DIR=/home/ixl
    RUN_AS=(runuser -u ixl --)
    SUDO="sudo "
fi
git -C "$PROJECT_DIR" diff --quiet HEAD || log "Uncommitted changes are NOT in the check (a clone of HEAD)"
git clone -q "$PROJECT_DIR" "$ROOT$HOME_DIR/project"
[ "$AS_USER" = 1 ] && chroot "$ROOT" chown -R ixl:ixl "$HOME_DIR/project"
log "Project: $(git -c safe.directory="*" -C "$ROOT$HOME_DIR/project" log -1 --format='%h %s')"

case "$ODOO_MODE" in
    copy)
        [ -f "$HOST_ODOO/odoo/release.py" ] || die "No Odoo at $HOST_ODOO to copy"
        log "Copying $HOST_ODOO to the chroot's /opt/odoo18 (owned by root)"
        cp -a "$HOST_ODOO" "$ROOT/opt/odoo18"
        rm -rf "$ROOT/opt/odoo18/odoo.egg-info" ;;
    clone)
        if [ -n "${MIRROR_REPO:-}" ]; then
            cp -a "$MIRROR_REPO" "$ROOT/srv/odoo.git"
            [ "$AS_USER" = 1 ] && chroot "$ROOT" chown -R ixl:ixl /srv/odoo.git
            ODOO_GIT_URL=file:///srv/odoo.git
            ODOO_COMMIT="${ODOO_COMMIT:-$(git -C "$MIRROR_REPO" rev-parse HEAD)}"
        fi
        log "No Odoo: make clones it${ODOO_GIT_URL:+ from $ODOO_GIT_URL}${ODOO_COMMIT:+ at $ODOO_COMMIT}" ;;
    *) die "--odoo copy or --odoo clone" ;;
esac

# ---------------------------------------------------------------- the README's commands
SCRIPT="cd ~/project
${SUDO}apt-get update
${SUDO}apt-get install -y --no-install-recommends make
$COMMAND"
log "As $([ "$AS_USER" = 1 ] && echo ixl || echo root), in $HOME_DIR/project:"
printf '    %s\n' "$SCRIPT" | tee -a "$LOG" >&2
extra_env=()
[ -n "${ODOO_GIT_URL:-}" ] && extra_env+=("ODOO_GIT_URL=$ODOO_GIT_URL")
[ -n "${ODOO_COMMIT:-}" ] && extra_env+=("ODOO_COMMIT=$ODOO_COMMIT")
started=$SECONDS
status=0
answers() { curl -sf -o /dev/null --max-time 5 http://127.0.0.1:8069/web/login; }
if [ "$COMMAND" = "make run" ]; then
    # make run serves until stopped: wait for the login page, then stop its process
    # group (started here with setsid).
    answers && die "Something already answers on 127.0.0.1:8069"
    setsid chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        TERM=dumb "${RUN_AS[@]}" env HOME="$HOME_DIR" "${extra_env[@]}" bash -c "$SCRIPT" \
        >> "$LOG" 2>&1 &
    pid=$!
    until answers; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 10
    done
    if answers; then
        log "http://127.0.0.1:8069/web/login answers after $((SECONDS - started)) s"
        kill -TERM -- "-$pid"
        wait "$pid" || true
    else
        wait "$pid" || status=$?
        [ "$status" != 0 ] || status=1
    fi
else
    in_root "${RUN_AS[@]}" env HOME="$HOME_DIR" "${extra_env[@]}" bash -c "$SCRIPT" \
        >> "$LOG" 2>&1 || status=$?
fi
log "'$COMMAND' exited with $status after $((SECONDS - started)) s (log: $LOG)"
in_root pg_lsclusters >> "$LOG" 2>&1 || true
exit "$status"
