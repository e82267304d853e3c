"""The comparison of the upgrade check (scripts/upgrade_check.py) on small snapshots:
each kind of loss fails, a listed exception is allowed, growth is fine."""

import copy
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import upgrade_check

BEFORE = {
    "models": {"ixl.beneficiary": 64, "ixl.placement": 46},
    "tables": {"ixl_beneficiary": 64, "ixl_beneficiary_ixl_job_area_rel": 81},
    "fields": {"ixl.beneficiary": {"first_name": 64, "followup_comment": 2, "id_document": 0}},
    "selection": {"ixl.beneficiary.state": 0},
    "dashboard": {"this year > registrations > Registrations > In the period > Value": 12},
    "modules": {"ixl_beneficiary": {"state": "installed", "db_version": "18.0.1.0.0",
                                    "code_version": "18.0.1.0.0"}},
}


def after(change):
    data = copy.deepcopy(BEFORE)
    change(data)
    return data


def failures(data, allowed=None):
    lines, count = upgrade_check.compare(BEFORE, data, allowed or {})
    return count, lines


def test_nothing_lost_and_growth_pass():
    def grow(data):
        data["models"]["ixl.beneficiary"] = 70
        data["models"]["ixl.new_model"] = 3
        data["fields"]["ixl.beneficiary"]["new_field"] = 5
        data["modules"]["ixl_new_bridge"] = dict(BEFORE["modules"]["ixl_beneficiary"])

    assert failures(after(grow)) == (0, [])


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["models"].update({"ixl.placement": 45}), "FAIL model ixl.placement: 46 -> 45"),
    (lambda d: d["models"].pop("ixl.placement"), "FAIL model ixl.placement: gone (had 46)"),
    (lambda d: d["tables"].update({"ixl_beneficiary_ixl_job_area_rel": 0}),
     "FAIL table ixl_beneficiary_ixl_job_area_rel: 81 -> 0"),
    (lambda d: d["fields"]["ixl.beneficiary"].pop("followup_comment"),
     "FAIL field ixl.beneficiary.followup_comment: 2 values no longer"),
    (lambda d: d["fields"]["ixl.beneficiary"].update({"first_name": 10}),
     "FAIL field ixl.beneficiary.first_name: values 64 -> 10"),
    (lambda d: d["dashboard"].update(
        {"this year > registrations > Registrations > In the period > Value": 11}),
     "FAIL figure this year > registrations > Registrations > In the period > Value: 12 -> 11"),
    (lambda d: d["dashboard"].clear(), "FAIL figure this year > registrations"),
    (lambda d: d["selection"].update({"ixl.beneficiary.state": 4}),
     "FAIL selection ixl.beneficiary.state: 4 rows hold a value that is not an option"),
    (lambda d: d["modules"]["ixl_beneficiary"].update({"code_version": "18.0.1.1.0"}),
     "FAIL module ixl_beneficiary: installed at 18.0.1.0.0, code at 18.0.1.1.0"),
])
def test_each_loss_fails(change, expected):
    count, lines = failures(after(change))
    assert count == 1
    assert lines[0].startswith(expected), lines


def test_an_empty_field_may_go():
    assert failures(after(lambda d: d["fields"]["ixl.beneficiary"].pop("id_document")))[0] == 0


def test_listed_exception_is_allowed_with_its_reason(tmp_path):
    exceptions = tmp_path / "exceptions.txt"
    exceptions.write_text(
        "# comment\n"
        "field | ixl.beneficiary.followup_comment | moved to followup_note (migration)\n"
        "model | ixl.gone | never matched\n")
    allowed = upgrade_check.read_exceptions(exceptions)
    count, lines = failures(after(
        lambda d: d["fields"]["ixl.beneficiary"].pop("followup_comment")), allowed)
    assert count == 0
    assert lines[0].startswith("allowed field ixl.beneficiary.followup_comment")
    assert lines[0].endswith("(moved to followup_note (migration))")
    assert lines[1] == "note: exception 'model | ixl.gone' matched nothing (remove it?)"


def test_exception_without_reason_is_refused(tmp_path):
    exceptions = tmp_path / "exceptions.txt"
    exceptions.write_text("field | ixl.beneficiary.followup_comment\n")
    with pytest.raises(SystemExit, match=re.escape("kind | key | reason")):
        upgrade_check.read_exceptions(exceptions)


def test_project_exceptions_file_is_valid():
    path = Path(__file__).resolve().parent.parent / "scripts" / "upgrade-exceptions.txt"
    upgrade_check.read_exceptions(path)
