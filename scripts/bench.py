"""make bench: seed synthetic IXL data with a fixed seed and time the paths staff feel.

Prints one `name=value` line per figure and writes them to a JSON file. Times are
server-side, measured in this process against PostgreSQL on this machine; compare
ratios measured in the same run, not absolute numbers across machines.

Seeding writes rows with SQL (bulk inserts), not through the ORM: it builds bench
data only, with every stored computed column filled as the ORM would.
"""

import argparse
import json
import random
import statistics
import string
import sys
import time
from datetime import date, datetime, timedelta

SCALES = {
    "small": {"beneficiaries": 3000, "companies": 200, "placements": 1500, "requests": 60},
    "full": {"beneficiaries": 100_000, "companies": 5000, "placements": 50_000,
             "requests": 2000},
}
SKILLS_PER_PERSON = 5
STATES = ["registered", "scheduled", "interviewed", "in_target", "out_of_target",
          "active", "out_of_protocol"]
STATE_WEIGHTS = [8, 4, 4, 25, 6, 45, 8]
READINESS = ["ready", "not_ready", "fragile", "pending"]
READINESS_WEIGHTS = [55, 20, 10, 15]


def progress(msg):
    print(f"# {msg}", file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--requests", type=int, default=20, help="requests timed (fast path)")
    parser.add_argument("--naive-requests", type=int, default=None,
                        help="requests timed on the naive path (default: 20 small, 5 full)")
    parser.add_argument("--json", default=None)
    parser.add_argument("--rollback", action="store_true",
                        help="seed inside a transaction that is rolled back (used by make test)")
    return parser.parse_args(argv)


def execute_values(cr, query, rows, page_size=5000):
    from psycopg2.extras import execute_values as _ev

    return _ev(cr._obj, query, rows, page_size=page_size, fetch=True)


def fiscal_code(rng, birth):
    from stdnum.it import codicefiscale

    months = "ABCDEHLMPRST"
    letters = "".join(rng.choice(string.ascii_uppercase) for _i in range(6))
    town = f"{rng.choice('ABCDEFGHIL')}{rng.randint(100, 999)}"
    body = f"{letters}{birth.year % 100:02d}{months[birth.month - 1]}{birth.day:02d}{town}"
    return body + codicefiscale.calc_check_digit(body)


def seed(env, sizes, rng):
    cr = env.cr
    municipalities = env["ixl.municipality"].search([])
    mun_district = {m.id: m.district_id.id for m in municipalities}
    mun_ids = list(mun_district)
    skill_type = env.ref("ixl_beneficiary.skill_type_professional")
    skills = skill_type.skill_ids.ids
    levels = [(lvl.id, lvl.level_progress) for lvl in skill_type.skill_level_ids]
    today = date.today()
    t0 = time.perf_counter()

    progress(f"seeding {sizes['companies']} companies")
    rows = [(f"Bench company {i}", f"Bench company {i}", True, "contact", True,
             rng.choice(["contacted", "member"]), rng.choice(mun_ids))
            for i in range(sizes["companies"])]
    companies = [r[0] for r in execute_values(cr, """
        INSERT INTO res_partner (name, complete_name, is_company, type, active,
                                 ixl_board_state, ixl_municipality_id)
        VALUES %s RETURNING id""", rows)]

    n = sizes["beneficiaries"]
    progress(f"seeding {n} beneficiaries with {SKILLS_PER_PERSON} skills each")
    people = []
    codes = set()
    for i in range(n):
        birth = date(1960, 1, 1) + timedelta(days=rng.randint(0, 15000))
        code = fiscal_code(rng, birth)
        while code in codes:
            code = fiscal_code(rng, birth)
        codes.add(code)
        people.append((f"Nome{i}", f"Cognome{i}", code, birth,
                       rng.choices(STATES, STATE_WEIGHTS)[0],
                       rng.choices(READINESS, READINESS_WEIGHTS)[0],
                       rng.choice(mun_ids),
                       datetime(2016, 1, 1) + timedelta(minutes=rng.randint(0, 5_400_000))))
    partner_ids = [r[0] for r in execute_values(cr, """
        INSERT INTO res_partner (name, complete_name, type, active, is_company, birthdate_date,
                                 email)
        VALUES %s RETURNING id""",
        [(f"{p[0]} {p[1]}", f"{p[0]} {p[1]}", "contact", True, False, p[3],
          f"bench{i}@example.com") for i, p in enumerate(people)])]
    beneficiary_ids = [r[0] for r in execute_values(cr, """
        INSERT INTO ixl_beneficiary (partner_id, reference, active, first_name, last_name,
            fiscal_code, state, is_admitted, readiness, municipality_id, district_id,
            registration_date, registration_channel, interview_deadline)
        VALUES %s RETURNING id""",
        [(pid, f"BENCH/{i:06d}", True, p[0], p[1], p[2], p[4], p[4] in ("in_target", "active"),
          p[5], p[6], mun_district[p[6]], p[7], "import", (p[7] + timedelta(days=15)).date())
         for i, (pid, p) in enumerate(zip(partner_ids, people, strict=True))])]
    # Matching only ranks people who consented to share their CV (issue 9).
    cr.execute("UPDATE ixl_beneficiary SET cv_sharing_consent = TRUE WHERE id = ANY(%s)",
               [beneficiary_ids])
    skill_rows = []
    for bid in beneficiary_ids:
        for skill in rng.sample(skills, SKILLS_PER_PERSON):
            level, progress_ = rng.choice(levels)
            skill_rows.append((bid, skill_type.id, skill, level, progress_, "assessed"))
    execute_values(cr, """
        INSERT INTO ixl_beneficiary_skill (beneficiary_id, skill_type_id, skill_id,
            skill_level_id, level_progress, origin) VALUES %s RETURNING id""", skill_rows)

    progress(f"seeding {sizes['placements']} placements")
    admitted = [bid for bid, p in zip(beneficiary_ids, people, strict=True)
                if p[4] in ("in_target", "active")]
    placement_rows = []
    for _i in range(sizes["placements"]):
        start = today - timedelta(days=rng.randint(0, 3650))
        end = start + timedelta(days=rng.choice([90, 180, 365])) if rng.random() < 0.7 else None
        placement_rows.append((rng.choice(admitted), rng.choice(companies), "hire",
                               rng.choice(["fixed_term", "permanent"]), start, end,
                               rng.choice([0, 15, 20, 25, 30, 38, 40]), "new"))
    execute_values(cr, """
        INSERT INTO ixl_placement (beneficiary_id, employer_id, placement_type, contract_type,
            date_start, date_end, weekly_hours, relation) VALUES %s RETURNING id""",
        placement_rows)

    progress(f"seeding {sizes['requests']} open requests")
    request_ids = []
    for i in range(sizes["requests"]):
        mun = rng.choice(mun_ids)
        request = env["ixl.job.request"].create({
            "name": f"Bench role {i}", "partner_id": rng.choice(companies),
            "municipality_id": mun, "positions": rng.randint(1, 4),
            "skill_ids": [(0, 0, {"skill_type_id": skill_type.id, "skill_id": s,
                                  "min_level_id": rng.choice(levels)[0]})
                          for s in rng.sample(skills, rng.randint(1, 4))],
        })
        request_ids.append(request.id)
    env.invalidate_all()
    cr.execute("ANALYZE")
    return time.perf_counter() - t0, request_ids


def time_call(env, func):
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    return (time.perf_counter() - start) * 1000, env.cr.sql_log_count - queries, result


def bench_matching(env, request_ids, n_fast, n_naive):
    Match = env["ixl.match"]
    requests = env["ixl.job.request"].browse(request_ids)
    fast, naive, queries, same = [], [], [], True
    for request in requests[:n_fast]:
        ms, count, _rows = time_call(env, lambda r=request: Match._rank_sql(r))
        fast.append(ms)
        queries.append(count)
    for request in requests[:n_naive]:
        fast_rows = Match._rank_sql(request)
        ms, _count, naive_rows = time_call(env, lambda r=request: Match._rank_naive(r))
        naive.append(ms)
        same = same and fast_rows == naive_rows
    action_ms, action_queries, _res = time_call(env, lambda: requests[0].action_match())
    fast_median, naive_median = statistics.median(fast), statistics.median(naive)
    return {
        "matching_fast_ms": round(fast_median, 1),
        "matching_fast_queries": max(queries),
        "matching_naive_ms": round(naive_median, 1),
        "matching_ratio": round(naive_median / fast_median, 1),
        "matching_same_top50": int(same),
        "matching_action_ms": round(action_ms, 1),
        "matching_action_queries": action_queries,
        "matching_requests_fast": len(fast),
        "matching_requests_naive": len(naive),
    }


def bench_mailing(env, limit=10_000):
    """Queue a mailing to a segment of (up to) 10,000 beneficiaries (ixl_outreach)."""
    if "communication_consent" not in env["ixl.beneficiary"]._fields:
        return {}
    import threading

    env.cr.execute("UPDATE ixl_beneficiary SET communication_consent = TRUE "
                   "WHERE communication_consent IS NULL")
    env.invalidate_all()
    people = env["ixl.beneficiary"].search([], limit=limit, order="id")
    mailing = env["mailing.mailing"].create({
        "subject": "Bench", "body_html": "<p>Bench</p>",
        "mailing_model_id": env["ir.model"]._get_id("ixl.beneficiary"),
        "mailing_domain": repr([("id", "in", people.ids)]),
    })
    thread = threading.current_thread()
    testing = getattr(thread, "testing", False)
    thread.testing = True  # no intermediate commits: the run may be rolled back
    try:
        # The "Send" click puts the mailing in the queue; the queue job then
        # renders one email per recipient (mail.mail), sent by the mail queue.
        launch_ms, _q, _res = time_call(env, mailing.action_launch)
        ms, queries, _res = time_call(env, mailing.action_send_mail)
    finally:
        thread.testing = testing
    queued = env["mail.mail"].search_count([("mailing_id", "=", mailing.id)])
    return {
        "mailing_segment": len(people),
        "mailing_launch_ms": round(launch_ms, 1),
        "mailing_emails_created": queued,
        "mailing_render_seconds": round(ms / 1000, 2),
        "mailing_render_queries": queries,
    }


def main(argv=None):
    args = parse_args(argv)
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    sizes = SCALES[args.scale]
    n_naive = args.naive_requests or (5 if args.scale == "full" else args.requests)
    registry = odoo.modules.registry.Registry(args.db)
    results = {"scale": args.scale, "seed": args.seed, **{f"size_{k}": v for k, v in sizes.items()}}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True,
                                                           "mail_create_nolog": True})
        rng = random.Random(args.seed)
        seconds, request_ids = seed(env, sizes, rng)
        results["seed_seconds"] = round(seconds, 1)
        progress("timing matching")
        results.update(bench_matching(env, request_ids, args.requests, n_naive))
        progress("timing the mailing queue")
        results.update(bench_mailing(env))
        if args.rollback:
            cr.rollback()
        else:
            cr.commit()
    for key, value in results.items():
        print(f"{key}={value}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2)
    if not results["matching_same_top50"]:
        print("ERROR: the fast and the naive matching disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
