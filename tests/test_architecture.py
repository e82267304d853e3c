"""The map of the addons (docs/architecture.md) stays true, and each thing stays in its
place (issue 19). Plain file checks: no database needed.

- the table and the graph of docs/architecture.md list exactly the addons and the
  dependencies of their manifests, and the bridges are the auto-install addons;
- ixl_beneficiary does not depend on website (public forms live in their own addon);
- no file of code of an addon is longer than 600 lines (Python, JavaScript, XML;
  translations and demo data are data, not code);
- security files are noupdate, no view of the suite shows a workflow button from a
  state list (the flag computed from the action's list does), no addon replaces a page
  of another addon's view, and test-only code is not in the models.
"""

import ast
import re
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
DOC = ROOT / "docs" / "architecture.md"
MAX_LINES = 600
CODE_SUFFIXES = {".py", ".js", ".xml"}
NOT_CODE_DIRS = {"i18n", "demo"}


def manifests():
    return {path.parent.name: ast.literal_eval(path.read_text())
            for path in sorted(ADDONS.glob("ixl_*/__manifest__.py"))}


def section(text, title):
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def doc_table():
    """{addon: (set of dependencies, whether it is a bridge)} of the Addons table."""
    rows = {}
    for line in section(DOC.read_text(), "Addons").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        rows[cells[0].strip("`")] = (set(re.findall(r"`([\w.]+)`", cells[1])),
                                     cells[3].startswith("yes"))
    return rows


def doc_graph():
    """The arrows (addon, dependency) of the mermaid graph."""
    graph = section(DOC.read_text(), "Dependencies between the addons")
    return set(re.findall(r"^\s*(ixl_\w+) --> (ixl_\w+)\s*$", graph, re.M))


def test_table_lists_every_addon_and_its_dependencies():
    table = doc_table()
    found = manifests()
    assert set(table) == set(found), "docs/architecture.md: the addons of the table"
    for name, manifest in found.items():
        depends, bridge = table[name]
        assert depends == set(manifest["depends"]), f"docs/architecture.md: {name} depends"
        assert bridge == bool(manifest.get("auto_install")), f"{name}: bridge or not"


def test_graph_draws_the_dependencies_between_the_addons():
    expected = {(name, dep) for name, manifest in manifests().items()
                for dep in manifest["depends"] if dep.startswith("ixl_")}
    assert doc_graph() == expected


def test_base_does_not_depend_on_website():
    assert "website" not in manifests()["ixl_beneficiary"]["depends"]
    assert "website" in manifests()["ixl_website_registration"]["depends"]


def test_no_code_file_over_600_lines():
    long = []
    for path in ADDONS.glob("ixl_*/**/*"):
        relative = path.relative_to(ADDONS)
        if path.suffix not in CODE_SUFFIXES or NOT_CODE_DIRS & set(relative.parts):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long.append(f"{relative}: {lines}")
    assert not long, f"files over {MAX_LINES} lines: {long}"


def test_security_files_are_noupdate():
    for path in ADDONS.glob("ixl_*/security/*.xml"):
        root = etree.parse(str(path)).getroot()
        assert root.get("noupdate") in ("1", "True"), f"{path.relative_to(ADDONS)}"


def view_files():
    return [path for path in ADDONS.glob("ixl_*/**/*.xml")
            if "views" in path.parts or "wizard" in path.parts]


def test_workflow_buttons_show_from_flags():
    """A button of a form or list is shown from a flag computed from the action's own
    state list, not from a list of states written again in the view."""
    repeated = []
    for path in view_files():
        for button in etree.parse(str(path)).iter("button"):
            if re.search(r"\bstate\b", button.get("invisible") or ""):
                repeated.append(f"{path.relative_to(ADDONS)}: {button.get('name')}")
    assert not repeated, repeated


def test_no_view_replaces_a_page_of_another_addon():
    replaced = []
    for path in view_files():
        for node in etree.parse(str(path)).iter():
            if isinstance(node.tag, str) and node.get("position") == "replace":
                replaced.append(f"{path.relative_to(ADDONS)}: {node.tag} {node.get('name')}")
    assert not replaced, replaced


def test_test_only_code_is_not_in_the_models():
    for path in ADDONS.glob("ixl_*/models/*.py"):
        assert "_rank_naive" not in path.read_text(), path.relative_to(ADDONS)
