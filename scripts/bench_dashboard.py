#!/usr/bin/env python3
"""Benchmark of the programme in numbers on a database seeded by scripts/bench.py.

Prints name=value lines:
- dashboard_ms / dashboard_queries: get_dashboard for the period (default: the current
  year), warm caches, as the IXL administrator (every section);
- dashboard_cold_ms: the first call (caches empty);
- dashboard_queries_10y: the same over ten years (much more data): it must equal
  dashboard_queries, the query count does not grow with the data;
- xlsx_s / xlsx_peak_rss_mb / xlsx_rss_before_mb: the XLSX of the whole dashboard, in a
  child process (peak resident memory of that process, and before rendering);
- list_<model>_rows / _s / _peak_rss_mb: the streaming XLSX exports of all the
  beneficiaries and all the placements, each in a child process.
Nothing is written to the database (every transaction is rolled back).
"""
import argparse
import resource
import subprocess
import sys
import time
from datetime import date

LISTS = {
    "beneficiaries": ("ixl.beneficiary", "ixl_beneficiary.action_report_beneficiary_list_xlsx"),
    "placements": ("ixl.placement", "ixl_beneficiary.action_report_placement_list_xlsx"),
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    year = date.today().year
    parser.add_argument("--date-from", default=f"{year}-01-01")
    parser.add_argument("--date-to", default=f"{year}-12-31")
    parser.add_argument("--child", choices=["dashboard", *LISTS], help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def rss_mb():
    """Peak resident set size of this process so far, in MB (Linux: ru_maxrss in KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def open_env(args):
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    cr = registry.cursor()
    admin = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}).ref("base.user_admin")
    env = odoo.api.Environment(cr, admin.id, {"lang": "it_IT", "tz": "Europe/Rome"})
    return env, cr


def timed_dashboard(env, date_from, date_to):
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    env["ixl.dashboard"].get_dashboard(date_from, date_to)
    return (time.perf_counter() - start) * 1000, env.cr.sql_log_count - queries


def bench_dashboard(args):
    env, cr = open_env(args)
    try:
        cold_ms, _q = timed_dashboard(env, args.date_from, args.date_to)
        runs = [timed_dashboard(env, args.date_from, args.date_to) for _i in range(5)]
        ten_from = f"{int(args.date_to[:4]) - 9}-01-01"
        _ms, queries_10y = timed_dashboard(env, ten_from, args.date_to)
        people = env["ixl.beneficiary"].search_count([])
        placements = env["ixl.placement"].search_count([])
    finally:
        cr.rollback()
        cr.close()
    return {
        "dashboard_beneficiaries": people,
        "dashboard_placements": placements,
        "dashboard_cold_ms": round(cold_ms, 1),
        "dashboard_ms": round(sorted(ms for ms, _q in runs)[len(runs) // 2], 1),
        "dashboard_queries": max(q for _ms, q in runs),
        "dashboard_queries_10y": queries_10y,
    }


def child(args):
    """Render one XLSX in this process and print its time and memory."""
    env, cr = open_env(args)
    try:
        before = rss_mb()
        start = time.perf_counter()
        if args.child == "dashboard":
            wizard = env["ixl.dashboard.export"].create(
                {"date_from": args.date_from, "date_to": args.date_to})
            content, _kind = env["ir.actions.report"]._render_xlsx(
                "ixl_beneficiary.action_report_dashboard_xlsx", wizard.ids, {})
            prefix, rows = "xlsx", None
        else:
            model, report = LISTS[args.child]
            ids = env[model].search([]).ids
            content, _kind = env["ir.actions.report"]._render_xlsx(report, ids, {})
            prefix, rows = f"list_{args.child}", len(ids)
        seconds = time.perf_counter() - start
    finally:
        cr.rollback()
        cr.close()
    print(f"{prefix}_s={seconds:.2f}")
    print(f"{prefix}_peak_rss_mb={rss_mb()}")
    print(f"{prefix}_rss_before_mb={before}")
    print(f"{prefix}_size_kb={len(content) // 1024}")
    if rows is not None:
        print(f"{prefix}_rows={rows}")


def run_child(args, what):
    command = [sys.executable, __file__, "--config", args.config, "--db", args.db,
               "--date-from", args.date_from, "--date-to", args.date_to, "--child", what]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(f"{what}: child failed")
    return done.stdout


def main(argv=None):
    args = parse_args(argv)
    if args.child:
        child(args)
        return 0
    print(f"# programme in numbers, {args.date_from} - {args.date_to}", file=sys.stderr)
    results = bench_dashboard(args)
    for key, value in results.items():
        print(f"{key}={value}")
    for what in ("dashboard", *LISTS):
        print(run_child(args, what), end="")
    if results["dashboard_queries"] != results["dashboard_queries_10y"]:
        print("ERROR: the query count of the dashboard grows with the data", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
