from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import InternshipCase


@tagged("post_install", "-at_install")
class TestInternship(InternshipCase):
    """Internships of 2026 recorded in December 2025: every month is still open."""

    freeze_time = "2025-12-15 10:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.partner"].create(
            {"name": "Altra Ditta Srl", "is_company": True})

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
        self.assertEqual(set(internship.month_ids.mapped("monthly_indemnity")), {450})
        internship.write({"date_start": "2026-02-01", "date_end": "2026-03-31"})
        self.assertEqual(self._months(internship), [(date(2026, 2, 1), 28, 0, 28, 450.0),
                                                    (date(2026, 3, 1), 31, 0, 31, 450.0)])
        self.assertEqual(internship.total_indemnity, 900)

    def test_suspension_not_paid_by_default(self):
        """Issue 15.20: a suspension pays nothing unless a coordinator decides it, with
        the reason."""
        internship = self._internship()
        self._suspend(internship, "2026-02-10", "2026-02-19")
        suspension = internship.suspension_ids
        self.assertEqual((suspension.days, suspension.indemnity_due), (10, False))
        self.assertEqual(self._months(internship)[1], (date(2026, 2, 1), 28, 10, 18, 385.71))
        # An operator cannot decide to keep paying it (the field is not even on their form).
        Suspend = self.env["ixl.internship.suspend"]
        paid = {"internship_id": internship.id, "date_from": "2026-03-25",
                "date_to": "2026-04-02", "indemnity_due": True,
                "indemnity_reason": "Regional ordinance: income support"}
        with self.assertRaises(AccessError):
            Suspend.with_user(self.operator).create(paid).action_confirm()
        with self.assertRaisesRegex(ValidationError, "record its reason"), \
                self.cr.savepoint():
            Suspend.with_user(self.coordinator).create(
                dict(paid, indemnity_reason="  ")).action_confirm()
        self.assertEqual(len(internship.suspension_ids), 1)
        self._suspend(internship, "2026-03-25", "2026-04-02", user=self.coordinator,
                      indemnity_due=True, indemnity_reason=paid["indemnity_reason"])
        months = self._months(internship)
        self.assertEqual(months[2], (date(2026, 3, 1), 31, 7, 31, 600.0))
        self.assertEqual(months[3], (date(2026, 4, 1), 10, 2, 10, 200.0))
        self.assertEqual(internship.suspension_ids[1].indemnity_reason,
                         "Regional ordinance: income support")
        internship.suspension_ids.with_user(self.operator).unlink()
        self.assertEqual(sum(internship.month_ids.mapped("days_suspended")), 0)
        self.assertAlmostEqual(internship.total_indemnity, 1729.03, places=2)

    def test_form(self):
        with Form(self.env["ixl.internship"].with_user(self.operator)) as form:
            form.beneficiary_id = self.person
            form.partner_id = self.employer
            form.date_start = date(2026, 3, 1)
            form.date_end = date(2026, 4, 30)
            form.monthly_indemnity = 500
        internship = form.record
        self.assertEqual(internship.kind, "internship")
        self._suspend(internship, date(2026, 3, 1), date(2026, 3, 10))
        self.assertEqual(self._months(internship), [(date(2026, 3, 1), 31, 10, 21, 338.71),
                                                    (date(2026, 4, 1), 30, 0, 30, 500.0)])

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
        internship.with_user(self.operator).action_start()
        placement = internship.placement_id
        self.assertEqual(internship.state, "ongoing")
        self.assertRecordValues(placement, [{
            "placement_type": "internship", "employer_id": self.employer.id,
            "beneficiary_id": self.person.id, "date_start": date(2026, 1, 15),
            "date_end": date(2026, 4, 10), "internship_id": internship.id,
            "job_title": "Warehouse clerk", "relation": "new"}])
        with self.assertRaisesRegex(UserError, "Only a draft"):
            internship.with_user(self.operator).action_start()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            internship.with_user(self.operator).action_cancel()
        # The intern leaves early: the last day shortens the internship and its months.
        with self.assertRaisesRegex(UserError, "extend it"):
            self._close(internship, "ended", date_end=date(2026, 4, 30))
        self._close(internship, "hired_permanent", date_end=date(2026, 3, 31))
        self.assertEqual((internship.state, internship.outcome), ("done", "hired_permanent"))
        self.assertEqual(len(internship.month_ids), 3)
        self.assertEqual(placement.date_end, date(2026, 3, 31))
        self.assertRecordValues(internship.hire_placement_id, [{
            "placement_type": "hire", "contract_type": "permanent",
            "employer_id": self.employer.id, "beneficiary_id": self.person.id,
            "date_start": date(2026, 4, 1), "date_end": False, "relation": "transformation",
            "previous_placement_id": placement.id}])
        self.assertTrue(internship.hire_placement_id.is_permanent)
        with self.assertRaisesRegex(UserError, "Only an ongoing"):
            internship.with_user(self.operator).action_close("ended")

    def test_close_other_outcomes(self):
        fixed = self._internship()
        fixed.with_user(self.operator).action_start()
        self._close(fixed, "hired_fixed_term", hire_start=date(2026, 5, 4))
        self.assertRecordValues(fixed.hire_placement_id, [{
            "contract_type": "fixed_term", "date_start": date(2026, 5, 4)}])
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        self._close(internship, "ended")
        self.assertEqual((internship.outcome, internship.hire_placement_id.id), ("ended", False))
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        for outcome in ("promoted", "continued"):
            with self.assertRaisesRegex(UserError, "Unknown"):
                internship.with_user(self.operator).action_close(outcome)
        draft = self._internship()
        draft.with_user(self.operator).action_cancel()
        self.assertEqual(draft.state, "cancelled")
        with self.assertRaisesRegex(UserError, "Only an ongoing"):
            draft.with_user(self.operator).action_close("ended")

    def test_traineeship_records_a_traineeship(self):
        """Issue 15.11: a tirocinio is recorded as one, not as a stage."""
        internship = self._internship(kind="traineeship")
        internship.with_user(self.operator).action_start()
        self.assertEqual(internship.placement_id.placement_type, "traineeship")
        self._extend(internship, date(2026, 6, 30))
        self._close(internship, "hired_fixed_term")
        placements = internship.placement_ids.sorted("date_start")
        self.assertEqual(placements.mapped("placement_type"),
                         ["traineeship", "traineeship", "hire"])

    def test_extension_continues_the_internship(self):
        """Issue 15.11: the extension is the same internship going on, and its placement
        an extension of the internship's placement; the person, who meanwhile works and
        is out of protocol, needs no admission for it."""
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        first = internship.placement_id
        self.person.write({"state": "out_of_protocol"})
        with self.assertRaisesRegex(UserError, "after the current end"):
            self._extend(internship, date(2026, 4, 10))
        self._extend(internship, date(2026, 5, 31))
        self.assertEqual((internship.state, internship.date_end), ("ongoing", date(2026, 5, 31)))
        self.assertEqual(self._months(internship)[3:], [
            (date(2026, 4, 1), 30, 0, 30, 600.0), (date(2026, 5, 1), 31, 0, 31, 600.0)])
        extension = internship.placement_ids - first
        self.assertRecordValues(extension, [{
            "relation": "extension", "previous_placement_id": first.id,
            "placement_type": "internship", "date_start": date(2026, 4, 11),
            "date_end": date(2026, 5, 31), "internship_id": internship.id}])
        self.assertEqual(first.date_end, date(2026, 4, 10))
        self._extend(internship, date(2026, 6, 15))
        second = internship.placement_ids - first - extension
        self.assertEqual(second.previous_placement_id, extension)
        self._close(internship, "hired_fixed_term")
        self.assertEqual(internship.hire_placement_id.previous_placement_id, second)
        self.assertAlmostEqual(internship.total_indemnity, 329.03 + 600 * 4 + 300, places=2)

    def test_extend_an_internship_closed_as_continued(self):
        """Internships closed as "continued" before the Extend action existed go on."""
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        internship.sudo().write({"state": "done", "outcome": "continued"})  # as back then
        self._extend(internship, date(2026, 5, 31))
        self.assertEqual((internship.state, internship.outcome), ("ongoing", False))
        self.assertEqual(len(internship.placement_ids), 2)
        ended = self._internship()
        ended.with_user(self.operator).action_start()
        self._close(ended, "ended")
        with self.assertRaisesRegex(UserError, "cannot"):
            ended.with_user(self.operator).action_extend("2026-05-31")

    def test_finance_reads_only(self):
        internship = self._internship()
        as_finance = internship.with_user(self.finance)
        self.assertEqual(as_finance.total_indemnity, 1729.03)
        self.assertEqual(len(as_finance.month_ids), 4)
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(AccessError, "not allowed to modify"):
            as_finance.write({"monthly_indemnity": 700})
        with self.assertRaisesRegex(AccessError, "can do this"):
            as_finance.action_start()
        with self.assertRaisesRegex(AccessError, "not allowed"):
            self._extend(internship, date(2026, 5, 31), user=self.finance)
        self.assertEqual((internship.state, internship.monthly_indemnity), ("draft", 600))

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
        internship.with_user(self.operator).action_start()
        reasons = self.person._privacy_erasure_blockers()
        self.assertEqual(len(reasons), 1)
        self.assertIn("internship is ongoing", reasons[0])
        self.assertTrue(any(internship in records
                            for records in self.person._privacy_related_records()
                            if records._name == "ixl.internship"))
        self._close(internship, "ended")
        self.assertEqual(self.person._privacy_erasure_blockers(), [])
        self.person._privacy_anonymise_related()
        self.assertFalse(internship.note)
        self.assertEqual(internship.state, "done")

    def test_close_wizard_defaults(self):
        """Issue 19: the last day and the hire start were set in default_get and an
        onchange: a wizard made without the form had neither."""
        internship = self._internship()
        internship.with_user(self.operator).action_start()
        wizard = self.env["ixl.internship.close"].with_user(self.operator).create(
            {"internship_id": internship.id, "outcome": "hired_permanent"})
        self.assertEqual((wizard.date_end, wizard.hire_start),
                         (date(2026, 4, 10), date(2026, 4, 11)))

