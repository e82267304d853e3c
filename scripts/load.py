"""make load: concurrent company portal sessions against Odoo with workers.

Seeds ``--companies`` Board member companies through the ORM (a portal user each,
personnel requests, candidates with their CV sent, placements, an internship), starts
Odoo with ``--workers`` on 127.0.0.1 and runs one session per company (threads), each
logged in as its company and browsing its portal pages for ``--duration`` seconds.
Every response must be a 200 and must not contain the name of another company, of its
requests, placements or internship tutor (a cross-company leak). Prints the latency
percentiles in ms (login excluded), requests, errors and leaks as name=value lines.
"""

import argparse
import os
import random
import sys
import threading
import time
from datetime import date, timedelta

import requests
import reslib
from faults import fiscal_code

PAGES = ("/my", "/my/ixl/company", "/my/ixl/requests", "/my/ixl/candidates",
         "/my/ixl/placements", "/my/ixl/internships")
WORDS = ("Acero", "Betulla", "Castagno", "Frassino", "Gelso", "Larice", "Mirto", "Noce",
         "Olmo", "Pioppo", "Quercia", "Rovere", "Salice", "Tiglio", "Ulivo", "Vischio",
         "Zenzero", "Abete", "Cipresso", "Faggio", "Ginepro", "Lauro", "Mandorlo", "Nespolo")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default="res_load")
    parser.add_argument("--template", help="copy this database instead of installing")
    parser.add_argument("--port", type=int, default=8176, help="HTTP port (+1: gevent)")
    parser.add_argument("--companies", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=None, help="default: --companies")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between two pages of a session, in s (0: none)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- seeding
def company_label(index):
    word = WORDS[index % len(WORDS)]
    return f"{word}{index:02d}" if index >= len(WORDS) else word


def seed_company(env, index, today):
    """One company with its portal user and records; its login and secret names."""
    label = company_label(index)
    name = f"Impresa {label}load Srl"
    login = f"load.{label.lower()}"
    company = env["res.partner"].create({"name": name, "is_company": True,
                                         "ixl_board_state": "member", "city": "Bologna"})
    contact = env["res.partner"].create({
        "name": f"Referente {label}load", "parent_id": company.id, "type": "contact",
        "email": f"{login}@example.com", "lang": "it_IT"})
    env["res.users"].with_context(no_reset_password=True).create({
        "login": login, "password": login, "partner_id": contact.id, "lang": "it_IT",
        "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
    bologna = env.ref("ixl_beneficiary.municipality_bologna")
    skill = env.ref("ixl_beneficiary.skill_forklift_operation")
    skill_type = env.ref("ixl_beneficiary.skill_type_professional")

    def person(seq):
        birth = date(1970, 1, 1) + timedelta(days=index * 50 + seq)
        last = f"Carico{label}"
        first = f"Nome{'ABCDEFGH'[seq]}"
        ben = env["ixl.beneficiary"].create({
            "first_name": first, "last_name": last,
            "fiscal_code": fiscal_code(last, first, birth, f"Z{index * 10 + seq:03d}"),
            "birthdate_date": birth, "email": f"{login}.{seq}@example.com",
            "phone": f"+39 051 {index:03d}{seq:04d}", "municipality_id": bologna.id,
            "cv_file": b"JVBERi0xLjQgY3Y=", "cv_filename": "cv.pdf"})
        ben.write({"state": "active"})
        return ben

    requests_ = env["ixl.job.request"].create([{
        "name": f"Ruolo {label}load {k}", "partner_id": company.id,
        "municipality_id": bologna.id, "placement_type": "hire",
        "contract_type": "fixed_term", "weekly_hours": 38,
        "skill_ids": [(0, 0, {"skill_type_id": skill_type.id, "skill_id": skill.id})],
    } for k in range(3)])
    env["ixl.candidate"].create([{
        "request_id": req.id, "beneficiary_id": person(k).id, "state": "cv_sent",
        "date_sent": today} for k, req in enumerate(requests_)])
    placements = env["ixl.placement"].create([{
        "beneficiary_id": person(3 + k).id, "employer_id": company.id,
        "placement_type": "hire", "contract_type": "fixed_term",
        "job_title": f"Mansione {label}load {k}", "date_start": today} for k in range(2)])
    env["ixl.internship"].create({
        "partner_id": company.id, "beneficiary_id": person(5).id,
        "job_title": f"Tirocinio {label}load", "tutor_name": f"Tutor {label}load",
        "date_start": today, "date_end": today + timedelta(days=90),
        "monthly_indemnity": 450})
    secrets = [name, contact.name, f"Tutor {label}load", f"Tirocinio {label}load",
               *requests_.mapped("name"), *placements.mapped("job_title")]
    urls = [*PAGES, *(f"/my/ixl/requests/{req.id}" for req in requests_)]
    return {"login": login, "secrets": secrets, "urls": urls}


def seed(config_path, db, n_companies):
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(config_path), "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True,
                                                           "mail_create_nolog": True})
        today = date.today()
        companies = [seed_company(env, i, today) for i in range(n_companies)]
        cr.commit()
    return companies


# ---------------------------------------------------------------- load
class Load:
    def __init__(self, base_url, companies, duration, think):
        self.base_url, self.companies, self.duration = base_url, companies, duration
        self.think = think
        self.lock = threading.Lock()
        self.latencies, self.errors, self.leaks = [], [], []

    def run(self, sessions):
        self.barrier = threading.Barrier(sessions)  # every session logged in, then go
        threads = [threading.Thread(target=self._session, args=(self.companies[i],))
                   for i in range(sessions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return self

    def _session(self, company):
        others = [word for other in self.companies if other is not company
                  for word in other["secrets"]]
        try:
            session = reslib.portal_login(self.base_url, company["login"], company["login"])
        except (requests.RequestException, RuntimeError) as error:
            with self.lock:
                self.errors.append(f"login {company['login']}: {error}")
            session = None
        self.barrier.wait()
        if not session:
            return
        rng = random.Random(company["login"])
        deadline = time.monotonic() + self.duration
        while time.monotonic() < deadline:
            for url in company["urls"]:
                self._get(session, url, others)
                time.sleep(self.think * rng.uniform(0.5, 1.5))
                if time.monotonic() >= deadline:
                    break

    def _get(self, session, url, others):
        started = time.monotonic()
        try:
            response = session.get(self.base_url + url, timeout=60, allow_redirects=False)
            status, body = response.status_code, response.text
        except requests.RequestException as error:
            status, body = repr(error), ""
        elapsed = (time.monotonic() - started) * 1000
        leaked = [word for word in others if word in body]
        with self.lock:
            self.latencies.append(elapsed)
            if status != 200:
                self.errors.append(f"{url}: {status}")
            if leaked:
                self.leaks.append(f"{url}: {leaked[:3]}")


def warm_up(base_url, company, rounds=2):
    """Untimed pages of one company, so that both workers have compiled the templates
    and filled their caches before the timed sessions."""
    session = reslib.portal_login(base_url, company["login"], company["login"])
    for _ in range(rounds):
        for url in company["urls"]:
            session.get(base_url + url, timeout=120)


def main(argv=None):
    args = parse_args(argv)
    sessions = args.sessions or args.companies
    reslib.exit_on_sigterm()
    server = reslib.OdooServer(args.config, args.db, args.port, workers=args.workers)
    server.check_ports()
    reslib.prepare_db(args.config, args.db, "ixl_board", args.template)
    reslib.progress(f"seeding {args.companies} portal companies")
    companies = seed(args.config, args.db, args.companies)
    try:
        server.start()
        warm_up(server.url, companies[0])
        reslib.progress(f"{sessions} sessions for {args.duration:g} s, {args.workers} workers")
        started = time.monotonic()
        load = Load(server.url, companies, args.duration, args.think).run(sessions)
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    for line in (load.errors + load.leaks)[:20]:
        reslib.progress(line)
    reslib.print_figures({
        "sessions": sessions, "workers": args.workers, "think_s": args.think,
        "duration_s": round(elapsed, 1),
        "requests": len(load.latencies),
        "requests_per_s": round(len(load.latencies) / elapsed, 1),
        "p50_ms": round(reslib.percentile(load.latencies, 50)),
        "p95_ms": round(reslib.percentile(load.latencies, 95)),
        "max_ms": round(max(load.latencies, default=0)),
        "errors": len(load.errors), "leaks": len(load.leaks),
        "load_average_1m": round(os.getloadavg()[0], 1), "cpus": os.cpu_count(),
    })
    return 1 if load.errors or load.leaks or not load.latencies else 0


if __name__ == "__main__":
    sys.exit(main())
