#!/bin/bash
# Entry point of the Docker "tests" service: `docker compose run --rm tests [pytest args]`
# runs exactly make test's steps (scripts/test.sh) inside the test image, with the
# image's Odoo (/usr/lib/python3/dist-packages/odoo), its system-wide Python packages,
# the "db" service and /etc/odoo/odoo.conf; the project is mounted at /project and read
# only in effect (logs and the runtime configuration go to /tmp/ixl).
#   docker compose run --rm tests --dry-run   lists the steps without running them
set -euo pipefail
export IXL_IN_IMAGE=1 IXL_COMMAND="docker compose run --rm tests"
exec bash "$(dirname "$0")/test.sh" "$@"
