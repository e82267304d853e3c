"""The public registration form /ixl/registrazione, one Odoo worker, real HTTP.

Starts `odoo-bin --workers=0` on the bench database, then, for each visitor: GET the
form (session cookie and CSRF token), POST it as multipart with a small PNG identity
document and a small PDF CV. Figures: submissions per second (GET + POST, one visitor
after the other) and the median POST time.
"""

import re
import socket
import statistics
import struct
import subprocess
import sys
import time
import zlib
from datetime import date, timedelta

from . import progress
from .seed import fiscal_code

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
EMAIL_DOMAIN = "formbench.example.net"


def png():
    """A valid 1x1 PNG."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(config, db, port):
    import odoo

    odoo_bin = f"{odoo.__path__[0]}/../odoo-bin"
    cmd = [sys.executable, odoo_bin, "-c", config, "-d", db, f"--http-port={port}",
           "--workers=0", "--max-cron-threads=0", f"--db-filter=^{db}$", "--log-level=warn",
           "--http-interface=127.0.0.1"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return server


def wait_ready(session, url, server, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"odoo-bin stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            if session.get(url, timeout=30).status_code == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError("odoo-bin did not answer in time")


def visitor_data(rng, i, municipality_id, skill_ids):
    birth = date(1965, 1, 1) + timedelta(days=rng.randint(0, 14000))
    female = rng.random() < 0.5
    return {
        "first_name": f"Modulo{i}", "last_name": f"Cognomeweb{i}",
        "fiscal_code": fiscal_code(rng, birth, female, town_letters="Z"),
        "birthdate": birth.isoformat(), "gender": "female" if female else "male",
        "email": f"web{i}.{rng.randint(0, 10**9)}@{EMAIL_DOMAIN}", "phone": "+39 051 000000",
        "street": "Via Bench 1", "municipality_id": str(municipality_id),
        "privacy_consent": "on", "skill_ids": [str(s) for s in skill_ids],
    }


def submit(session, url, data):
    page = session.get(url, timeout=60)
    token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page.text)
    if page.status_code != 200 or not token:
        raise RuntimeError(f"GET {url}: {page.status_code}, no CSRF token")
    files = {"id_document": ("identity.png", png(), "image/png"),
             "cv_file": ("cv.pdf", PDF, "application/pdf")}
    start = time.perf_counter()
    answer = session.post(url, data={**data, "csrf_token": token.group(1)}, files=files,
                          timeout=60)
    post_ms = (time.perf_counter() - start) * 1000
    if answer.status_code != 200 or "o_ixl_registration_done" not in answer.text:
        errors = re.findall(r'class="[^"]*invalid-feedback[^"]*"[^>]*>([^<]+)', answer.text)
        raise RuntimeError(f"POST refused ({answer.status_code}): {errors[:3]}")
    return post_ms


def bench_form(env, rng, config, db, submissions, port=None):
    """Submissions per second through one Odoo worker; the people are created for real."""
    import requests

    port = port or free_port()
    municipality = env["ixl.municipality"].search([], limit=1).id
    skills = env.ref("ixl_beneficiary.skill_type_professional").skill_ids.ids[:2]
    progress(f"starting odoo-bin --workers=0 on port {port}")
    server = start_server(config, db, port)
    url = f"http://127.0.0.1:{port}/ixl/registrazione"
    try:
        wait_ready(requests.Session(), url, server)
        progress(f"submitting the registration form {submissions} times")
        posts = []
        start = time.perf_counter()
        for i in range(submissions):
            with requests.Session() as session:
                posts.append(submit(session, url, visitor_data(rng, i, municipality, skills)))
        seconds = time.perf_counter() - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return {
        "form_submissions": submissions,
        "form_submissions_per_second": round(submissions / seconds, 2),
        "form_post_ms": round(statistics.median(posts), 1),
    }


def delete_form_people(env):
    """Remove what the form bench created (used when the bench must leave no trace)."""
    people = env["ixl.beneficiary"].with_context(active_test=False).search(
        [("email", "=like", f"%@{EMAIL_DOMAIN}")])
    people.unlink()
    return len(people)
