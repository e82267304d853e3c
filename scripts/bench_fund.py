"""Race of loan approvals on the guarantee fund (ixl_microcredit).

Creates a throwaway fund whose ceiling fits fewer loans than are requested, then
approves N loans (default 200) from parallel worker threads, each with its own database
cursor and transaction, retrying on lock / serialization failures as Odoo's RPC layer
does. Prints name=value lines: fund_approvals, fund_refused, fund_approved (amount
committed), fund_ceiling, overcommit (1 if committed ever exceeds the ceiling, must be
0), fund_retries and fund_seconds. The throwaway data is deleted at the end.
"""

import argparse
import random
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

SCALES = {"small": {"loans": 200, "workers": 8}, "full": {"loans": 200, "workers": 16}}
LOAN_AMOUNT = 1000.0
MAX_TRIES = 200


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", required=True)
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--loans", type=int, default=None)
    parser.add_argument("--workers", type=int, default=None)
    return parser.parse_args(argv)


def setup(registry, count):
    """A fund for 60% of the loans (100% coverage, 1,000 EUR each)."""
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        bank = env["res.partner"].create({"name": "Bench bank", "is_company": True})
        fund = env["ixl.guarantee.fund"].create({"name": "Bench fund (throwaway)",
                                                 "bank_id": bank.id, "warning_threshold": 100})
        fund.change_ceiling("2025-01-01", LOAN_AMOUNT * int(count * 0.6), "Bench")
        product = env["ixl.loan.product"].create({"name": "Bench", "coverage_rate": 100})
        loans = env["ixl.loan"].create([{
            "fund_id": fund.id, "product_id": product.id, "borrower_type": "organisation",
            "partner_id": bank.id, "amount_requested": LOAN_AMOUNT,
            "amount_approved": LOAN_AMOUNT} for _i in range(count)])
        return {"bank": bank.id, "fund": fund.id, "product": product.id, "loans": loans.ids}


def approve(registry, loan_id, stats, lock):
    """One finance user's request: approve, retry on concurrency errors."""
    from psycopg2 import errors

    import odoo
    from odoo.exceptions import UserError

    rng = random.Random(loan_id)
    for _try in range(MAX_TRIES):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
            try:
                env["ixl.loan"].browse(loan_id).action_approve()
                cr.commit()
                result = "approved"
            except (errors.LockNotAvailable, errors.SerializationFailure):
                cr.rollback()
                with lock:
                    stats["retries"] += 1
                time.sleep(rng.uniform(0.001, 0.02))
                continue
            except UserError:
                cr.rollback()
                result = "refused"
            with lock:
                stats[result] += 1
            return
    with lock:
        stats["gave_up"] += 1


def check_and_cleanup(registry, ids):
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        fund = env["ixl.guarantee.fund"].browse(ids["fund"])
        figures = {"ceiling": fund.ceiling, "committed": fund.committed,
                   "approved_loans": env["ixl.loan"].search_count(
                       [("fund_id", "=", fund.id), ("state", "=", "approved")])}
        for table, column in (("mail_activity", "res_id"), ("ixl_fund_ceiling", "fund_id"),
                              ("ixl_fund_move", "fund_id"), ("ixl_loan", "fund_id"),
                              ("ixl_guarantee_fund", "id")):
            extra = " AND res_model = 'ixl.guarantee.fund'" if table == "mail_activity" else ""
            cr.execute(f"DELETE FROM {table} WHERE {column} = %s{extra}",
                       [ids["fund"]])
        cr.execute("DELETE FROM ixl_loan_product WHERE id = %s", [ids["product"]])
        cr.execute("DELETE FROM res_partner WHERE id = %s", [ids["bank"]])
        cr.commit()
    return figures


def main(argv=None):
    args = parse_args(argv)
    import logging

    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    logging.getLogger("odoo.sql_db").setLevel(logging.CRITICAL)
    count = args.loans or SCALES[args.scale]["loans"]
    workers = args.workers or SCALES[args.scale]["workers"]
    config["db_maxconn"] = max(config["db_maxconn"], workers + 4)
    registry = odoo.modules.registry.Registry(args.db)
    ids = setup(registry, count)
    stats = {"approved": 0, "refused": 0, "retries": 0, "gave_up": 0}
    lock = threading.Lock()
    t0 = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for loan_id in ids["loans"]:
                pool.submit(approve, registry, loan_id, stats, lock)
        seconds = time.perf_counter() - t0
    finally:
        figures = check_and_cleanup(registry, ids)
    overcommit = int(figures["committed"] > figures["ceiling"]
                     or figures["approved_loans"] != stats["approved"])
    results = {
        "fund_loans": count, "fund_workers": workers,
        "fund_approvals": stats["approved"], "fund_refused": stats["refused"],
        "fund_gave_up": stats["gave_up"], "fund_retries": stats["retries"],
        "fund_approved": figures["committed"], "fund_ceiling": figures["ceiling"],
        "overcommit": overcommit, "fund_seconds": round(seconds, 2),
    }
    for key, value in results.items():
        print(f"{key}={value}")
    return 1 if overcommit else 0


if __name__ == "__main__":
    sys.exit(main())
