from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTraining(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="in_target")
        cls.edition = cls.make_edition()
        cls.ips_user = new_test_user(cls.env, login="ixl_ips", name="Irene IPS",
                                     groups="ixl_training.group_ixl_ips_operator")
        cls.portal = new_test_user(cls.env, login="ixl_portal_tr", name="Paolo Portal",
                                   groups="base.group_portal")

    def _refused(self, model, vals, message):
        before = self.env[model].search_count([])
        with self.assertRefused(ValidationError, message):
            self.env[model].create(vals)
        self.assertEqual(self.env[model].search_count([]), before, "nothing saved")

    def test_edition_defaults(self):
        self.assertEqual(self.edition.provider_id, self.provider)
        self.assertEqual(self.edition.agreement_id, self.agreement)
        self.assertEqual(self.edition.window_months, 6)
        self.assertEqual(self.edition.currency_id, self.eur)
        self.assertEqual(self.provider.training_agreement_id, self.agreement)

    def test_bad_input_refused(self):
        base = {"name": "Bad", "provider_id": self.provider.id}
        for share in (-1, 100.5, 250):
            self._refused("ixl.training.agreement", {**base, "risk_share": share},
                          "between 0 and 100%")
        edition = {"name": "Bad", "course_id": self.course.id, "date_start": "2025-03-01"}
        self._refused("ixl.course.edition", {**edition, "date_end": "2025-02-28"},
                      "cannot be before its start date")
        self._refused("ixl.course.edition", {**edition, "date_end": "2025-03-01",
                                             "total_cost": -1}, "cannot be negative")

    def test_boundary_values_accepted(self):
        for share in (0, 100):
            agreement = self.env["ixl.training.agreement"].create(
                {"name": f"Share {share}", "provider_id": self.provider.id, "risk_share": share})
            self.assertEqual(agreement.risk_share, share)
        edition = self.make_edition("Same day", date_start="2025-05-05",
                                    date_end="2025-05-05", total_cost=0)
        self.assertEqual(edition.total_cost, 0)

    def test_enrolment_rules(self):
        Package = "ixl.training.package"
        for state in ("registered", "interviewed", "out_of_target", "out_of_protocol"):
            person = self.make_beneficiary(state=state)
            self._refused(Package, {"beneficiary_id": person.id,
                                    "edition_id": self.edition.id}, "is not admitted")
        package = self.env[Package].with_user(self.operator).create(
            {"beneficiary_id": self.person.id, "edition_id": self.edition.id})
        self.assertEqual(package.outcome, "enrolled")
        self._refused(Package, {"beneficiary_id": self.person.id,
                                "edition_id": self.edition.id}, "already enrolled")
        self.assertEqual(self.person.training_package_count, 1)
        action = self.person.action_view_training_packages()
        self.assertEqual(self.env[Package].search(action["domain"]), package)

    def test_access_per_group(self):
        """(model, user, can read, can create) for the main models."""
        users = {"operator": self.operator, "coordinator": self.coordinator,
                 "finance": self.finance, "ips": self.ips_user, "portal": self.portal}
        table = [
            ("ixl.course.edition", {"operator": (1, 1), "coordinator": (1, 1),
                                    "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.training.package", {"operator": (1, 1), "coordinator": (1, 1),
                                      "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.training.agreement", {"operator": (1, 0), "coordinator": (1, 1),
                                        "finance": (1, 0), "ips": (1, 0), "portal": (0, 0)}),
            ("ixl.training.settlement", {"operator": (1, 0), "coordinator": (1, 1),
                                         "finance": (1, 1), "ips": (1, 0), "portal": (0, 0)}),
            ("ixl.ips.path", {"operator": (0, 0), "coordinator": (1, 1),
                              "finance": (0, 0), "ips": (1, 1), "portal": (0, 0)}),
            ("ixl.retraining.seat", {"operator": (1, 1), "coordinator": (1, 1),
                                     "finance": (1, 0), "ips": (1, 1), "portal": (0, 0)}),
        ]
        for model, rights in table:
            for key, (read, create) in rights.items():
                with self.subTest(model=model, user=key):
                    records = self.env[model].with_user(users[key])
                    self.assertEqual(records.has_access("read"), bool(read))
                    self.assertEqual(records.has_access("create"), bool(create))

    def test_operator_cannot_read_packages_as_portal(self):
        self.env["ixl.training.package"].create(
            {"beneficiary_id": self.person.id, "edition_id": self.edition.id})
        with self.assertRaises(AccessError):
            self.env["ixl.training.package"].with_user(self.portal).search([])
