#!/usr/bin/env bash
# Offline checks of the Docker deployment files (Docker itself is not needed):
#   1. docker-compose.yml is valid (docker-compose config; skipped if not installed);
#   2. every key of config/odoo.conf is an option Odoo 18 knows;
#   3. the files and folders that the Dockerfile and docker-compose.yml use exist.
# Usage, from the project root: bash scripts/check-docker.sh
# ODOO_SRC (default /opt/odoo18) and VENV (default .venv) as for make.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo18}"
VENV="${VENV:-$PROJECT_DIR/.venv}"
cd "$PROJECT_DIR"
failed=0
ok()   { printf '[check-docker] ok: %s\n' "$*"; }
fail() { printf '[check-docker] FAIL: %s\n' "$*" >&2; failed=1; }

# 3. Paths used by the build and the mounts.
for path in addons config/odoo.conf scripts/docker-test.sh docker/Dockerfile \
            docker/entrypoint-ixl.sh requirements.txt requirements-dev.txt; do
    [ -e "$path" ] || fail "$path is missing (used by docker-compose.yml or docker/Dockerfile)"
done
[ "$failed" = 0 ] && ok "mounted and copied paths exist"
ls -d addons/ixl_*/__manifest__.py >/dev/null 2>&1 || fail "no ixl_* addon under addons/"
for script in docker/entrypoint-ixl.sh scripts/docker-test.sh; do
    [ -f "$script" ] && { bash -n "$script" || fail "$script: bash syntax error"; }
done

# 1. Compose file.
if command -v docker-compose >/dev/null 2>&1; then
    if docker-compose -f docker-compose.yml --profile test config -q; then
        ok "docker-compose.yml is valid"
    else
        fail "docker-compose.yml is not valid (docker-compose config)"
    fi
else
    echo "[check-docker] skip: docker-compose is not installed (apt-get install docker-compose)"
fi

# 2. config/odoo.conf keys against Odoo 18's own option list.
python=python3
[ -x "$VENV/bin/python" ] && python="$VENV/bin/python"
if [ ! -f "$ODOO_SRC/odoo/tools/config.py" ]; then
    fail "no Odoo source at ODOO_SRC=$ODOO_SRC to check config/odoo.conf against"
elif [ -f config/odoo.conf ]; then
    if ODOO_SRC="$ODOO_SRC" "$python" - config/odoo.conf <<'PY'
import ast, configparser, os, re, sys
src = os.environ["ODOO_SRC"]
version = re.search(r"^version_info = \((\d+), (\d+),", open(f"{src}/odoo/release.py").read(), re.M)
if version is None or version.groups() != ("18", "0"):
    sys.exit(f"ODOO_SRC={src} is not Odoo 18.0")
try:  # Odoo's own option list: the configmanager's defaults
    sys.path.insert(0, src)
    from odoo.tools import config
    known = set(config.options)
except ImportError:  # no Odoo environment: read the same names from config.py
    tree = ast.parse(open(f"{src}/odoo/tools/config.py").read())
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
