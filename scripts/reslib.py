"""Shared helpers of the resilience scripts (faults.py, load.py, fuzz.py).

They start an Odoo server as a child process in its own process group (so that a
SIGKILL reaches every worker), prepare a database (a copy of a template, or a fresh
install without demo data) and read the Odoo configuration. Run them through
scripts/resilience.sh, which sources scripts/env.sh (PG* variables, RUNTIME_CONF).
"""

import atexit
import configparser
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

PROJECT_DIR = Path(__file__).resolve().parent.parent
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo18"))
# Odoo's launcher: odoo-bin of the source tree, or the Docker image's odoo (scripts/env.sh).
ODOO_BIN = Path(os.environ.get("ODOO_BIN") or ODOO_SRC / "odoo-bin")
DATA_DIR = Path(os.environ.get("IXL_DATA") or PROJECT_DIR / ".data")
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def progress(msg):
    print(f"# {msg}", file=sys.stderr, flush=True)


def read_config(path):
    parser = configparser.ConfigParser()
    parser.read(path)
    return parser["options"]


def filestore_dir(config_path, db):
    data_dir = read_config(config_path).get("data_dir") or str(DATA_DIR)
    return Path(data_dir) / "filestore" / db


def port_in_use(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def db_exists(db):
    out = subprocess.run(["psql", "-d", "postgres", "-tAc",
                          f"SELECT 1 FROM pg_database WHERE datname = '{db}'"],
                         capture_output=True, text=True, check=True).stdout
    return out.strip() == "1"


def odoo_cmd(config_path, *args):
    return [sys.executable, str(ODOO_BIN), "-c", str(config_path), *args]


def prepare_db(config_path, db, addons, template=None):
    """A new database ``db`` (dropped first): a copy of ``template`` with its filestore,
    or ``addons`` installed without demo data."""
    if not re.fullmatch(r"[a-z0-9_]+", db):
        raise SystemExit(f"Invalid database name {db!r}")
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    target = filestore_dir(config_path, db)
    shutil.rmtree(target, ignore_errors=True)
    if template:
        progress(f"copying {template} into {db}")
        subprocess.run(["createdb", "-T", template, db], check=True)
        source = filestore_dir(config_path, template)
        if source.is_dir():
            shutil.copytree(source, target)
        return
    progress(f"installing {addons} into {db} (no demo data)")
    subprocess.run(["createdb", db], check=True)
    subprocess.run(odoo_cmd(config_path, "-d", db, "-i", addons, "--without-demo=all",
                            "--stop-after-init", "--log-level=warn"), check=True)


class OdooServer:
    """``odoo-bin`` on 127.0.0.1:``port`` for database ``db``, in its own process group."""

    def __init__(self, config_path, db, port, workers=0, log_path=None):
        self.config_path, self.db, self.port, self.workers = config_path, db, port, workers
        self.log_path = log_path or DATA_DIR / f"server-{db}.log"
        self.proc = None
        atexit.register(self.stop)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        args = ["-d", self.db, f"--db-filter=^{self.db}$", "--http-interface=127.0.0.1",
                f"--http-port={self.port}", "--max-cron-threads=0", "--log-level=warn",
                f"--workers={self.workers}"]
        if self.workers:
            args.append(f"--gevent-port={self.port + 1}")
        return odoo_cmd(self.config_path, *args)

    def check_ports(self):
        """Stop at once if the server's port (or its gevent port) is taken."""
        for port in sorted({self.port, self.port + 1 if self.workers else self.port}):
            if port_in_use(port):
                raise SystemExit(f"Port {port} is already in use (--port to choose another)")

    def start(self, timeout=180):
        """Start the server and wait until it answers; return the seconds it took."""
        self.check_ports()
        started = time.monotonic()
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        self.wait_ready(timeout)
        return time.monotonic() - started

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"Odoo exited with code {self.proc.returncode} "
                                 f"(log: {self.log_path})")
            try:
                if requests.get(f"{self.url}/web/login", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise SystemExit(f"Odoo did not answer within {timeout} s (log: {self.log_path})")

    def kill(self):
        """SIGKILL the whole process group (server and workers), as a crash would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def stop(self):
        if not self.proc:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # workers left behind, if any
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.proc = None


def exit_on_sigterm():
    """Turn SIGTERM/SIGINT into SystemExit, so that finally blocks and atexit stop the
    server."""
    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def csrf_token(session, url, timeout=30):
    """GET ``url`` with ``session`` and return the CSRF token of its first form."""
    response = session.get(url, timeout=timeout)
    response.raise_for_status()
    match = CSRF_RE.search(response.text)
    if not match:
        raise RuntimeError(f"No CSRF token in {url}")
    return match.group(1)


def portal_login(base_url, login, password, timeout=120):
    """A requests session logged in as ``login``, browsing in Italian (the website's
    default language: no redirection to /en/...)."""
    session = requests.Session()
    session.headers["Accept-Language"] = "it-IT,it;q=0.9"
    token = csrf_token(session, f"{base_url}/web/login", timeout=timeout)
    response = session.post(f"{base_url}/web/login", timeout=timeout, allow_redirects=False, data={
        "login": login, "password": password, "csrf_token": token, "redirect": "/my"})
    if response.status_code not in (302, 303):
        raise RuntimeError(f"Login of {login} failed ({response.status_code})")
    return session


def percentile(values, pct):
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def print_figures(figures):
    for key, value in figures.items():
        print(f"{key}={value}")
