import random

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestFund(MicrocreditCase):
    def test_ceiling_history(self):
        self.fund.change_ceiling("2025-06-15", 150000.0, "Decision 7/2025")
        self.assertEqual(self.fund.ceiling, 150000.0)
        self.assertEqual(self.fund.ceiling_ids[0].amount, 150000.0)
        self.assertEqual(self.fund.ceiling_ids.mapped("decision_reference"),
                         ["Decision 7/2025", "Decision 1/2025"])
        self.assertEqual(self.fund.move_ids.filtered(
            lambda m: m.move_type == "ceiling").mapped("amount"), [50000.0, 100000.0])
        self.assertFundMatchesLedger()

    def test_ceiling_lowered_under_committed(self):
        self.make_loan(50000.0).action_approve()  # 40,000 committed
        moves, lines = len(self.fund.move_ids), len(self.fund.ceiling_ids)
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, "cannot be lowered"):
            self.fund.change_ceiling("2025-07-01", 39999.0, "Cut")
        self.fund.invalidate_recordset()
        self.assertEqual((len(self.fund.move_ids), len(self.fund.ceiling_ids)), (moves, lines))
        self.fund.change_ceiling("2025-07-01", 40000.0, "Cut to committed")
        self.assertEqual(self.fund.free_capacity, 0.0)
        for amount, ref, date in ((0.0, "x", "2025-08-01"), (-5.0, "x", "2025-08-01"),
                                  (100.0, "", "2025-08-01"), (90000.0, "x", "2024-01-01")):
            with self.subTest(amount=amount, ref=ref, date=date), self.assertRaises(UserError):
                self.fund.change_ceiling(date, amount, ref)

    def test_ledger_lines_are_immutable(self):
        self.fund.record_deposit("2025-02-01", 5000.0, "Deposit")
        move = self.fund.move_ids.filtered(lambda m: m.move_type == "deposit")
        with self.assertRefused("cannot be edited", UserError):
            move.write({"amount": 1.0})
        with self.assertRefused("cannot be deleted", UserError):
            move.unlink()
        with self.assertRaises(UserError):
            self.env["ixl.fund.move"].create({
                "fund_id": self.fund.id, "date": "2025-01-01", "move_type": "committed",
                "amount": 1.0})
        with self.assertRaises(UserError):
            self.fund.ceiling_ids.write({"amount": 1.0})
        move.action_reverse()
        reversal = move.reversal_ids
        self.assertEqual((reversal.amount, reversal.effect_type, reversal.reversed_id),
                         (-5000.0, "deposit", move))
        self.assertEqual(self.fund.deposited, 0.0)
        for line in (move, reversal, self.fund.move_ids.filtered(
                lambda m: m.move_type == "ceiling")):
            with self.subTest(line=line.move_type), self.assertRaises(UserError):
                line.action_reverse()

    def test_loan_lines_are_corrected_by_the_loan_only(self):
        """Issue 15.17: finance reversed the "committed" line of an approved loan, which
        stayed approved with a 0 guarantee, was disbursed and defaulted with no loss.
        A loan's lines are corrected only by the loan's operations (cancel...).
        (Behaviour changed: reversing a loan's release, refused before only when it did
        not fit, is now always refused.)"""
        finance = self.fund.with_user(self.finance)
        loan = self.make_loan(100000.0, product=self.product80)
        loan.with_user(self.finance).action_approve()
        committed = loan.move_ids.filtered(lambda m: m.move_type == "committed")
        for user in (self.finance, self.coordinator):
            with self.subTest(user=user.login), \
                    self.assertRefused("correct it with the loan's operations", UserError):
                committed.with_user(user).action_reverse()
        loan.invalidate_recordset()
        self.assertEqual((loan.state, loan.guarantee_amount), ("approved", 80000.0))
        loan.with_user(self.finance).action_cancel()
        self.assertEqual((loan.state, loan.guarantee_amount, finance.committed),
                         ("cancelled", 0.0, 0.0))
        release = loan.move_ids.filtered(lambda m: m.move_type == "released")
        with self.assertRefused("correct it with the loan's operations", UserError):
            release.with_user(self.finance).action_reverse()
        with self.assertRaises(AccessError):
            committed.with_user(self.operator).action_reverse()
        self.assertFundMatchesLedger()

    def test_figures_equal_ledger_after_random_operations(self):
        rng = random.Random(7)
        self.refused = 0
        self.fund.change_ceiling("2025-01-02", 300000.0, "Raise")
        loans = self.env["ixl.loan"]
        for _i in range(100):
            self._random_step(rng, loans)
            loans = self.env["ixl.loan"].search([("fund_id", "=", self.fund.id)])
            self.assertFundMatchesLedger()
        self.assertGreater(len(self.fund.move_ids), 40)
        self.assertGreaterEqual(self.fund.free_capacity, 0.0)

    def _random_step(self, rng, loans):
        action = rng.choice(["new", "new", "disburse", "repay", "repay", "default", "recover",
                             "cancel", "deposit", "reverse"])
        by_state = {state: loans.filtered(lambda loan, s=state: loan.state == s)
                    for state in ("approved", "disbursed", "repaying", "defaulted")}
        try:
            with self.env.cr.savepoint():
                if action == "new":
                    amount = rng.randrange(1000, 30000, 100)
                    product = rng.choice([self.product80, self.product50])
                    self.make_loan(amount, product=product).action_approve()
                elif action == "disburse" and by_state["approved"]:
                    loan = rng.choice(by_state["approved"])
                    loan.amount_disbursed = round(loan.amount_approved * rng.choice([1, 0.9]), 2)
                    loan.action_disburse()
                elif action == "repay" and (by_state["disbursed"] | by_state["repaying"]):
                    loan = rng.choice(by_state["disbursed"] | by_state["repaying"])
                    loan.register_repayment(min(loan.amount_outstanding,
                                                rng.randrange(500, 8000, 50)))
                elif action == "default" and by_state["repaying"]:
                    rng.choice(by_state["repaying"]).action_default()
                elif action == "recover" and by_state["defaulted"]:
                    loan = rng.choice(by_state["defaulted"])
                    if loan.loss_amount:
                        loan.register_recovery(round(loan.loss_amount / 2, 2))
                elif action == "cancel" and by_state["approved"]:
                    rng.choice(by_state["approved"]).action_cancel()
                elif action == "deposit":
                    self.fund.record_deposit("2025-03-01", 1000.0, "Deposit")
                elif action == "reverse":
                    deposits = self.fund.move_ids.filtered(
                        lambda m: m.move_type == "deposit" and not m.reversal_ids)
                    deposits[:1].action_reverse()
        except UserError:
            self.refused += 1  # a refused approval (no capacity left) changes nothing
        self.env.invalidate_all()

    def test_threshold_banner_and_activity(self):
        self.make_loan(50000.0).action_approve()  # 40%
        self.assertFalse(self.fund.is_over_threshold)
        self.assertFalse(self.fund.activity_ids)
        self.make_loan(50000.0).action_approve()  # 80%
        self.assertTrue(self.fund.is_over_threshold)
        self.assertIn(self.finance, self.fund.activity_ids.user_id)
        count = len(self.fund.activity_ids)
        self.make_loan(5000.0).action_approve()  # still over: no new activity
        self.assertEqual(len(self.fund.activity_ids), count)
        with self.assertRaises(ValidationError):
            self.fund.warning_threshold = 120

    def test_forecast_at_current_pace(self):
        with freeze_time("2025-02-10"):
            self.make_loan(12500.0).action_approve()  # 10,000 committed
        with freeze_time("2025-08-10"):
            self.make_loan(17500.0).action_approve()  # 14,000 committed
        with freeze_time("2025-12-31"):
            self.fund.invalidate_recordset()
            # 24,000 over the last 12 months: 2,000 a month; 80,000 - 24,000 = 56,000 to go
            self.assertEqual(self.fund.monthly_pace, 2000.0)
            self.assertEqual(str(self.fund.forecast_date), "2028-05-01")
        with freeze_time("2027-01-01"):
            self.fund.invalidate_recordset()
            self.assertEqual(self.fund.monthly_pace, 0.0)
            self.assertFalse(self.fund.forecast_date)

    def test_portfolio_at_risk(self):
        with freeze_time("2025-01-15"):
            late = self.make_loan(10000.0)
            late.action_approve()
            late.action_disburse()
            fine = self.make_loan(30000.0)
            fine.action_approve()
            fine.action_disburse()
        with freeze_time("2025-04-20"):
            for month in range(3):
                fine.register_repayment(3000.0, f"2025-0{month + 2}-15")
            late.register_repayment(1000.0)  # one instalment: the 2nd (15/3) is 36 days late
            self.fund.invalidate_recordset()
            self.assertEqual(self.fund.outstanding, 9000.0 + 21000.0)
            self.assertEqual(self.fund.outstanding_at_risk, 9000.0)
            self.assertEqual(self.fund.portfolio_at_risk, 30.0)

    def test_xlsx_exports(self):
        self.make_loan(10000.0).action_approve()
        for report in ("ixl_microcredit.action_report_fund_ledger_xlsx",
                       "ixl_microcredit.action_report_fund_loans_xlsx"):
            with self.subTest(report=report):
                content, kind = self.env["ir.actions.report"]._render(report, self.fund.ids)
                self.assertEqual(kind, "xlsx")
                self.assertTrue(content.startswith(b"PK"))
