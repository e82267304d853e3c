"""Response times of the public registration form: a new person against a repeated
registration (a codice fiscale already registered).

Issue 14: the answer must not tell whether a codice fiscale is registered, neither by
its page nor by its time. Not a test (times are not asserted): starts Odoo on a copy of
``--template`` (or a fresh install), registers one person, then posts ``--rounds``
pairs - a new person and that person's codice fiscale again, in alternating order - and
prints the medians and 90th percentiles in ms as name=value lines (docs/rules/people.md).

    source scripts/env.sh && $VENV/bin/python scripts/registration_timing.py \
        --config "$RUNTIME_CONF" --template ixl_people
"""

import argparse
import statistics
import sys
import time

import requests
import reslib
from faults import DONE_MARKER, dsn_of, make_submission, municipality_id

URL = "/ixl/registrazione"
WARM_UP = 5


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default="res_timing")
    parser.add_argument("--template", help="copy this database instead of installing")
    parser.add_argument("--port", type=int, default=8178)
    parser.add_argument("--rounds", type=int, default=60)
    return parser.parse_args(argv)


def post(session, base_url, sub):
    """Seconds taken by the POST of ``sub`` (the GET of the CSRF token not counted)."""
    token = reslib.csrf_token(session, base_url + URL)
    started = time.perf_counter()
    response = session.post(base_url + URL, timeout=60, files=sub["files"],
                            data=dict(sub["form"], csrf_token=token))
    elapsed = time.perf_counter() - started
    if response.status_code != 200 or DONE_MARKER not in response.text:
        raise SystemExit(f"Registration {sub['index']} refused ({response.status_code})")
    return elapsed


def run(args, server):
    session = requests.Session()
    session.headers["Accept-Language"] = "it-IT,it;q=0.9"
    municipality = municipality_id(dsn_of(args.config, args.db))
    registered = make_submission(0, municipality)
    post(session, server.url, registered)
    times = {"new": [], "repeated": []}
    for index in range(1, args.rounds + WARM_UP + 1):
        new = make_submission(index, municipality)
        again = dict(make_submission(index, municipality), form=registered["form"])
        pairs = [("new", new), ("repeated", again)]
        for kind, sub in pairs if index % 2 else reversed(pairs):
            elapsed = post(session, server.url, sub)
            if index > WARM_UP:
                times[kind].append(elapsed * 1000)
    figures = {}
    for kind, values in times.items():
        figures[f"{kind}_median_ms"] = round(statistics.median(values), 1)
        figures[f"{kind}_p90_ms"] = round(reslib.percentile(values, 90), 1)
    figures["median_difference_ms"] = round(
        figures["new_median_ms"] - figures["repeated_median_ms"], 1)
    figures["rounds"] = args.rounds
    return figures


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    reslib.exit_on_sigterm()
    reslib.prepare_db(args.config, args.db, "ixl_website_registration", args.template)
    server = reslib.OdooServer(args.config, args.db, args.port)
    server.start()
    try:
        reslib.print_figures(run(args, server))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
