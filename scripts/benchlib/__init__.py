"""Parts of `make bench` (scripts/bench.py): seeding, timings, Odoo's own matching."""

import sys
import time

from psycopg2.extras import execute_values as _execute_values


def progress(msg):
    """Progress on stderr (the figures go to stdout)."""
    print(f"# {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def execute_values(cr, query, rows, page_size=5000, fetch=True):
    """Bulk INSERT ... VALUES %s (RETURNING id) on an Odoo cursor."""
    return _execute_values(cr._obj, query, rows, page_size=page_size, fetch=fetch)


def time_call(env, func):
    """(milliseconds, queries, result) of one call, caches cleared first as for a new RPC."""
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    return (time.perf_counter() - start) * 1000, env.cr.sql_log_count - queries, result
