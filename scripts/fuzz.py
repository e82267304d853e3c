"""make fuzz: malformed posts to the public registration form and the portal forms.

Targets: /ixl/registrazione (public), the company contact update and the new personnel
request of the Board portal, the application form and the withdrawal of the calls
portal. Every post carries at least one fault that must make the server refuse it
(missing or invalid CSRF token, a 1 MB field, an invalid date or number, a fiscal code
that does not match, an unknown id or another organisation's id, a file of the wrong
type, a JSON or text body) plus random noise (a <script> marker in every field, NUL
bytes, path tricks in file names, repeated fields). Afterwards: no HTTP 500, no row
added to the tables the forms write, the seeded contacts unchanged, and no response
showing an injected <script> marker unescaped. Prints name=value lines.
"""

import argparse
import random
import sys
from collections import Counter
from datetime import date, timedelta

import psycopg2
import requests
import reslib
from faults import dsn_of, fiscal_code, pdf_bytes, png_bytes

COUNTED_TABLES = ("ixl_beneficiary", "res_partner", "ir_attachment", "ixl_job_request",
                  "ixl_job_request_skill", "ixl_call_application", "ixl_call_hire",
                  "mail_activity", "res_users")
HUGE = "x" * (1024 * 1024)
FILE_NAMES = ("../../etc/passwd", "..\\..\\windows\\system.ini", "a\x00.pdf", "/etc/shadow",
              "<script>alert(1)</script>.pdf", "cv.pdf" + " " * 300, "")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default="res_fuzz")
    parser.add_argument("--template", help="copy this database instead of installing")
    parser.add_argument("--port", type=int, default=8178)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=9)
    return parser.parse_args(argv)


# ---------------------------------------------------------------- seeding
def seed(config_path, db):
    """Two Board companies and an applicant, each with a portal user; a request, an
    open call, an application of the other organisation. Returns the ids."""
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(config_path), "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        ids = {"municipality": env.ref("ixl_beneficiary.municipality_bologna").id,
               "skill": env.ref("ixl_beneficiary.skill_forklift_operation").id}
        for key in ("a", "b"):
            company = env["res.partner"].create({
                "name": f"Fuzz company {key}", "is_company": True, "ixl_board_state": "member"})
            contact = env["res.partner"].create({
                "name": f"Fuzz contact {key}", "parent_id": company.id, "type": "contact",
                "email": f"fuzz.{key}@example.com", "lang": "it_IT"})
            env["res.users"].with_context(no_reset_password=True).create({
                "login": f"fuzz.{key}", "password": f"fuzz.{key}", "partner_id": contact.id,
                "lang": "it_IT", "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
            colleague = env["res.partner"].create({
                "name": f"Fuzz colleague {key}", "parent_id": company.id, "type": "contact"})
            ids[f"contact_{key}"], ids[f"colleague_{key}"] = contact.id, colleague.id
            ids[f"company_{key}"] = company.id
        call = env["ixl.call"].create({
            "name": "Fuzz APL call", "kind": "apl", "cap_amount": 1000,
            "cap_basis": "project_year", "date_open": "2024-01-01"})
        source = env["ixl.call.source"].create({"name": "Fuzz fund", "amount": 100000,
                                                "date_from": "2020-01-01"})
        env["ixl.call.allocation"].create({"source_id": source.id, "call_id": call.id,
                                           "amount": 50000})
        call.action_open()
        ids["call"] = call.id
        application = env["ixl.call.application"].create({
            "call_id": call.id, "partner_id": ids["company_b"], "project_title": "Fuzz B",
            "project_description": "B", "project_budget": 10, "amount_requested": 5})
        ids["application_b"] = application.id
        cr.commit()
    return ids


# ---------------------------------------------------------------- cases
def registration_case(rng, ids, n):
    birth = date(1980, 1, 1) + timedelta(days=n)
    form = {"first_name": "Fuzzo", "last_name": f"Caso{n}", "birthdate": birth.isoformat(),
            "fiscal_code": fiscal_code(f"Caso{n}", "Fuzzo", birth, "A944"),
            "email": f"fuzz.reg.{n}@example.com", "phone": "051 000", "gender": "male",
            "municipality_id": str(ids["municipality"]), "privacy_consent": "1"}
    files = {"id_document": ("id.png", png_bytes(n), "image/png"),
             "cv_file": ("cv.pdf", pdf_bytes(n), "application/pdf")}
    breakers = {
        "birthdate": rng.choice(["2024-13-45", "0000-00-00", "99999-01-01", "ieri",
                                 (birth + timedelta(days=1)).isoformat(), "2999-01-01"]),
        "fiscal_code": rng.choice(["RSSMRA80A01A944", "A" * 16, "12345678901", "' OR 1=1"]),
        "municipality_id": rng.choice(["999999999", "-1", "1e3", "abc", "1 OR 1=1"]),
        "email": rng.choice(["no-at-sign", "a b@c", ""]),
        "privacy_consent": None,
    }
    field = rng.choice([*breakers, "file_type", "file_missing", "huge"])
    if field == "file_type":
        files["cv_file"] = ("cv.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    elif field == "file_missing":
        files.pop(rng.choice(["cv_file", "id_document"]))
    elif field == "huge":
        form[rng.choice(["first_name", "last_name", "fiscal_code", "email", "phone"])] = HUGE
    elif breakers[field] is None:
        form.pop(field)
    else:
        form[field] = breakers[field]
    return "/ixl/registrazione", "/ixl/registrazione", None, form, files, {field}


def contact_case(rng, ids, n):
    contact = rng.choice([ids["contact_a"], ids["colleague_a"]])
    form = {"name": f"Fuzz contact {n}", "function": "HR", "email": "x@example.com",
            "phone": "051"}
    fault = rng.choice(["name", "email", "other", "unknown", "huge"])
    if fault == "name":
        form["name"] = rng.choice(["", "   "])
    elif fault == "email":
        form["email"] = "not-an-email"
    elif fault == "other":
        contact = rng.choice([ids["contact_b"], ids["colleague_b"], ids["company_b"],
                              ids["company_a"]])
    elif fault == "unknown":
        contact = rng.choice([999999999, 0])
    else:
        form[rng.choice(list(form))] = HUGE
    return f"/my/ixl/company/contact/{contact}", "/my/ixl/company", "a", form, {}, {fault}


def request_case(rng, ids, n):
    form = {"name": f"Fuzz role {n}", "positions": "1", "weekly_hours": "38",
            "municipality_id": str(ids["municipality"]), "placement_type": "hire",
            "contract_type": "fixed_term", "deadline": "", "description": "d",
            "skill_ids": str(ids["skill"])}
    breakers = {
        "positions": ["0", "-3", "1000", "abc", "1.5", "1e9", "NaN", ""],
        "weekly_hours": ["-1", "169", "NaN", "inf", "1e309", "abc"],
        "municipality_id": ["999999999", "-1", "x", ""],
        "placement_type": ["hacker", "<b>"], "contract_type": ["life", "<b>"],
        "deadline": ["2024-02-30", "2000-01-01", "tomorrow", "99999-12-31"],
        "skill_ids": ["999999999", "abc", "-1"], "name": ["", "   "],
    }
    field = rng.choice([*breakers, "huge"])
    if field == "huge":
        form[rng.choice(["name", "description"])] = HUGE
    else:
        form[field] = rng.choice(breakers[field])
    return "/my/ixl/requests/new", "/my/ixl/requests/new", "a", form, {}, {field}


def apply_case(rng, ids, n):
    call = ids["call"]
    form = {"project_title": f"Fuzz project {n}", "project_description": "d",
            "project_budget": "100", "amount_requested": "50"}
    fault = rng.choice(["budget", "amount", "cap", "call", "title", "huge", "withdraw"])
    if fault == "withdraw":
        target = rng.choice([ids["application_b"], 999999999])
        return (f"/my/ixl/applications/{target}/withdraw", f"/my/ixl/calls/{call}/apply",
                "a", {}, {}, set())
    if fault in ("budget", "amount"):
        form[f"project_{fault}" if fault == "budget" else "amount_requested"] = rng.choice(
            ["-1", "abc", "NaN", "inf", "1e309", ""])
    elif fault == "cap":
        form["amount_requested"] = "5000"
    elif fault == "call":
        call = rng.choice([999999999, 0])
    elif fault == "title":
        form["project_title"] = ""
    else:
        form[rng.choice(list(form))] = HUGE
    files = {"attachments": (rng.choice(FILE_NAMES), b"%PDF-1.4 x", "application/pdf")}
    keep = {"project_budget", "amount_requested", "project_title"}
    return (f"/my/ixl/calls/{call}/apply", f"/my/ixl/calls/{ids['call']}/apply", "a", form,
            files, keep)


CASES = (registration_case, contact_case, request_case, apply_case)


def add_noise(rng, n, form, files, keep):
    """Random extras that must never break the server: script markers, NUL bytes,
    repeated fields, path tricks in file names. The fields in ``keep`` (the faults that
    make the post invalid) are left alone."""
    marker = None
    noisy = [key for key in form if key not in keep]
    if rng.random() < 0.5:
        marker = f"ixlfuzz{n}"
        for key in noisy:
            if isinstance(form[key], str) and form[key] != HUGE:
                form[key] = f'{form[key]}"><script>{marker}</script>'
    if noisy and rng.random() < 0.2:
        key = rng.choice(noisy)
        form[key] = f"{form[key] or ''}\x00nul"
    if noisy and rng.random() < 0.1:
        key = rng.choice(noisy)
        form[key] = [form[key], "second value"]
    for key, (_name, content, mimetype) in list(files.items()):
        if rng.random() < 0.3:
            files[key] = (rng.choice(FILE_NAMES), content, rng.choice(
                [mimetype, "text/html", "application/x-msdownload"]))
    return marker


class Fuzzer:
    def __init__(self, base_url, ids, seed):
        self.base_url, self.ids, self.rng = base_url, ids, random.Random(seed)
        self.sessions = {None: requests.Session()}
        self.sessions["a"] = reslib.portal_login(base_url, "fuzz.a", "fuzz.a")
        self.tokens = {}
        self.statuses, self.unescaped, self.failures = Counter(), [], []
        self.accepted = []

    def token(self, who, page):
        if (who, page) not in self.tokens:
            self.tokens[who, page] = reslib.csrf_token(self.sessions[who], self.base_url + page)
        return self.tokens[who, page]

    def post(self, n):
        case = CASES[n % len(CASES)]
        url, page, who, form, files, keep = case(self.rng, self.ids, n)
        marker = add_noise(self.rng, n, form, files, keep)
        kwargs = {"data": form, "files": files or None}
        roll = self.rng.random()
        if roll < 0.08:
            pass  # no CSRF token
        elif roll < 0.12:
            form["csrf_token"] = "0" * 40 + "o1700000000"
        elif roll < 0.16:
            kwargs = {"json": form}
        elif roll < 0.18:
            kwargs = {"data": str(form).encode(), "headers": {"Content-Type": "text/plain"}}
        else:
            form["csrf_token"] = self.token(who, page)
        try:
            response = self.sessions[who].post(self.base_url + url, timeout=120,
                                               allow_redirects=False, **kwargs)
        except requests.RequestException as error:
            self.statuses["no_response"] += 1
            self.failures.append(f"{case.__name__} {url}: {error!r}")
            return
        self.statuses[response.status_code] += 1
        if response.status_code < 400:
            self.accepted.append(f"{case.__name__} {url}: {str(form)[:300]}")
        if response.status_code >= 500:
            self.failures.append(f"{case.__name__} {url}: {response.status_code}")
        if marker and f"<script>{marker}" in response.text:
            self.unescaped.append(f"{case.__name__} {url}")


def snapshot(dsn, ids):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        counts = {}
        for table in COUNTED_TABLES:
            cr.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cr.fetchone()[0]
        cr.execute("""SELECT id, name, email, phone, function FROM res_partner
                      WHERE id = ANY(%s) ORDER BY id""",
                   ([ids[k] for k in ids if k.startswith(("contact_", "colleague_"))],))
        return counts, cr.fetchall()


def run(args, server, ids):
    dsn = dsn_of(args.config, args.db)
    server.start()
    fuzzer = Fuzzer(server.url, ids, args.seed)
    for page in ("/ixl/registrazione", "/my/ixl/company", "/my/ixl/requests/new",
                 f"/my/ixl/calls/{ids['call']}/apply"):  # warm-up (assets, caches)
        fuzzer.token(None if page.startswith("/ixl") else "a", page)
    before, contacts_before = snapshot(dsn, ids)
    for n in range(args.posts):
        fuzzer.post(n)
        if n % 100 == 99:
            reslib.progress(f"{n + 1} posts, statuses {dict(fuzzer.statuses)}")
    after, contacts_after = snapshot(dsn, ids)
    created = {t: after[t] - before[t] for t in COUNTED_TABLES if after[t] != before[t]}
    for line in fuzzer.failures[:20] + fuzzer.unescaped[:20] + fuzzer.accepted[:20]:
        reslib.progress(line)
    if created:
        reslib.progress(f"rows added: {created}")
    return {
        "posts": args.posts,
        **{f"status_{code}": count for code, count in sorted(fuzzer.statuses.items(), key=str)},
        "http_500": sum(c for s, c in fuzzer.statuses.items() if s == "no_response" or s >= 500),
        "records_created": sum(created.values()),
        "contacts_changed": sum(1 for x, y in zip(contacts_before, contacts_after, strict=True)
                                if x != y),
        "unescaped_script": len(fuzzer.unescaped),
    }


def main(argv=None):
    args = parse_args(argv)
    reslib.exit_on_sigterm()
    server = reslib.OdooServer(args.config, args.db, args.port)
    server.check_ports()
    reslib.prepare_db(args.config, args.db, "ixl_website_registration,ixl_board,ixl_calls",
                      args.template)
    ids = seed(args.config, args.db)
    try:
        figures = run(args, server, ids)
    finally:
        server.stop()
    reslib.print_figures(figures)
    bad = (figures["http_500"] or figures["records_created"] or figures["contacts_changed"]
           or figures["unescaped_script"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
