from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


@tagged("post_install", "-at_install")
class TestInternship(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="active")
        cls.eur = cls.env.ref("base.EUR")
        cls.other_company = cls.env["res.partner"].create(
            {"name": "Altra Ditta Srl", "is_company": True})

    def _internship(self, **vals):
        values = {"partner_id": self.employer.id, "beneficiary_id": self.person.id,
                  "tutor_name": "Tina Tutor", "tutor_email": "tina@example.com",
                  "date_start": "2026-01-15", "date_end": "2026-04-10",
                  "monthly_indemnity": 600}
        values.update(vals)
        return self.env["ixl.internship"].with_user(self.operator).create(values)

    def _suspend(self, internship, date_from, date_to, due=True):
        return self.env["ixl.internship.suspension"].with_user(self.operator).create({
            "internship_id": internship.id, "date_from": date_from, "date_to": date_to,
            "reason": "Regional ordinance", "indemnity_due": due})

    def _months(self, internship):
        return [(line.month, line.days_in_period, line.days_suspended, line.days_paid,
                 line.amount) for line in internship.month_ids]

    def test_indemnity_per_month(self):
        internship = self._internship()
        self.assertEqual(internship.currency_id, self.eur)
        self.assertEqual(self._months(internship), [
            (date(2026, 1, 1), 17, 0, 17, 329.03),
            (date(2026, 2, 1), 28, 0, 28, 600.0),
            (date(2026, 3, 1), 31, 0, 31, 600.0),
            (date(2026, 4, 1), 10, 0, 10, 200.0),
        ])
        self.assertAlmostEqual(internship.total_indemnity, 1729.03, places=2)
        # Rebuilt when the indemnity or the dates change.
        internship.monthly_indemnity = 450
        self.assertEqual(internship.month_ids.mapped("amount"), [246.77, 450, 450, 150])
        internship.write({"date_start": "2026-02-01", "date_end": "2026-02-28"})
        self.assertEqual(self._months(internship), [(date(2026, 2, 1), 28, 0, 28, 450.0)])
        self.assertEqual(internship.total_indemnity, 450)

    def test_suspensions(self):
        internship = self._internship()
        # Indemnity still due (income support): amount unchanged, days reported.
        paid = self._suspend(internship, "2026-02-10", "2026-02-19")
        self.assertEqual(paid.days, 10)
        self.assertEqual(self._months(internship)[1], (date(2026, 2, 1), 28, 10, 28, 600.0))
        # Not due, across two months: those days are not paid.
        unpaid = self._suspend(internship, "2026-03-25", "2026-04-02", due=False)
        months = self._months(internship)
        self.assertEqual(months[2], (date(2026, 3, 1), 31, 7, 24, 464.52))
        self.assertEqual(months[3], (date(2026, 4, 1), 10, 2, 8, 160.0))
        self.assertAlmostEqual(internship.total_indemnity, 329.03 + 600 + 464.52 + 160, places=2)
        unpaid.indemnity_due = True
        self.assertEqual(internship.month_ids.mapped("amount"), [329.03, 600, 600, 200])
        (paid | unpaid).unlink()
        self.assertEqual(sum(internship.month_ids.mapped("days_suspended")), 0)

    def test_form(self):
        with Form(self.env["ixl.internship"].with_user(self.operator)) as form:
            form.beneficiary_id = self.person
            form.partner_id = self.employer
            form.date_start = date(2026, 3, 1)
            form.date_end = date(2026, 3, 31)
            form.monthly_indemnity = 500
            with form.suspension_ids.new() as line:
                line.date_from = date(2026, 3, 1)
                line.date_to = date(2026, 3, 10)
                line.indemnity_due = False
        internship = form.record
        self.assertEqual(self._months(internship), [(date(2026, 3, 1), 31, 10, 21, 338.71)])

    def test_refusals(self):
        internship = self._internship()
        self._suspend(internship, "2026-02-10", "2026-02-19")
        cases = [
            (lambda: self._suspend(internship, "2026-02-15", "2026-02-25"), "overlaps"),
            (lambda: self._suspend(internship, "2026-02-01", "2026-02-10"), "overlaps"),
            (lambda: self._suspend(internship, "2026-01-10", "2026-01-20"), "outside"),
            (lambda: self._suspend(internship, "2026-04-05", "2026-04-11"), "outside"),
            (lambda: self._suspend(internship, "2026-03-10", "2026-03-01"), "before it starts"),
            (lambda: internship.write({"date_end": "2026-02-15"}), "outside"),
            (lambda: self._internship(date_end="2026-01-14"), "before it starts"),
            (lambda: self._internship(monthly_indemnity=-1), "negative"),
            (lambda: self._internship(partner_id=self.operator.partner_id.id), "not a company"),
        ]
        for state in ("registered", "interviewed", "out_of_target", "out_of_protocol"):
            other = self.make_beneficiary(state=state)
            cases.append((lambda other=other: self._internship(beneficiary_id=other.id),
                          "not admitted"))
        for action, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(ValidationError, message):
                with self.cr.savepoint():
                    action()
        self._suspend(internship, "2026-02-20", "2026-02-21")

    def test_start_and_close_hired(self):
        internship = self._internship(job_title="Warehouse clerk")
        internship.action_start()
        placement = internship.placement_id
        self.assertEqual(internship.state, "ongoing")
        self.assertRecordValues(placement, [{
            "placement_type": "internship", "employer_id": self.employer.id,
            "beneficiary_id": self.person.id, "date_start": date(2026, 1, 15),
            "date_end": date(2026, 4, 10), "internship_id": internship.id,
            "job_title": "Warehouse clerk", "relation": "new"}])
        with self.assertRaisesRegex(UserError, "Only a draft"):
            internship.action_start()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            internship.action_cancel()
        # An ongoing internship can be extended; its placement follows.
        internship.date_end = "2026-04-30"
        self.assertEqual(placement.date_end, date(2026, 4, 30))
        internship.action_close_hired_permanent()
        self.assertEqual((internship.state, internship.outcome), ("done", "hired_permanent"))
        self.assertRecordValues(internship.hire_placement_id, [{
            "placement_type": "hire", "contract_type": "permanent",
            "employer_id": self.employer.id, "beneficiary_id": self.person.id,
            "date_start": date(2026, 5, 1), "date_end": False, "relation": "transformation",
            "previous_placement_id": placement.id}])
        self.assertTrue(internship.hire_placement_id.is_permanent)
        with self.assertRaisesRegex(UserError, "Only an ongoing"):
            internship.action_close("ended")

    def test_close_other_outcomes(self):
        fixed = self._internship()
        fixed.action_start()
        fixed.action_close("hired_fixed_term", hire_start="2026-05-04")
        self.assertRecordValues(fixed.hire_placement_id, [{
            "contract_type": "fixed_term", "date_start": date(2026, 5, 4)}])
        for outcome in ("continued", "ended"):
            internship = self._internship()
            internship.action_start()
            getattr(internship, f"action_close_{outcome}")()
            self.assertEqual((internship.outcome, internship.hire_placement_id.id),
                             (outcome, False))
        internship = self._internship()
        internship.action_start()
        with self.assertRaisesRegex(UserError, "Unknown"):
            internship.action_close("promoted")
        draft = self._internship()
        draft.action_cancel()
        self.assertEqual(draft.state, "cancelled")
        with self.assertRaisesRegex(UserError, "Only an ongoing"):
            draft.action_close("ended")

    def test_done_is_locked(self):
        internship = self._internship()
        suspension = self._suspend(internship, "2026-02-10", "2026-02-19")
        internship.action_start()
        internship.action_close_ended()
        for vals in ({"date_end": "2026-04-20"}, {"date_start": "2026-01-16"},
                     {"monthly_indemnity": 700}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "closed"):
                internship.write(vals)
        with self.assertRaisesRegex(UserError, "closed"):
            suspension.indemnity_due = False
        with self.assertRaisesRegex(UserError, "closed"):
            self._suspend(internship, "2026-03-01", "2026-03-02")
        with self.assertRaisesRegex(UserError, "closed"):
            suspension.unlink()
        with self.assertRaisesRegex(UserError, "has started"):
            internship.with_user(self.coordinator).unlink()
        internship.tutor_name = "Another tutor"
        self.assertEqual(internship.total_indemnity, 1729.03)

    def test_finance_reads_only(self):
        internship = self._internship()
        as_finance = internship.with_user(self.finance)
        self.assertEqual(as_finance.total_indemnity, 1729.03)
        self.assertEqual(len(as_finance.month_ids), 4)
        with self.assertRaises(AccessError):
            as_finance.write({"monthly_indemnity": 700})
        with self.assertRaises(AccessError):
            as_finance.action_start()
        self.assertEqual(internship.state, "draft")

    def test_portal_sees_own_company_only(self):
        internship = self._internship()
        self._internship(partner_id=self.other_company.id)
        Partner = self.env["res.partner"]
        host_contact = Partner.create({"name": "Host HR", "parent_id": self.employer.id})
        third = Partner.create({"name": "Terza Srl", "is_company": True})
        other_contact = Partner.create({"name": "Other HR", "parent_id": third.id})
        host_user = new_test_user(self.env, login="host_portal", groups="base.group_portal",
                                  partner_id=host_contact.id)
        stranger = new_test_user(self.env, login="other_portal", groups="base.group_portal",
                                 partner_id=other_contact.id)
        Internship = self.env["ixl.internship"]
        self.assertEqual(Internship.with_user(host_user).search([]), internship)
        rows = Internship.with_user(host_user).search_read([])
        self.assertEqual([row["id"] for row in rows], internship.ids)
        self.assertNotIn("beneficiary_id", rows[0])
        self.assertEqual(rows[0]["display_name"], f"Mario {self.person.last_name[0]}. - "
                                                  "Acme Pulizie")
        months = self.env["ixl.internship.month"].with_user(host_user).search_read([])
        self.assertEqual(len(months), 4)
        self.assertEqual(Internship.with_user(stranger).search_read([]), [])
        self.assertEqual(
            self.env["ixl.internship.month"].with_user(stranger).search_read([]), [])
        with self.assertRaises(AccessError):
            internship.with_user(stranger).read(["date_start"])

    def test_ongoing_internship_blocks_erasure(self):
        internship = self._internship(note="<p>Tutor says she is often tired</p>")
        self.assertEqual(self.person._privacy_erasure_blockers(), [])
        internship.action_start()
        reasons = self.person._privacy_erasure_blockers()
        self.assertEqual(len(reasons), 1)
        self.assertIn("internship is ongoing", reasons[0])
        self.assertTrue(any(internship in records
                            for records in self.person._privacy_related_records()
                            if records._name == "ixl.internship"))
        internship.action_close_continued()
        self.assertEqual(self.person._privacy_erasure_blockers(), [])
        self.person._privacy_anonymise_related()
        self.assertFalse(internship.note)
        self.assertEqual(internship.state, "done")
