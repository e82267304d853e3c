#!/usr/bin/env bash
# make faults / load / fuzz: scripts/<name>.py with this checkout's Odoo configuration.
# Each script makes its own database (res_<name>), starts and always stops its own
# Odoo server, and prints its figures as name=value lines at the end.
#   scripts/resilience.sh faults [--count 1000] [--template DB] [--port 8174] ...
IXL_COMMAND="${IXL_COMMAND:-make ${1:-faults}}"
source "$(dirname "$0")/env.sh"
setup_all

name="${1:?usage: resilience.sh faults|load|fuzz [options]}"
shift
case "$name" in
    faults|load|fuzz) ;;
    *) die "Unknown check $name (faults, load or fuzz)" ;;
esac
exec "$PY" "$PROJECT_DIR/scripts/$name.py" --config "$RUNTIME_CONF" "$@"
