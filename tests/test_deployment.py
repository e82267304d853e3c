"""Checks of the deployment files and scripts that need no Docker engine (cross-addon).

The Docker image cannot run on the development machines. What can be exercised here is:
the compose file (docker-compose config), the image's layout of Odoo (the package in
.../dist-packages/odoo, an `odoo` command, no source tree) reproduced in a temporary
folder, the test service's steps (the same as make test's), and the entrypoint's logic
against the local PostgreSQL with a stand-in `odoo` command.
"""

import ast
import configparser
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_IMAGE = os.environ.get("IXL_IN_IMAGE") == "1"
VERSION = re.compile(r"18\.0\.\d+\.\d+\.\d+")


def run(args, env=None, **kwargs):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False, env=env, **kwargs)


def pg_settings():
    """The connection of the database under test (Odoo's configuration)."""
    from odoo.tools import config

    return {"PGHOST": str(config["db_host"] or "localhost"),
            "PGPORT": str(config["db_port"] or 5432),
            "PGUSER": str(config["db_user"] or ""), "PGPASSWORD": str(config["db_password"] or "")}


def clean_env(**extra):
    """This process's environment without the make test knobs that change the plan, with
    the database connection of the tests."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("ADDONS", "LINT", "UPGRADE_CHECK", "IXL_IN_IMAGE")}
    env.update(pg_settings())
    env.update(extra)
    return env


def test_docker_files_check_offline():
    result = run(["bash", "scripts/check-docker.sh"])
    assert result.returncode == 0, result.stdout + result.stderr
    if IN_IMAGE:  # no docker-compose in the test image: docker compose read the file
        assert "skip: docker-compose.yml (inside the test image" in result.stdout
    else:
        assert "docker-compose.yml is valid" in result.stdout


def test_every_addon_is_an_lgpl_18_addon():
    addons = sorted(p.parent.name for p in ROOT.glob("addons/ixl_*/__manifest__.py"))
    assert "ixl_beneficiary" in addons
    for name in addons:
        manifest = ast.literal_eval((ROOT / "addons" / name / "__manifest__.py").read_text())
        assert VERSION.fullmatch(manifest["version"]), name
        assert manifest["license"] == "LGPL-3", name
        assert (ROOT / "addons" / name / "i18n" / "it.po").is_file(), f"{name}: no Italian"


def version_tuple(version):
    return tuple(int(part) for part in version.split("."))


def test_migrations_need_a_higher_manifest_version():
    """Odoo runs migrations/<v>/ only when the manifest version reaches v: a migration
    script without its version bump never runs on an upgrade."""
    for manifest_path in ROOT.glob("addons/ixl_*/__manifest__.py"):
        addon = manifest_path.parent
        version = ast.literal_eval(manifest_path.read_text())["version"]
        for folder in sorted((addon / "migrations").glob("*")):
            assert folder.is_dir() and VERSION.fullmatch(folder.name), \
                f"{folder}: migrations/<18.0.x.y.z>/ expected"
            assert version_tuple(folder.name) <= version_tuple(version), \
                f"{folder}: raise {addon.name}'s manifest version to {folder.name} or more"
            scripts = list(folder.glob("*.py"))
            assert scripts, f"{folder}: no pre-/post-/end- script"
            for script in scripts:
                assert re.match(r"(pre|post|end)-", script.name), script
                assert "def migrate(cr, version)" in script.read_text(), script


def previous_release():
    return (ROOT / "scripts" / "previous-release").read_text().split()[0]


def test_manifest_versions_never_go_down():
    git = ["git", "-c", "safe.directory=*"]
    prev = previous_release()
    assert re.fullmatch(r"[0-9a-f]{40}", prev)
    if shutil.which("git") is None or run([*git, "cat-file", "-e", prev]).returncode:
        pytest.fail(f"{prev} (scripts/previous-release) is not in this clone's history")
    for manifest_path in ROOT.glob("addons/ixl_*/__manifest__.py"):
        relative = manifest_path.relative_to(ROOT).as_posix()
        old = run([*git, "show", f"{prev}:{relative}"])
        if old.returncode:  # an addon new since the previous release
            continue
        before = ast.literal_eval(old.stdout)["version"]
        now = ast.literal_eval(manifest_path.read_text())["version"]
        assert version_tuple(now) >= version_tuple(before), f"{relative}: {before} -> {now}"


def test_docker_and_source_configs_agree():
    docker = configparser.ConfigParser()
    docker.read(ROOT / "config" / "odoo.conf")
    local = configparser.ConfigParser()
    local.read(ROOT / "config" / "odoo-local.conf")
    assert "/mnt/extra-addons" in docker["options"]["addons_path"]
    assert docker["options"]["list_db"] == local["options"]["list_db"] == "False"
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "./addons:/mnt/extra-addons" in compose
    assert "./config/odoo.conf:/etc/odoo/odoo.conf" in compose


def test_docker_tests_run_the_steps_of_make_test():
    """`docker compose run --rm tests` runs scripts/test.sh: the same steps, in order."""
    env = clean_env(ODOO_RC=str(ROOT / "config" / "odoo.conf"))
    source = run(["bash", "scripts/test.sh", "--dry-run"], env=env)
    image = run(["bash", "scripts/docker-test.sh", "--dry-run"], env=env)
    assert source.returncode == 0 and image.returncode == 0, source.stderr + image.stderr
    assert image.stdout == source.stdout
    steps = source.stdout.splitlines()
    for number, word in enumerate(["lint", "WARNING", "upgrade check", "benchmark",
                                   "resilience", "pytest"], 1):
        assert steps[number - 1].startswith(f"{number}. ") and word in steps[number - 1]
    assert len(steps) == 6


# ---------------------------------------------------------------- the image's layout
def odoo_package():
    import odoo.release

    return Path(odoo.release.__file__).resolve().parent


@pytest.fixture
def image_root(tmp_path):
    """The official image's layout: Odoo's package in /usr/lib/python3/dist-packages,
    the OCA wheels' addons in /usr/local/lib/python3.12/dist-packages/odoo/addons, an
    `odoo` launcher like the .deb's /usr/bin/odoo, google-chrome, python3 with Odoo's
    dependencies, no source tree; the configuration is config/odoo.conf with these
    paths and the local PostgreSQL."""
    dist = tmp_path / "usr/lib/python3/dist-packages"
    dist.mkdir(parents=True)
    (dist / "odoo").symlink_to(odoo_package())
    oca = tmp_path / "usr/local/lib/python3.12/dist-packages/odoo"
    oca.mkdir(parents=True)
    import odoo.addons.partner_contact_birthdate as oca_addon

    (oca / "addons").symlink_to(Path(oca_addon.__file__).resolve().parent.parent)
    bin_dir = tmp_path / "usr/bin"
    bin_dir.mkdir(parents=True)
    # The image's python3 has Odoo's dependencies: this virtualenv's Python stands in.
    (bin_dir / "python3").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (bin_dir / "odoo").write_text("#!/usr/bin/env python3\nimport odoo\nodoo.cli.main()\n")
    (bin_dir / "google-chrome").write_text("#!/bin/sh\nexit 0\n")
    for script in ("python3", "odoo", "google-chrome"):
        (bin_dir / script).chmod(0o755)
    conf = (ROOT / "config" / "odoo.conf").read_text()
    conf = conf.replace("/usr/lib/python3", str(tmp_path / "usr/lib/python3"))
    conf = conf.replace("/usr/local/lib/python3.12", str(tmp_path / "usr/local/lib/python3.12"))
    conf = conf.replace("/var/lib/odoo", str(tmp_path / "var/lib/odoo"))
    pg = pg_settings()
    for key, var in (("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
                     ("db_password", "PGPASSWORD")):
        conf = re.sub(rf"^{key} = .*$", f"{key} = {pg[var]}", conf, flags=re.M)
    (tmp_path / "odoo.conf").write_text(conf)
    path = f"{bin_dir}:/usr/bin:/bin"
    if shutil.which("pg_isready"):
        path += f":{Path(shutil.which('pg_isready')).parent}"
    env = {"PATH": path, "HOME": str(tmp_path), "IXL_IN_IMAGE": "1",
           "ODOO_RC": str(tmp_path / "odoo.conf"), "ODOO_SRC": str(tmp_path / "no-source"),
           "PYTHONPATH": str(dist), "PYTHONDONTWRITEBYTECODE": "1",
           "IXL_DATA": str(tmp_path / "ixl")}
    return tmp_path, env


@pytest.mark.skipif(IN_IMAGE, reason="reproduces the image from a source set-up")
def test_image_layout_check_docker_finds_the_packaged_odoo(image_root):
    root, env = image_root
    result = run(["bash", "scripts/check-docker.sh"], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Odoo: {root}/usr/lib/python3/dist-packages/odoo" in result.stdout
    assert "skip: docker-compose.yml (inside the test image" in result.stdout


@pytest.mark.skipif(IN_IMAGE, reason="reproduces the image from a source set-up")
def test_image_layout_set_up_of_the_test_service(image_root):
    """scripts/env.sh in the image: Odoo imported (no ODOO_SRC), PostgreSQL from the
    configuration, the mounted project's addons instead of /mnt/extra-addons, the
    filestore in data_dir, the .deb's launcher, Chrome; nothing written to the project."""
    root, env = image_root
    script = """source scripts/env.sh
setup_db_only
echo "conf=$RUNTIME_CONF"
echo "filestore=$(filestore_root)"
echo "browser=$(usable_browser)"
odoo_bin --version
"""
    result = run(["bash", "-c", script], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"conf={root}/ixl/odoo.conf" in result.stdout
    assert f"filestore={root}/var/lib/odoo/filestore" in result.stdout
    assert f"browser={root}/usr/bin/google-chrome" in result.stdout
    assert "Odoo Server 18.0" in result.stdout
    runtime = (root / "ixl" / "odoo.conf").read_text()
    assert f"addons_path = {ROOT}/addons," in runtime and "/mnt/extra-addons" not in runtime


# ---------------------------------------------------------------- the entrypoint
@pytest.fixture
def entrypoint(tmp_path):
    """docker/entrypoint-ixl.sh with a stand-in `odoo` that records its arguments."""
    calls = tmp_path / "calls"
    fake = tmp_path / "bin" / "odoo"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    fake.chmod(0o755)
    conf = tmp_path / "odoo.conf"
    pg = pg_settings()
    conf.write_text("[options]\n" + "".join(
        f"{key} = {pg[var]}\n" for key, var in (
            ("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
            ("db_password", "PGPASSWORD"))))
    db = f"ixl_entrypoint_{uuid.uuid4().hex[:8]}"

    def start(*args, database=db):
        env = clean_env(PATH=f"{fake.parent}:{os.environ['PATH']}", ODOO_RC=str(conf),
                        IXL_DB=database, IXL_ADDONS_DIR=str(ROOT / "addons"))
        for var in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
            env.pop(var)  # the entrypoint reads them from the configuration
        result = run(["bash", "docker/entrypoint-ixl.sh", *args], env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = calls.read_text().splitlines() if calls.exists() else []
        calls.unlink(missing_ok=True)
        return result, lines

    yield start, db, str(conf)
    run(["dropdb", "--if-exists", db], env=clean_env())


def addons_of_project():
    return sorted(p.parent.name for p in ROOT.glob("addons/ixl_*/__manifest__.py"))


def test_entrypoint_first_start_installs_every_addon(entrypoint):
    start, db, conf = entrypoint
    _result, calls = start()
    everything = ",".join(addons_of_project())
    assert calls == [f"-c {conf} -d {db} -i {everything} --stop-after-init", f"-c {conf} -d {db}"]


def test_entrypoint_later_start_installs_only_new_addons(entrypoint):
    start, db, conf = entrypoint
    addons = addons_of_project()
    assert run(["createdb", db], env=clean_env()).returncode == 0
    rows = ",".join(f"('{name}', 'installed')" for name in addons[1:])
    sql = f"CREATE TABLE ir_module_module (name varchar, state varchar); " \
          f"INSERT INTO ir_module_module VALUES {rows}, ('{addons[0]}', 'uninstalled')"
    assert run(["psql", "-q", "-d", db, "-c", sql], env=clean_env()).returncode == 0
    _result, calls = start("--dev=all")
    assert calls == [f"-c {conf} -d {db} -i {addons[0]} --stop-after-init",
                     f"-c {conf} -d {db} --dev=all"]
    run(["psql", "-q", "-d", db, "-c", "UPDATE ir_module_module SET state = 'installed'"],
        env=clean_env())
    _result, calls = start()
    assert calls == [f"-c {conf} -d {db}"]


def test_entrypoint_runs_a_command_as_is(entrypoint):
    start, _db, _conf = entrypoint
    result, calls = start("echo", "hello")
    assert result.stdout.strip() == "hello" and calls == []


# ---------------------------------------------------------------- Odoo's clone
@pytest.fixture
def odoo_repo(tmp_path):
    """A tiny stand-in for odoo/odoo: odoo-bin and an 18.0 release.py, one commit."""
    repo = tmp_path / "odoo.git"
    (repo / "odoo").mkdir(parents=True)
    (repo / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (repo / "odoo" / "release.py").write_text("version_info = (18, 0, 0, 'final', 0, '')\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(repo)]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "18.0"],
                 ["config", "uploadpack.allowAnySHA1InWant", "true"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    return repo, commit


def ensure_odoo(tmp_path, target, url, commit, command="make run"):
    script = 'source scripts/env.sh && ensure_odoo && echo "ODOO_SRC=$ODOO_SRC"'
    env = clean_env(ODOO_SRC=str(target), ODOO_GIT_URL=url, ODOO_COMMIT=commit,
                    IXL_COMMAND=command, IXL_DATA=str(tmp_path / "data"))
    return run(["bash", "-c", script], env=env)


def test_missing_odoo_is_cloned_at_the_pinned_commit(tmp_path, odoo_repo):
    repo, commit = odoo_repo
    target = tmp_path / "opt" / "odoo18"
    result = ensure_odoo(tmp_path, target, f"file://{repo}", commit)
    assert result.returncode == 0, result.stderr
    assert f"ODOO_SRC={target}" in result.stdout
    head = run(["git", "-C", str(target), "rev-parse", "HEAD"]).stdout.strip()
    assert head == commit and (target / "odoo" / "release.py").is_file()
    assert [p.name for p in target.parent.iterdir()] == ["odoo18"]  # no partial clone left
    again = ensure_odoo(tmp_path, target, "file:///nowhere", commit)  # present: no clone
    assert again.returncode == 0 and "Cloning" not in again.stderr


def test_offline_clone_leaves_nothing_and_names_the_typed_command(tmp_path, odoo_repo):
    _repo, commit = odoo_repo
    target = tmp_path / "opt" / "odoo18"
    result = ensure_odoo(tmp_path, target, f"file://{tmp_path}/offline", commit)
    assert result.returncode != 0
    assert "git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git" in result.stderr
    assert "make run ODOO_SRC=/path/to/odoo" in result.stderr
    assert "make test" not in result.stderr
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_a_folder_that_is_not_odoo_is_never_overwritten(tmp_path, odoo_repo):
    repo, commit = odoo_repo
    target = tmp_path / "odoo18"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = ensure_odoo(tmp_path, target, f"file://{repo}", commit, command="make test")
    assert result.returncode != 0 and "is not an Odoo 18.0 checkout" in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_ubuntu_snap_wrapper_is_not_a_browser(tmp_path):
    """Ubuntu's chromium package is a script that starts the snap: tours cannot use it."""
    for name in ("google-chrome", "chromium", "google-chrome-stable"):
        stub = tmp_path / name
        stub.write_text('#!/bin/sh\nexec /snap/bin/chromium "$@"\n')
        stub.chmod(0o755)
    result = run(["bash", "-c", "source scripts/env.sh && usable_browser || echo none"],
                 env=clean_env(PATH=f"{tmp_path}:/usr/bin:/bin"))
    assert result.stdout.strip() == "none", result.stdout + result.stderr
