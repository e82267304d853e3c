"""Every door, not only the button: the suite's states and decisions change only
through their actions.

The test enumerates every model of the suite (every ``ixl.*`` model of the installed
addons, and the fields the suite adds to Odoo's models) and every state-like field
(a stored Selection named ``state``, ``decision`` or ``*_state``), then:
- checks that the model keeps the field behind ``ixl.workflow.mixin``;
- tries, as each IXL group, a portal user and a plain internal user, a ``create`` that
  sets another value and a ``write`` of another value on a record of the model (one
  built by the data of the database, when it has one), as a JSON-RPC ``call_kw`` or
  XML-RPC ``write`` would: each must be refused.
A new model with a state that forgets the mixin fails here.
"""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

STATE_NAMES = {"state", "decision"}
GROUPS = {
    "operator": "ixl_beneficiary.group_ixl_operator",
    "coordinator": "ixl_beneficiary.group_ixl_coordinator",
    "finance": "ixl_beneficiary.group_ixl_finance",
    "ixl_admin": "ixl_beneficiary.group_ixl_admin",
    "internal": "base.group_user",
    "portal": "base.group_portal",
}


def is_state_like(field):
    return (field.type == "selection" and field.store and not field.compute
            and not field.related
            and (field.name in STATE_NAMES or field.name.endswith(("_state", "_decision"))))


@tagged("post_install", "-at_install")
class TestWorkflowLocks(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            name: new_test_user(cls.env, login=f"lock_{name}", groups=group)
            for name, group in GROUPS.items()
        }
        cls.state_fields = [
            (model_name, field)
            for model_name, model in cls.env.registry.items()
            if not model._abstract and (
                model_name.startswith("ixl.") or model_name == "res.partner")
            for field in model._fields.values()
            if is_state_like(field) and (
                model_name.startswith("ixl.") or field.name.startswith("ixl_"))
        ]

    def test_state_fields_are_found(self):
        names = {f"{model}.{field.name}" for model, field in self.state_fields}
        self.assertIn("ixl.beneficiary.state", names)
        self.assertGreaterEqual(len(names), 10, names)

    def test_every_state_field_is_locked(self):
        for model_name, field in self.state_fields:
            with self.subTest(field=f"{model_name}.{field.name}"):
                model = self.env[model_name]
                self.assertIn(field.name, getattr(model, "_ixl_locked_fields", ()),
                              "not behind ixl.workflow.mixin")
                self.assertFalse(field.copy, "a copy would carry the state")

    def _other_value(self, model, field, current=None):
        values = [key for key, _label in field._description_selection(self.env)]
        default = model.default_get([field.name]).get(field.name)
        for value in values:
            if value not in (current, default):
                return value
        return None

    def test_create_with_a_state_is_refused_for_everyone(self):
        for model_name, field in self.state_fields:
            model = self.env[model_name]
            value = self._other_value(model, field)
            if value is None:
                continue
            for user_name, user in self.users.items():
                with self.subTest(field=f"{model_name}.{field.name}", user=user_name), \
                        self.assertRaises(AccessError):
                    model.with_user(user).create({field.name: value})

    def test_write_of_a_state_is_refused_for_everyone(self):
        tried = set()
        for model_name, field in self.state_fields:
            record = self.env[model_name].with_context(active_test=False).search(
                [(field.name, "!=", False)], limit=1)
            if not record:
                continue
            value = self._other_value(record, field, record[field.name])
            if value is None:
                continue
            tried.add(model_name)
            for user_name, user in self.users.items():
                with self.subTest(field=f"{model_name}.{field.name}", user=user_name), \
                        self.assertRaises(AccessError):
                    record.with_user(user).write({field.name: value})
                self.assertNotEqual(record[field.name], value)
        # The database of make test has every addon's demo records: most models have one.
        self.assertGreaterEqual(len(tried), 5, tried)

    def test_a_default_in_the_context_does_not_set_a_state(self):
        """The web client sends ``default_<field>`` keys with create: a forged one must not
        register a person directly as active."""
        from odoo.addons.ixl_beneficiary.tests.common import make_fiscal_code

        person = self.env["ixl.beneficiary"].with_user(self.users["operator"]).with_context(
            default_state="active").create({
                "first_name": "Anna", "last_name": "Verdi",
                "fiscal_code": make_fiscal_code("VERDI", "ANNA", "1990-03-02", female=True),
            })
        self.assertEqual(person.state, "registered")

    def test_derived_figures_are_written_by_their_compute_only(self):
        """What a model derives and stores (ages, waits, totals paid, windows, the
        placements' IPS path...) feeds the programme in numbers: a ``write`` of another
        value over RPC is refused for every group that may write the model."""
        derived = [
            (model_name, name) for model_name in self.env.registry
            if model_name.startswith("ixl.") and not self.env[model_name]._abstract
            and not self.env[model_name]._transient
            and hasattr(self.env[model_name], "_ixl_derived_fields")
            for name in self.env[model_name]._ixl_derived_fields()
        ]
        names = {f"{model}.{name}" for model, name in derived}
        for expected in ("ixl.beneficiary.interview_wait_days", "ixl.placement.age_at_start",
                         "ixl.loan.amount_repaid", "ixl.internship.total_paid",
                         "ixl.beneficiary.skill.level_progress"):
            self.assertIn(expected, names)
        tried = 0
        for model_name, name in derived:
            field = self.env[model_name]._fields[name]
            other = {"integer": 999, "float": 999.0, "monetary": 999.0, "char": "X",
                     "date": "2001-01-01", "datetime": "2001-01-01 00:00:00"}.get(field.type)
            record = self.env[model_name].with_context(active_test=False).search([], limit=1)
            if other is None or not record:
                continue
            tried += 1
            for user_name in ("operator", "coordinator", "finance", "ixl_admin"):
                with self.subTest(field=f"{model_name}.{name}", user=user_name), \
                        self.assertRaises(AccessError):
                    record.with_user(self.users[user_name]).write({name: other})
        self.assertGreaterEqual(tried, 10)
