"""The suite's matching (ixl.match): the SQL ranking, the naive ORM loop, the action."""

import importlib.util
import statistics
from pathlib import Path

from odoo.modules.module import get_module_path

from . import time_call


def naive_ranking():
    """``rank_naive`` of odoo.addons.ixl_board.tests.naive_matching, the reference ranking
    the tests compare with. The file is loaded alone: importing the tests package would
    import Odoo's test framework, which logs an error outside test mode."""
    path = Path(get_module_path("ixl_board"), "tests", "naive_matching.py")
    spec = importlib.util.spec_from_file_location(
        "odoo.addons.ixl_board.tests.naive_matching", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rank_naive


def bench_matching(env, request_ids, n_fast, n_naive):
    """Top 50 for each request: median time of the fast and the naive path, same top 50."""
    Match = env["ixl.match"]
    rank_naive = naive_ranking()
    requests = env["ixl.job.request"].browse(request_ids)
    fast, naive, queries, differ = [], [], [], []
    for request in requests[:n_fast]:
        ms, count, _rows = time_call(env, lambda r=request: Match._rank_sql(r))
        fast.append(ms)
        queries.append(count)
    for request in requests[:n_naive]:
        fast_rows = Match._rank_sql(request)
        ms, _count, naive_rows = time_call(env, lambda r=request: rank_naive(r))
        naive.append(ms)
        if fast_rows != naive_rows:
            differ.append(request.id)
    action_ms, action_queries, _res = time_call(env, lambda: requests[0].action_match())
    fast_median, naive_median = statistics.median(fast), statistics.median(naive)
    return {
        "matching_fast_ms": round(fast_median, 1),
        "matching_fast_queries": max(queries),
        "matching_naive_ms": round(naive_median, 1),
        "matching_ratio_naive": round(naive_median / fast_median, 1),
        "matching_same_top50": int(not differ),
        "matching_differing_requests": ",".join(map(str, differ)) or "none",
        "matching_action_ms": round(action_ms, 1),
        "matching_action_queries": action_queries,
        "matching_requests_fast": len(fast),
        "matching_requests_naive": len(naive),
    }
