#!/usr/bin/env bash
# Offline checks of the Docker deployment files (Docker itself is not needed):
#   1. docker-compose.yml is valid (docker-compose config; make test installs
#      docker-compose; inside the Docker test image, which has none, this is skipped:
#      docker compose itself has just read the file);
#   2. every key of config/odoo.conf is an option Odoo 18 knows;
#   3. the files and folders that the Dockerfile and docker-compose.yml use exist.
# Usage, from the project root: bash scripts/check-docker.sh
# Odoo is found at ODOO_SRC (default /opt/odoo18, then .odoo) or, as in the official
# image (/usr/lib/python3/dist-packages/odoo), as the importable odoo package.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$PROJECT_DIR/.venv}"
cd "$PROJECT_DIR"
failed=0
ok()   { printf '[check-docker] ok: %s\n' "$*"; }
fail() { printf '[check-docker] FAIL: %s\n' "$*" >&2; failed=1; }

# 3. Paths used by the build and the mounts.
for path in addons config/odoo.conf scripts/docker-test.sh docker/Dockerfile \
            docker/entrypoint-ixl.sh requirements.txt requirements-dev.txt \
            requirements-lint.txt; do
    [ -e "$path" ] || fail "$path is missing (used by docker-compose.yml or docker/Dockerfile)"
done
[ "$failed" = 0 ] && ok "mounted and copied paths exist"
ls -d addons/ixl_*/__manifest__.py >/dev/null 2>&1 || fail "no ixl_* addon under addons/"
for script in docker/entrypoint-ixl.sh scripts/docker-test.sh; do
    [ -f "$script" ] && { bash -n "$script" || fail "$script: bash syntax error"; }
done

# 1. Compose file.
if [ "${IXL_IN_IMAGE:-0}" = 1 ]; then
    echo "[check-docker] skip: docker-compose.yml (inside the test image, started by docker compose)"
elif command -v docker-compose >/dev/null 2>&1; then
    if docker-compose -f docker-compose.yml --profile test config -q; then
        ok "docker-compose.yml is valid"
    else
        fail "docker-compose.yml is not valid (docker-compose config)"
    fi
else
    echo "[check-docker] skip: docker-compose is not installed (apt-get install --no-install-recommends docker-compose)"
fi

# 2. config/odoo.conf keys against Odoo 18's own option list.
python=python3
[ "${IXL_IN_IMAGE:-0}" != 1 ] && [ -x "$VENV/bin/python" ] && python="$VENV/bin/python"
odoo_pkg=""
if [ "${IXL_IN_IMAGE:-0}" != 1 ]; then
    for src in ${ODOO_SRC:-} /opt/odoo18 "$PROJECT_DIR/.odoo"; do
        [ -f "$src/odoo/release.py" ] && { odoo_pkg="$src/odoo"; break; }
    done
fi
[ -n "$odoo_pkg" ] || odoo_pkg="$("$python" -c \
    'import os, odoo.release; print(os.path.dirname(odoo.release.__file__))' 2>/dev/null || true)"
if [ -z "$odoo_pkg" ] || [ ! -f "$odoo_pkg/tools/config.py" ]; then
    fail "no Odoo found (ODOO_SRC, /opt/odoo18, .odoo or the odoo package) to check config/odoo.conf against"
elif [ -f config/odoo.conf ]; then
    echo "[check-docker] Odoo: $odoo_pkg"
    if ODOO_PKG="$odoo_pkg" "$python" - config/odoo.conf <<'PY'
import ast, configparser, os, re, sys
pkg = os.environ["ODOO_PKG"]
version = re.search(r"^version_info = \((\d+), (\d+),", open(f"{pkg}/release.py").read(), re.M)
if version is None or version.groups() != ("18", "0"):
    sys.exit(f"{pkg} is not Odoo 18.0")
try:  # Odoo's own option list: the configmanager's defaults
    sys.path.insert(0, os.path.dirname(pkg))
    from odoo.tools import config
    known = set(config.options)
except ImportError:  # no Odoo environment: read the same names from config.py
    tree = ast.parse(open(f"{pkg}/tools/config.py").read())
    known = {kw.value.value for node in ast.walk(tree) if isinstance(node, ast.Call)
             for kw in node.keywords if kw.arg == "dest"}
    known |= {key.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
              and ast.unparse(node.targets[0]) == "self.options" and isinstance(node.value, ast.Dict)
              for key in node.value.keys}
parser = configparser.RawConfigParser()
parser.read(sys.argv[1])
if parser.sections() != ["options"]:
    sys.exit(f"{sys.argv[1]}: expected one [options] section, got {parser.sections()}")
unknown = sorted(set(parser["options"]) - known)
if unknown:
    sys.exit(f"{sys.argv[1]}: not Odoo 18 options: {', '.join(unknown)}")
PY
    then
        ok "config/odoo.conf only uses Odoo 18 options"
    else
        fail "config/odoo.conf: see the message above"
    fi
fi

if [ "$failed" != 0 ]; then
    echo "[check-docker] Docker deployment files: checks FAILED" >&2
    exit 1
fi
echo "[check-docker] Docker deployment files: all checks passed"
