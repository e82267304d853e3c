"""make bench: seed ten years of synthetic IXL data with a fixed seed, time what staff feel.

Prints one `name=value` line per figure and writes them to a JSON file. Times are
server-side, measured in this process against PostgreSQL on this machine (the form: real
HTTP to one Odoo worker); compare ratios measured in the same run, not absolute numbers
across machines. Parts: seed, ui (beneficiary list, searches, intake kanban), matching
(suite fast path and naive loop), odoo (hr_recruitment_skills on the same people, in the
database given by --odoo-db), import (CSV through base_import), mailing, form.

Exit status 1 when a part errors, when a seeded stored computed column differs from the
ORM's value, when the fast and the naive matching disagree, or when the import fails.
Times are never asserted.
"""

import argparse
import json
import os
import random
import sys
import time
import traceback

from benchlib import progress
from benchlib.form import EMAIL_DOMAIN, bench_form, delete_form_people
from benchlib.importer import bench_import
from benchlib.mailing import bench_mailing
from benchlib.matching import bench_matching
from benchlib.odoo_compare import bench_odoo
from benchlib.seed import Seeder, check_computed
from benchlib.ui import bench_ui

SCALES = {
    "small": {"beneficiaries": 3000, "companies": 200, "placements": 1500, "requests": 60,
              "import_rows": 1000, "form_submissions": 10, "naive_requests": 10,
              "mailing": 1000},
    "full": {"beneficiaries": 100_000, "companies": 5000, "placements": 50_000,
             "requests": 2000, "import_rows": 10_000, "form_submissions": 100,
             "naive_requests": 5, "mailing": 10_000},
}
VACUUMED = ["res_partner", "ixl_beneficiary", "ixl_beneficiary_skill", "ixl_placement",
            "ixl_protocol_exit", "mail_activity", "ixl_job_request", "ixl_job_request_skill"]
PARTS = ["ui", "matching", "odoo", "import", "mailing", "form"]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", required=True)
    parser.add_argument("--odoo-db", default=None,
                        help="database with hr_recruitment_skills for Odoo's own matching")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--requests", type=int, default=20, help="requests timed (median)")
    parser.add_argument("--naive-requests", type=int, default=None,
                        help="requests timed on the naive path (default: 10 small, 5 full)")
    parser.add_argument("--import-rows", type=int, default=None)
    parser.add_argument("--form-submissions", type=int, default=None)
    parser.add_argument("--http-port", type=int, default=None,
                        help="port of the Odoo worker for the form (default: a free one)")
    parser.add_argument("--skip", default="", help=f"comma-separated parts to skip: {PARTS}")
    parser.add_argument("--reuse", action="store_true",
                        help="time an already seeded database (no seeding)")
    parser.add_argument("--json", default=None)
    parser.add_argument("--rollback", action="store_true",
                        help="leave no data behind: the form runs first on the empty database "
                             "and its people are deleted, the rest is rolled back (make test)")
    return parser.parse_args(argv)


class Bench:
    def __init__(self, args):
        import odoo
        from odoo.tools import config

        config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
        self.odoo = odoo
        self.args = args
        self.sizes = dict(SCALES[args.scale])
        for key in ("naive_requests", "import_rows", "form_submissions"):
            if getattr(args, key) is not None:
                self.sizes[key] = getattr(args, key)
        self.skip = {p for p in args.skip.split(",") if p}
        self.registry = odoo.modules.registry.Registry(args.db)
        self.rng = random.Random(args.seed)
        self.results = {"scale": args.scale, "seed": args.seed,
                        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                        "machine_cores": os.cpu_count(),
                        "machine_memory_gib": round(os.sysconf("SC_PAGE_SIZE")
                                                    * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                        **{f"size_{k}": v for k, v in self.sizes.items()}}
        self.failures = []

    def env(self, cr, registry=None):
        return self.odoo.api.Environment(cr, self.odoo.SUPERUSER_ID, {
            "tracking_disable": True, "mail_create_nolog": True})

    def part(self, name, cr, func):
        """Run one part inside a savepoint; an error is recorded, the others still run."""
        if name in self.skip:
            self.results[f"{name}_skipped"] = 1
            return
        progress(f"part: {name}")
        try:
            with cr.savepoint():
                figures, errors = func()
        except Exception:  # reported below; the bench then exits 1
            traceback.print_exc()
            self.failures.append(f"{name}: raised (traceback above)")
            return
        self.results.update(figures)
        self.failures += [f"{name}: {error}" for error in errors]

    def form(self):
        """The public form, through a real Odoo worker on the committed database."""
        def run():
            with self.registry.cursor() as cr:
                figures = bench_form(self.env(cr), self.rng, self.args.config, self.args.db,
                                     self.sizes["form_submissions"], self.args.http_port)
            with self.registry.cursor() as cr:  # a new snapshot, with the server's commits
                cr.execute("SELECT COUNT(*) FROM res_partner WHERE email LIKE %s",
                           [f"%@{EMAIL_DOMAIN}"])
                figures["form_created"] = cr.fetchone()[0]
                if self.args.rollback:
                    delete_form_people(self.env(cr))
                    cr.commit()
            missing = self.sizes["form_submissions"] - figures["form_created"]
            return figures, [f"{missing} submissions not registered"] if missing > 0 else []

        with self.registry.cursor() as cr:
            self.part("form", cr, run)

    def run(self):
        if self.args.rollback:
            self.form()
        with self.registry.cursor() as cr:
            env = self.env(cr)
            if not self.args.reuse:
                self.results["seed_seconds"] = round(Seeder(env, self.sizes, self.rng).run(), 1)
            self.failures += [f"seed: {e}" for e in check_computed(env)]
            if not self.args.rollback:
                cr.commit()
                self.vacuum()
            requests = env["ixl.job.request"].search(
                [("name", "=like", "Bench role %")], order="id", limit=self.args.requests).ids
            self.part("ui", cr, lambda: (bench_ui(env, self.samples(env)), []))
            self.part("matching", cr, lambda: self.matching(env, requests))
            if self.args.odoo_db:
                self.part("odoo", cr, lambda: self.odoo_matching(env, requests))
            self.part("import", cr, lambda: bench_import(env, self.rng,
                                                         self.sizes["import_rows"]))
            self.part("mailing", cr, lambda: (bench_mailing(env, self.sizes["mailing"]), []))
            if self.args.rollback:
                cr.rollback()
            else:
                cr.commit()
        if not self.args.rollback:
            self.form()
        self.ratios()

    def vacuum(self):
        """VACUUM ANALYZE the seeded tables, as autovacuum would after a bulk load (visibility
        maps for index-only scans)."""
        start = time.perf_counter()
        with self.registry.cursor() as cr:
            cr._cnx.autocommit = True
            try:
                for table in VACUUMED:
                    cr.execute(f"VACUUM ANALYZE {table}")
            finally:
                cr._cnx.autocommit = False
        self.results["vacuum_seconds"] = round(time.perf_counter() - start, 1)

    def samples(self, env):
        """A surname, a codice fiscale and a skill to search for."""
        person = env["ixl.beneficiary"].with_context(active_test=False).search(
            [("reference", "=", f"BENCH/{self.sizes['beneficiaries'] // 3:06d}")])
        skills = env.ref("ixl_beneficiary.skill_type_professional").skill_ids
        return {"name": person.last_name, "fiscal_code": person.fiscal_code,
                "skill": skills[2].name}

    def matching(self, env, requests):
        figures = bench_matching(env, requests, len(requests), self.sizes["naive_requests"])
        errors = [] if figures["matching_same_top50"] else [
            "the fast and the naive matching disagree on requests "
            f"{figures['matching_differing_requests']}"]
        return figures, errors

    def odoo_matching(self, env, requests):
        registry = self.odoo.modules.registry.Registry(self.args.odoo_db)
        with registry.cursor() as ocr:
            figures, errors = bench_odoo(env, self.env(ocr), requests)
            if self.args.rollback:
                ocr.rollback()
            else:
                ocr.commit()
        return figures, [f"hr.candidate seeding: {e}" for e in errors]

    def ratios(self):
        res = self.results
        if res.get("matching_fast_ms") and res.get("odoo_total_ms"):
            res["matching_ratio_odoo"] = round(res["odoo_total_ms"] / res["matching_fast_ms"], 1)

    def report(self):
        for key, value in self.results.items():
            print(f"{key}={value}")
        print(f"failures={len(self.failures)}")
        if self.args.json:
            with open(self.args.json, "w") as fh:
                json.dump({**self.results, "failures": self.failures}, fh, indent=2)
        for failure in self.failures:
            print(f"ERROR: {failure}", file=sys.stderr)
        return 1 if self.failures else 0


def main(argv=None):
    bench = Bench(parse_args(argv))
    bench.run()
    return bench.report()


if __name__ == "__main__":
    sys.exit(main())
