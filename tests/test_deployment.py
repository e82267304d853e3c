"""Checks of the deployment files that need no Docker engine (cross-addon)."""

import ast
import configparser
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_docker_files_check_offline():
    result = subprocess.run(["bash", "scripts/check-docker.sh"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docker-compose.yml is valid" in result.stdout


def test_every_addon_is_an_lgpl_18_addon():
    addons = sorted(p.parent.name for p in ROOT.glob("addons/ixl_*/__manifest__.py"))
    assert "ixl_beneficiary" in addons
    for name in addons:
        manifest = ast.literal_eval((ROOT / "addons" / name / "__manifest__.py").read_text())
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"]), name
        assert manifest["license"] == "LGPL-3", name
        assert (ROOT / "addons" / name / "i18n" / "it.po").is_file(), f"{name}: no Italian"


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
