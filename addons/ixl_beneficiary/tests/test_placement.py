from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import IxlCase


@tagged("post_install", "-at_install")
class TestPlacement(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="active", birthdate_date="1991-03-10",
                                          gender="female", nationality_id=cls.env.ref("base.it").id)

    def _place(self, **vals):
        values = {"beneficiary_id": self.person.id, "employer_id": self.employer.id,
                  "placement_type": "hire", "contract_type": "fixed_term",
                  "date_start": "2026-02-01", "date_end": "2026-07-31", "weekly_hours": 30}
        values.update(vals)
        return self.env["ixl.placement"].with_user(self.operator).create(values)

    def test_hire_and_report_fields(self):
        placement = self._place()
        self.assertEqual(placement.age_at_start, 34)
        self.assertEqual(placement.age_band, "under_35")
        self.assertEqual((placement.gender, placement.is_italian), ("female", True))
        self.assertFalse(placement.is_permanent)
        later = self._place(date_start="2026-03-10", date_end=False, contract_type="permanent",
                            relation="transformation", previous_placement_id=placement.id)
        self.assertEqual(later.age_band, "35_over")
        self.assertTrue(later.is_permanent)
        self.assertEqual(self.person.placement_count, 2)
        self.assertEqual(self.employer.ixl_placement_count, 2)

    def test_refusals(self):
        cases = [
            ({"date_end": "2026-01-01"}, "end date"),
            ({"placement_type": "mini_job", "contract_type": False, "weekly_hours": 20},
             "mini job"),
            ({"contract_type": False}, "contract"),
            ({"placement_type": "internship"}, "Only a hire"),
            ({"relation": "renewal"}, "must point"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message):
                with self.cr.savepoint():
                    self._place(**vals)
        self.assertEqual(self._place(placement_type="mini_job", contract_type=False,
                                     weekly_hours=19.5).placement_type, "mini_job")

    def test_not_admitted_refused(self):
        others = self.env["ixl.beneficiary"]
        for state in ("registered", "out_of_target", "out_of_protocol"):
            other = self.make_beneficiary(state=state)
            others |= other
            with self.subTest(state=state), self.assertRaisesRegex(ValidationError, "not admitted"):
                with self.cr.savepoint():
                    self._place(beneficiary_id=other.id)
        self.assertFalse(self.env["ixl.placement"].search([("beneficiary_id", "in", others.ids)]))

    def test_continuation_rules(self):
        first = self._place()
        other = self.make_beneficiary(state="in_target")
        with self.assertRaisesRegex(ValidationError, "same person"), self.cr.savepoint():
            self._place(beneficiary_id=other.id, relation="renewal",
                        previous_placement_id=first.id)
        with self.assertRaisesRegex(ValidationError, "start before"), self.cr.savepoint():
            self._place(date_start="2026-01-01", date_end=False, relation="extension",
                        previous_placement_id=first.id)
        with self.assertRaisesRegex(ValidationError, "renews, extends"), self.cr.savepoint():
            self._place(date_start="2026-08-01", date_end=False, previous_placement_id=first.id)
        renewal = self._place(date_start="2026-08-01", date_end="2027-01-31",
                              relation="renewal", previous_placement_id=first.id)
        self.assertEqual(renewal.previous_placement_id, first)

    def test_form_shows_contract_only_for_hires(self):
        form = Form(self.env["ixl.placement"].with_user(self.operator))
        form.beneficiary_id = self.person
        form.employer_id = self.employer
        form.date_start = "2026-02-01"
        form.placement_type = "internship"
        with self.assertRaises(AssertionError):
            form.contract_type = "permanent"  # invisible for internships
        form.placement_type = "hire"
        form.contract_type = "permanent"
        placement = form.save()
        self.assertTrue(placement.is_permanent)
