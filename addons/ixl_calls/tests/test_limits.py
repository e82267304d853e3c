"""Issues 14 and 15.12-13: every change that lowers a cap checks the grants again."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
@freeze_time("2025-06-15 10:00:00")
class TestLimitsRechecked(CallsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person, cls.app, cls.hire = cls.make_approved_hire("2025-01-01")

    def grant_as(self, user, app, amount, year, hire=None):
        return self.env["ixl.call.grant"].with_user(user).create({
            "application_id": app.id, "amount": amount, "year": year,
            "hire_id": hire.id if hire else False})

    def pay(self, grant, amount, day="2025-06-15"):
        return self.env["ixl.call.payment"].with_user(self.finance).create(
            {"grant_id": grant.id, "amount": amount, "date": day})

    def end_hire(self, user, day, reduce_grants=False):
        wizard = Form(self.env["ixl.call.hire.end"].with_user(user).with_context(
            default_hire_id=self.hire.id))
        wizard.date_end = day
        if reduce_grants:
            wizard.reduce_grants = True
        return wizard.save().action_apply()

    def test_hire_ending_early_lowers_the_cap(self):
        """A hire granted 10,000 for 2025 ends on 31 March: the cap drops to 2,465.75.
        The end is refused naming the grant, or the grant is reduced to the new cap;
        another 5,000 can no longer be paid."""
        grant = self.grant_as(self.coordinator, self.app, 10000, 2025, self.hire)
        with self.assertRefused(f"{grant.display_name}.*2,465.75.*Reduce", UserError):
            self.end_hire(self.operator, "2025-03-31")
        self.assertEqual((grant.amount, self.hire.date_end), (10000, False))
        with self.assertRaises(AccessError):
            self.hire.with_user(self.operator).date_end = "2025-03-31"
        with self.assertRaises(AccessError):  # reductions are for coordinators and finance
            self.hire.with_user(self.operator).action_end("2025-03-31", reduce_grants=True)
        self.end_hire(self.coordinator, "2025-03-31", reduce_grants=True)
        self.assertEqual((grant.amount, grant.cap, str(self.hire.date_end)),
                         (2465.75, 2465.75, "2025-03-31"))
        self.assertEqual(str(self.hire.placement_id.date_end), "2025-03-31")
        self.pay(grant, 2465.75)
        with self.assertRefused("above", UserError):
            self.pay(grant, 5000)
        self.assertEqual(grant.paid, 2465.75)

    def test_paid_grant_needs_reversal_before_reduction(self):
        grant = self.grant_as(self.finance, self.app, 10000, 2025, self.hire)
        payment = self.pay(grant, 5000)
        with self.assertRefused("already paid.*reverse", UserError):
            self.end_hire(self.coordinator, "2025-03-31", reduce_grants=True)
        self.assertEqual((grant.amount, self.hire.date_end), (10000, False))
        payment.with_user(self.finance).action_reverse()
        self.end_hire(self.coordinator, "2025-03-31", reduce_grants=True)
        self.assertEqual((grant.amount, grant.paid), (2465.75, 0))

    def test_ending_a_hire_of_someone_now_out_of_protocol(self):
        """The person left the programme because employed (by this hire): ending the
        hire is a follow-up, not a new episode."""
        exit_wizard = self.env["ixl.out.of.protocol"].with_user(self.operator).create({
            "beneficiary_ids": [(6, 0, self.person.ids)], "reason": "employed"})
        exit_wizard.action_confirm()
        self.assertEqual(self.person.state, "out_of_protocol")
        self.end_hire(self.operator, "2025-03-31")
        self.assertEqual(str(self.hire.placement_id.date_end), "2025-03-31")

    def test_cap_raised_then_lowered(self):
        """Finance raised the cap, granted 25,000 for one hire and year and put the cap
        back: refused, naming the grant, until the grant is reduced."""
        call = self.hiring.with_user(self.finance)
        call.cap_amount = 25000
        grant = self.grant_as(self.finance, self.app, 25000, 2025, self.hire)
        with self.assertRefused(f"{grant.display_name}.*above the cap", UserError):
            call.cap_amount = 10000
        self.assertEqual(self.hiring.cap_amount, 25000)
        grant.with_user(self.finance).action_reduce(10000, "Cap of the call")
        call.cap_amount = 10000
        self.assertEqual((grant.amount, grant.cap), (10000, 10000))

    def test_basis_and_opening_date(self):
        app = self.make_apl_application()
        first = self.grant_as(self.coordinator, app, 40000, 2024)
        self.grant_as(self.coordinator, app, 40000, 2025)
        call = self.apl.with_user(self.coordinator)
        with self.assertRefused("above the cap", UserError):
            call.cap_basis = "project"  # 80,000 for a project capped 40,000 once
        with self.assertRefused(f"{first.display_name}.*from 2025", UserError):
            call.date_open = "2025-01-01"
        self.assertEqual((call.cap_basis, str(call.date_open)), ("project_year", "2024-01-01"))

    def test_budget_lowered(self):
        app = self.make_apl_application()
        self.grant_as(self.coordinator, app, 40000, 2025)
        allocation = self.apl.allocation_ids.with_user(self.finance)
        with self.assertRefused("budget", UserError):
            allocation.amount = 39999
        with self.assertRefused("budget", UserError):
            allocation.unlink()
        allocation.amount = 40000


@tagged("post_install", "-at_install")
@freeze_time("2025-06-15 10:00:00")
class TestProjectPeriod(CallsCase):
    """Issue 15.13: an APL call opened on 1 January 2025 granted 40,000 for 2024."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.make_call("Test APL 2025", "apl", 40000, "project_year",
                                 {cls.fund: 200000}, date_open="2025-01-01")

    def test_grants_only_for_years_of_the_call_and_project(self):
        app = self.make_apl_application(call=self.call, period=("2024-07-01", "2026-06-30"))
        with self.assertRefused("year of the call \\(from 2025\\)"):
            self.grant(app, 40000, 2024)
        self.grant(app, 40000, 2025)
        short = self.make_apl_application(call=self.call, period=("2023-01-01", "2024-12-31"))
        with self.assertRefused("not 2025"):
            self.grant(short, 1000, 2025)

    def test_project_needs_its_period(self):
        app = self.make_apl_application(call=self.call, approve=False, period=(False, False))
        app.action_review()
        with self.assertRefused("period", UserError):
            app.action_approve()
        app.write({"date_start": "2025-03-01", "date_end": "2025-12-31"})
        app.action_approve()
        grant = self.grant(app, 30000, 2025)
        with self.assertRefused(f"{grant.display_name}.*not 2025", UserError):
            app.with_user(self.coordinator).write({"date_start": "2026-01-01",
                                                   "date_end": "2026-12-31"})
        app.with_user(self.coordinator).write({"date_end": "2026-12-31"})
        self.assertEqual(str(app.date_end), "2026-12-31")
