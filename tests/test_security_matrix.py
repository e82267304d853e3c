"""The access matrix of the whole suite, checked against docs/security.md.

Every ``ixl.*`` model of the installed addons (transient and abstract ones included) must
have a row in the table of docs/security.md, and every IXL group, the portal and the
plain internal user must have exactly the rights written there (r read, w write,
c create, u unlink; "-" none), as ``has_access`` answers for a user of that group alone.
A new model, group or right without a written decision fails here. Runs with every
ixl_* addon installed.
"""

import re
from pathlib import Path

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

DOC = Path(__file__).resolve().parent.parent / "docs" / "security.md"
OPS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
# column of docs/security.md -> group given to the test user of that column
COLUMNS = {
    "Operator": "ixl_beneficiary.group_ixl_operator",
    "Coordinator": "ixl_beneficiary.group_ixl_coordinator",
    "Finance": "ixl_beneficiary.group_ixl_finance",
    "Administrator": "ixl_beneficiary.group_ixl_admin",
    "Committee": "ixl_microcredit.group_ixl_committee",
    "IPS operator": "ixl_training.group_ixl_ips_operator",
    "Portal": "base.group_portal",
    "Internal user": "base.group_user",
}
IXL_MODULES = ("ixl_beneficiary", "ixl_board", "ixl_calls", "ixl_microcredit",
               "ixl_outreach", "ixl_privacy", "ixl_training")


def read_matrix(text):
    """{model: {column: letters}} from the table whose header is "| Model | ... | Why |"."""
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("| Model |") and line.endswith("| Why |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    matrix = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = dict(zip(header, cells, strict=True))
        model = row["Model"].strip("`")
        assert model not in matrix, f"{model} twice in docs/security.md"
        assert row.get("Why"), f"{model}: no reason given in docs/security.md"
        matrix[model] = {column: row[column].replace("-", "") for column in COLUMNS}
    return matrix


@tagged("post_install", "-at_install")
class TestSecurityMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = read_matrix(DOC.read_text())
        cls.users = {
            column: new_test_user(cls.env, login=f"matrix_{index}", groups=group)
            for index, (column, group) in enumerate(COLUMNS.items())
        }

    def test_every_model_has_a_decision(self):
        models = {name for name in self.env.registry if name.startswith("ixl.")}
        self.assertFalse(models - set(self.matrix),
                         "models without a row in docs/security.md")
        self.assertFalse(set(self.matrix) - models,
                         "rows of docs/security.md for models that do not exist")

    def test_every_ixl_group_has_a_column(self):
        groups = self.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "in", IXL_MODULES)])
        xmlids = {f"{data.module}.{data.name}" for data in groups}
        self.assertEqual(xmlids - set(COLUMNS.values()), set(),
                         "groups of the IXL addons without a column in docs/security.md")

    def test_rights_match_the_table(self):
        wrong = []
        for model, expected in sorted(self.matrix.items()):
            if model not in self.env:
                continue
            for column, user in self.users.items():
                letters = expected[column]
                self.assertFalse(set(letters) - set(OPS), f"{model}/{column}: {letters!r}")
                records = self.env[model].with_user(user)
                actual = "".join(letter for letter, op in OPS.items()
                                 if records.has_access(op))
                if actual != "".join(letter for letter in OPS if letter in letters):
                    wrong.append(f"{model} / {column}: table {letters or '-'}, "
                                 f"actual {actual or '-'}")
        self.assertFalse(wrong, "docs/security.md and the rights differ:\n" + "\n".join(wrong))

    def test_no_related_field_copies_a_restricted_field_of_a_person(self):
        """A related field is read as superuser: one that reaches a field of
        ixl.beneficiary restricted to some groups (email, phone, birth date, exit reason)
        would show it to everybody who reads its model. It must be restricted too."""
        Person = self.env["ixl.beneficiary"]
        leaks = []
        for model_name in self.env.registry:
            for field in self.env[model_name]._fields.values():
                if not field.related or not field.compute_sudo or field.groups \
                        or (model_name == Person._name and field.inherited):
                    continue
                reached = self._person_field_reached(model_name, field.related.split("."))
                if reached is not None and reached.groups:
                    leaks.append(f"{model_name}.{field.name} = {field.related}")
        self.assertFalse(leaks, "related fields exposing restricted data of people")

    def _person_field_reached(self, model_name, path):
        """The field of ixl.beneficiary that ``path`` reads, when it goes through one."""
        model = self.env[model_name]
        for index, name in enumerate(path):
            field = model._fields.get(name)
            if field is None:
                return None
            if model._name == "ixl.beneficiary" and index:
                if name == "partner_id" and index + 1 < len(path):
                    # the person's contact: judged by the field as ixl.beneficiary has it
                    return model._fields.get(path[index + 1])
                return field
            if field.relational:
                model = self.env[field.comodel_name]
        return None


def test_table_is_well_formed():
    """The table parses without Odoo (a quick check for whoever edits the page)."""
    matrix = read_matrix(DOC.read_text())
    assert "ixl.beneficiary" in matrix
    assert all(re.fullmatch("r?w?c?u?", cells[column]) for cells in matrix.values()
               for column in COLUMNS)
