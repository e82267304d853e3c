from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestApplications(CallsCase):
    def test_hire_creates_placement(self):
        """Changed (issue 14): the hire is a claim; the placement is recorded when staff
        verify it, not at submission."""
        person = self.make_senior()
        app = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        hire = app.hire_ids
        self.assertEqual((hire.state, hire.beneficiary_id, hire.placement_id),
                         ("claimed", self.env["ixl.beneficiary"], self.env["ixl.placement"]))
        self.assertEqual(hire.portal_name, person.fiscal_code)
        hire.with_user(self.operator).action_verify()
        placement = hire.placement_id
        self.assertEqual((placement.beneficiary_id, placement.employer_id,
                          placement.placement_type, str(placement.date_start)),
                         (person, self.applicant, "hire", "2025-03-01"))
        self.assertEqual((hire.state, hire.beneficiary_id, hire.verified_by_id),
                         ("verified", person, self.operator))
        self.assertEqual(app.hire_ids.age_at_hire, 59)
        self.assertEqual(app.hire_ids.portal_name, f"Mario {person.last_name[0]}.")
        self.assertTrue(app.name.startswith("DOM/"))

    def test_hire_eligibility(self):
        """Changed (issue 14): checked when staff verify the claim, not at submission."""
        young = self.make_senior(birthdate="1975-01-01")
        registered = self.make_senior(state="registered")
        turning = self.make_senior(birthdate="1970-06-02")
        cases = {"under 55": (young, "2025-01-01", "55 or older"),
                 "not admitted": (registered, "2025-01-01", "not admitted"),
                 "55 the day after the hire": (turning, "2025-06-01", "55 or older")}
        for label, (person, day, message) in cases.items():
            app = self.make_hiring_application([(person, day)], approve=False)
            # refused before anything is written: no savepoint, the placement is checked
            with self.subTest(label), self.assertRaisesRegex(UserError, message):
                app.hire_ids.action_verify()
            self.assertFalse(self.env["ixl.placement"].search(
                [("beneficiary_id", "=", person.id)]))
            app.action_withdraw()
        # the day of the 55th birthday is fine
        app = self.make_hiring_application([(turning, "2025-06-02")], approve=False)
        app.hire_ids.action_verify()

    def test_duplicate_hire(self):
        person = self.make_senior()
        app = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        with self.assertRefused("already in another application"):
            self.make_hiring_application([(person, "2025-03-01")], approve=False)
        app.action_withdraw()
        self.assertEqual(app.hire_ids.state, "withdrawn")
        again = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        again.hire_ids.action_verify()
        self.assertTrue(again.hire_ids.placement_id)
        self.assertFalse(app.hire_ids.placement_id)

    def test_employed_when_hired(self):
        person = self.make_senior()
        self.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": self.employer.id,
            "placement_type": "hire", "contract_type": "permanent",
            "date_start": "2020-01-01"})
        app = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        with self.assertRefused("employed", UserError):
            app.hire_ids.action_verify()

    def test_approval_needs_decided_claims_and_project_period(self):
        person = self.make_senior()
        app = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        app.action_review()
        with self.assertRefused("Verify or refuse", UserError):
            app.action_approve()
        app.hire_ids.action_refuse()
        with self.assertRefused("no verified hire", UserError):
            app.action_approve()
        project = self.make_apl_application(approve=False, period=(False, False))
        project.action_review()
        with self.assertRefused("period", UserError):
            project.action_approve()

    def test_deadline(self):
        with freeze_time("2030-01-31 18:00:00"):
            self.make_apl_application(approve=False)
        with freeze_time("2030-02-01 08:00:00"):
            with self.assertRefused("deadline"):
                self.make_apl_application(approve=False)
            # the always-open hiring call still takes applications
            self.make_hiring_application([(self.make_senior(), "2029-05-01")],
                                         approve=False)

    def test_closed_or_draft_call_refused(self):
        draft = self.env["ixl.call"].create({"name": "Test draft", "kind": "apl",
                                             "cap_amount": 40000,
                                             "cap_basis": "project_year"})
        with self.assertRefused("not open"):
            self.make_apl_application(call=draft, approve=False)
        self.apl.action_close()
        with self.assertRefused("not open"):
            self.make_apl_application(approve=False)
        self.assertFalse(self.apl.is_published)

    def test_amount_requested_above_cap(self):
        with self.assertRefused("above the cap"):
            self.env["ixl.call.application"].create({
                "call_id": self.apl.id, "partner_id": self.agency.id,
                "amount_requested": 40000.01})
        with self.assertRefused("negative"):
            self.env["ixl.call.application"].create({
                "call_id": self.apl.id, "partner_id": self.agency.id,
                "project_budget": -1})

    def test_workflow(self):
        app = self.make_apl_application(approve=False)
        with self.assertRaises(UserError):
            app.action_approve()
        app.action_review()
        with self.assertRefused("reason", UserError):
            app.action_reject()
        app.reject_reason = "Project outside the territory"
        app.action_reject()
        self.assertEqual(app.state, "rejected")
        with self.assertRaises(UserError):
            app.action_withdraw()
        self.assertTrue(self.apl.is_published)
        self.assertEqual(self.apl.application_count, 1)

    def test_corrected_fiscal_code_checked_like_a_new_claim(self):
        first, second = self.make_senior(), self.make_senior()
        other = self.make_hiring_application([(first, "2025-03-01")], applicant=self.agency,
                                             approve=False)
        own = self.make_hiring_application([(second, "2025-03-01")], approve=False)
        typo = self.make_hiring_application([(self.make_senior(), "2025-03-01")],
                                            approve=False).hire_ids.with_user(self.operator)
        with self.assertRefused("already in another application"):
            typo.fiscal_code = second.fiscal_code
        typo.fiscal_code = first.fiscal_code.lower()
        self.assertEqual((typo.fiscal_code, typo.state, typo.claim_active),
                         (first.fiscal_code, "conflict", False))
        self.assertEqual((other.hire_ids.state, own.hire_ids.state), ("claimed", "claimed"))

    def test_verified_hire_of_a_withdrawn_application(self):
        """The hire was verified, then the applicant withdrew: the hire is real, its
        placement stays; if staff find it was not real, a coordinator refuses it and the
        placement its verification recorded goes."""
        person = self.make_senior()
        app = self.make_hiring_application([(person, "2025-03-01")], approve=False)
        hire = app.hire_ids
        hire.with_user(self.operator).action_verify()
        placement = hire.placement_id
        app.with_user(self.operator).action_withdraw()
        self.assertEqual((hire.state, hire.placement_id, hire.claim_active),
                         ("verified", placement, False))
        with self.assertRaises(AccessError):
            hire.with_user(self.operator).action_refuse()
        hire.with_user(self.coordinator).action_refuse()
        self.assertEqual((hire.state, placement.exists()), ("refused", placement.browse()))
