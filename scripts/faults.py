"""make faults: kill the Odoo server (SIGKILL) while public registrations with files are
being submitted, restart it, and check that nothing is lost, half-saved or duplicated.

Clients post the public form /ixl/registrazione (CSRF token from the GET page, multipart
with an identity document in PNG and a CV in PDF). When ``--kill-after`` submissions
have been acknowledged, the whole server process group gets SIGKILL and is restarted;
the clients wait for it and go on. Then, in the database and the filestore:
- complete: the beneficiary and both attachment files, whose sha1 is the one sent;
- absent: no beneficiary, partner or attachment with the submission's data;
- half-saved: anything else (a partner without beneficiary, a missing file...);
- lost: acknowledged with the success page but not complete.
The absent ones and some complete ones are submitted again: afterwards every
submission is complete and no codice fiscale or email has two records.
Figures are printed as name=value lines at the end; the exit code is 1 on any defect.
"""

import argparse
import hashlib
import struct
import sys
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import psycopg2
import requests
import reslib
from stdnum.it import codicefiscale

MONTHS = "ABCDEHLMPRST"
DONE_MARKER = "o_ixl_registration_done"
CONNECTION_ERRORS = (requests.ConnectionError, requests.Timeout)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default="res_faults")
    parser.add_argument("--template", help="copy this database instead of installing")
    parser.add_argument("--port", type=int, default=8174)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--kill-after", type=int, default=None,
                        help="acknowledged submissions before the kill (default: 40%%)")
    parser.add_argument("--resubmit-complete", type=int, default=None,
                        help="complete registrations submitted again (default: 10%%)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- submissions
def fiscal_code(last, first, birth, town):
    def letters(word):
        consonants = [c for c in word.upper() if c.isalpha() and c not in "AEIOU"]
        vowels = [c for c in word.upper() if c in "AEIOU"]
        return "".join(consonants + vowels + ["X", "X", "X"])[:3]

    body = (f"{letters(last)}{letters(first)}{birth.year % 100:02d}{MONTHS[birth.month - 1]}"
            f"{birth.day:02d}{town}")
    return body + codicefiscale.calc_check_digit(body)


def png_bytes(index):
    """A valid 1x1 PNG whose text chunk makes it unique."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"tEXt", b"Comment\x00faults id %d" % index)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def pdf_bytes(index):
    """A minimal PDF, unique per submission."""
    return (b"%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
            b"%% curriculum vitae %d\ntrailer<</Root 1 0 R>>\n%%%%EOF\n" % index)


def make_submission(index, municipality_id):
    first = "Fabio"
    last = "Guasti" + "".join("BCDFGLMNPRSTVZ"[int(d)] for d in f"{index:04d}")
    birth = date(1960, 1, 1) + timedelta(days=index * 7)
    town = f"{'ABCDEFGHLM'[index // 1000 % 10]}{index % 1000:03d}"
    idoc, cv = png_bytes(index), pdf_bytes(index)
    return {
        "index": index,
        "form": {
            "first_name": first, "last_name": last,
            "fiscal_code": fiscal_code(last, first, birth, town),
            "birthdate": birth.isoformat(), "gender": "male",
            "email": f"faults.{index}@example.com", "phone": f"+39 051 {index:07d}",
            "municipality_id": str(municipality_id), "street": "Via Irnerio 1",
            "privacy_consent": "1",
        },
        "files": {"id_document": (f"id_{index}.png", idoc, "image/png"),
                  "cv_file": (f"cv_{index}.pdf", cv, "application/pdf")},
        "sha1": {"id_document": hashlib.sha1(idoc).hexdigest(),
                 "cv_file": hashlib.sha1(cv).hexdigest()},
    }


def submit(session, base_url, sub):
    """Post one registration; True when the success page came back."""
    token = reslib.csrf_token(session, f"{base_url}/ixl/registrazione")
    response = session.post(f"{base_url}/ixl/registrazione", timeout=60,
                            data=dict(sub["form"], csrf_token=token), files=sub["files"])
    return response.status_code == 200 and DONE_MARKER in response.text


class Batch:
    """Submissions from several clients; a killer thread crashes the server once."""

    def __init__(self, server, subs, clients, kill_after):
        self.server, self.subs, self.clients, self.kill_after = server, subs, clients, kill_after
        self.lock = threading.Lock()
        self.acked, self.failed, self.unexpected = set(), set(), []
        self.down = threading.Event()
        self.killed_at, self.restart_s = None, None

    def run(self):
        queue = list(self.subs)
        queue.reverse()
        with ThreadPoolExecutor(self.clients) as pool:
            for _ in range(self.clients):
                pool.submit(self._client, queue)
        return self

    def _client(self, queue):
        session = requests.Session()
        while True:
            with self.lock:
                if not queue:
                    return
                sub = queue.pop()
            while self.down.is_set():
                time.sleep(0.2)
            try:
                ok = submit(session, self.server.url, sub)
            except (*CONNECTION_ERRORS, requests.HTTPError, RuntimeError):
                ok = None
            with self.lock:
                if ok:
                    self.acked.add(sub["index"])
                else:
                    self.failed.add(sub["index"])
                    if ok is False:
                        self.unexpected.append(sub["index"])
                if ok and self.killed_at is None and len(self.acked) >= self.kill_after:
                    self.killed_at = len(self.acked)
                    self.down.set()
                    threading.Thread(target=self._crash_and_restart).start()
            if ok is None:
                session = requests.Session()

    def _crash_and_restart(self):
        reslib.progress(f"SIGKILL of the server after {self.killed_at} acknowledged")
        self.server.kill()
        started = time.monotonic()
        self.server.start()
        self.restart_s = round(time.monotonic() - started, 1)
        reslib.progress(f"server back after {self.restart_s} s")
        self.down.clear()


# ---------------------------------------------------------------- verification
def db_state(dsn, store):
    """{index: 'complete'|'absent'|'half'|'duplicate'} of every faults.* submission,
    and the number of beneficiary attachments whose record does not exist."""
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        cr.execute("""SELECT p.email, b.id, b.fiscal_code FROM res_partner p
                      LEFT JOIN ixl_beneficiary b ON b.partner_id = p.id
                      WHERE p.email LIKE 'faults.%%@example.com'""")
        partners = cr.fetchall()
        cr.execute("""SELECT res_id, res_field, store_fname FROM ir_attachment
                      WHERE res_model = 'ixl.beneficiary'
                        AND res_field IN ('id_document', 'cv_file')""")
        attachments = cr.fetchall()
        cr.execute("""SELECT count(*) FROM ir_attachment a WHERE a.res_model = 'ixl.beneficiary'
                      AND NOT EXISTS (SELECT 1 FROM ixl_beneficiary b WHERE b.id = a.res_id)""")
        orphans = cr.fetchone()[0]
    files = {(res_id, field): fname for res_id, field, fname in attachments}
    by_index = {}
    for email, ben_id, code in partners:
        index = int(email.split(".")[1].split("@")[0])
        by_index.setdefault(index, []).append((ben_id, code))
    return by_index, files, orphans


def classify(sub, rows, files, store):
    if not rows:
        return "absent"
    if len(rows) > 1:
        return "duplicate"
    ben_id, code = rows[0]
    if not ben_id or code != sub["form"]["fiscal_code"]:
        return "half"
    for field, sha1 in sub["sha1"].items():
        fname = files.get((ben_id, field))
        path = store / fname if fname else None
        if not path or not path.is_file() or hashlib.sha1(path.read_bytes()).hexdigest() != sha1:
            return "half"
    return "complete"


def verify(dsn, store, subs):
    by_index, files, orphans = db_state(dsn, store)
    states = {sub["index"]: classify(sub, by_index.get(sub["index"], []), files, store)
              for sub in subs}
    return states, orphans


def count(states, value):
    return sum(1 for state in states.values() if state == value)


def resubmit(base_url, subs, clients):
    def post(sub):
        try:
            return submit(requests.Session(), base_url, sub)
        except (*CONNECTION_ERRORS, requests.HTTPError, RuntimeError):
            return False

    with ThreadPoolExecutor(clients) as pool:
        return sum(1 for ok in pool.map(post, subs) if not ok)


def dsn_of(config_path, db):
    options = reslib.read_config(config_path)
    return (f"dbname={db} host={options.get('db_host', '127.0.0.1')} "
            f"port={options.get('db_port', '5432')} user={options.get('db_user', 'odoo')} "
            f"password={options.get('db_password', 'odoo')}")


def municipality_id(dsn):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        cr.execute("""SELECT res_id FROM ir_model_data WHERE module = 'ixl_beneficiary'
                      AND name = 'municipality_bologna'""")
        return cr.fetchone()[0]


def run(args, server):
    dsn = dsn_of(args.config, args.db)
    store = reslib.filestore_dir(args.config, args.db)
    subs = [make_submission(i, municipality_id(dsn)) for i in range(args.count)]
    kill_after = args.kill_after if args.kill_after is not None else args.count * 2 // 5
    server.start()
    reslib.progress(f"submitting {args.count} registrations from {args.clients} clients")
    started = time.monotonic()
    batch = Batch(server, subs, args.clients, kill_after).run()
    batch_s = time.monotonic() - started
    states, orphans = verify(dsn, store, subs)
    lost = sum(1 for i in batch.acked if states[i] != "complete")
    half = count(states, "half") + orphans
    absent = [sub for sub in subs if states[sub["index"]] == "absent"]
    complete = [sub for sub in subs if states[sub["index"]] == "complete"]
    n_again = args.resubmit_complete if args.resubmit_complete is not None \
        else max(1, len(complete) // 10)
    again = absent + complete[:n_again]
    reslib.progress(f"submitting again {len(absent)} absent and {n_again} complete")
    resubmit_errors = resubmit(server.url, again, args.clients)
    final, final_orphans = verify(dsn, store, subs)
    return {
        "submitted": args.count, "clients": args.clients,
        "acknowledged": len(batch.acked), "failed_during_batch": len(batch.failed),
        "rejected": len(batch.unexpected), "killed_at": batch.killed_at,
        "restart_s": batch.restart_s, "batch_s": round(batch_s, 1),
        "complete_after_crash": count(states, "complete"), "absent_after_crash": len(absent),
        "resubmitted": len(again), "resubmit_errors": resubmit_errors,
        "complete_final": count(final, "complete"),
        "lost": lost, "half_saved": half + count(final, "half") + final_orphans,
        "duplicates": count(states, "duplicate") + count(final, "duplicate"),
    }


def main(argv=None):
    args = parse_args(argv)
    reslib.exit_on_sigterm()
    server = reslib.OdooServer(args.config, args.db, args.port)
    server.check_ports()
    reslib.prepare_db(args.config, args.db, "ixl_website_registration", args.template)
    try:
        figures = run(args, server)
    finally:
        server.stop()
    reslib.print_figures(figures)
    bad = (figures["lost"] or figures["half_saved"] or figures["duplicates"]
           or figures["rejected"] or figures["resubmit_errors"]
           or figures["complete_final"] != figures["submitted"] or figures["killed_at"] is None)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
