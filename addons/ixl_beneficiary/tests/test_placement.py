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
        self.assertEqual((placement.gender, placement.nationality_group), ("female", "italian"))
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
            # a constraint refuses the placement once inserted: the request's rollback
            # (here assertRefused's savepoint) takes it away, nothing to check after it
            with self.subTest(state=state), self.assertRefused("not admitted"):
                self._place(beneficiary_id=other.id)

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

    def _continue(self, placement, **values):
        action = placement.with_user(self.operator).action_continue()
        form = Form(self.env["ixl.placement"].with_user(self.operator)
                    .with_context(**action["context"]))
        for name, value in values.items():
            setattr(form, name, value)
        return form

    def test_follow_ups_for_a_person_out_of_protocol_because_employed(self):
        """Issue 15: the person works, so staff moved them out of protocol; the
        fixed-term contract is renewed, then transformed into a permanent one."""
        first = self._place()  # fixed-term, February to July 2026
        wizard = self.wizard_form(self.person, "action_out_of_protocol")
        wizard.reason = "employed"
        wizard.send_email = False
        wizard.save().action_confirm()
        self.assertEqual(self.person.state, "out_of_protocol")
        form = self._continue(first, date_end="2027-01-31")
        self.assertEqual((form.beneficiary_id, form.employer_id, form.relation,
                          form.contract_type, str(form.date_start)),
                         (self.person, self.employer, "renewal", "fixed_term", "2026-08-01"))
        renewal = form.save()
        self.assertEqual(renewal.previous_placement_id, first)
        transformation = self._continue(
            renewal, relation="transformation", contract_type="permanent",
            date_start="2026-11-01", date_end=False).save()
        self.assertTrue(transformation.is_permanent)
        extension = self._continue(transformation, relation="extension", weekly_hours=38)
        self.assertEqual(extension.save().weekly_hours, 38)
        self.assertEqual(self.person.placement_count, 4)
        # a new placement still needs an admitted person
        form = Form(self.env["ixl.placement"].with_user(self.operator))
        form.beneficiary_id = self.person
        form.employer_id = self.employer
        form.date_start = "2027-03-01"
        form.contract_type = "fixed_term"
        with self.assertRaisesRegex(ValidationError, "not admitted"):
            form.save()

    def test_person_chosen_by_the_relation(self):
        """The form offers only admitted people for a new placement, anyone for a
        follow-up (the domain of the person follows the relation)."""
        view = self.env["ixl.placement"].get_view(
            self.env.ref("ixl_beneficiary.ixl_placement_view_form").id, "form")
        self.assertIn("if relation == 'new' else []", view["arch"])

    def test_nationality_not_recorded(self):
        other = self.make_beneficiary(state="active")
        placement = self._place(beneficiary_id=other.id)
        self.assertEqual(placement.nationality_group, "unknown")
