from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestLoan(MicrocreditCase):
    def test_lifecycle_arithmetic(self):
        loan = self.make_loan(12000.0, approved=10000.0)
        self.assertEqual(loan.partner_id, self.person.partner_id)
        self.assertTrue(loan.name.startswith("CS/"))
        loan.action_approve()
        self.assertEqual((loan.state, loan.coverage_rate, loan.guarantee_amount),
                         ("approved", 80.0, 8000.0))
        self.assertEqual(self.fund.committed, 8000.0)
        loan.amount_disbursed = 9000.0
        loan.action_disburse()
        self.assertEqual(loan.guarantee_amount, 7200.0)  # 800 released
        self.assertEqual(len(loan.instalment_ids), 10)
        self.assertEqual(sum(loan.instalment_ids.mapped("amount")), 9000.0)
        loan.register_repayment(2700.0)  # 30%: releases 2,160
        self.assertEqual((loan.state, loan.amount_outstanding), ("repaying", 6300.0))
        self.assertEqual(loan.guarantee_amount, 5040.0)
        self.assertEqual(loan.instalment_ids.filtered("is_paid").mapped("sequence"), [1, 2, 3])
        loan.register_repayment(6300.0)
        self.assertEqual((loan.state, loan.guarantee_amount, loan.amount_outstanding),
                         ("repaid", 0.0, 0.0))
        self.assertFundMatchesLedger()
        self.assertEqual(self.fund.free_capacity, 100000.0)

    def test_default_calls_guarantee_and_recovery(self):
        loan = self.make_loan(10000.0, product=self.product50)
        loan.action_approve()
        loan.action_disburse()
        loan.register_repayment(4000.0)
        self.assertEqual(loan.guarantee_amount, 3000.0)
        loan.action_default()
        self.assertEqual((loan.state, loan.guarantee_amount, loan.loss_amount),
                         ("defaulted", 0.0, 3000.0))
        self.assertEqual((self.fund.committed, self.fund.losses_paid, self.fund.free_capacity),
                         (0.0, 3000.0, 97000.0))
        with self.assertRefused("above the loss", UserError):
            loan.register_recovery(3000.01)
        loan.register_recovery(1000.0)
        self.assertEqual((loan.loss_amount, self.fund.recovered, self.fund.free_capacity),
                         (2000.0, 1000.0, 98000.0))
        self.assertFundMatchesLedger()

    def test_cancel_releases(self):
        loan = self.make_loan(10000.0)
        loan.action_approve()
        loan.action_cancel()
        self.assertEqual((loan.state, loan.guarantee_amount, self.fund.committed),
                         ("cancelled", 0.0, 0.0))
        with self.assertRaises(UserError):
            loan.action_approve()

    def test_approval_refused_without_capacity(self):
        self.make_loan(100000.0).action_approve()  # 80,000
        loan = self.make_loan(25001.0)  # 20,000.80 > 20,000 free
        moves = len(self.fund.move_ids)
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, "does not fit in the free capacity"):
            loan.action_approve()
        loan.invalidate_recordset()
        self.fund.invalidate_recordset()
        self.assertEqual((loan.state, len(self.fund.move_ids)), ("requested", moves))
        self.make_loan(25000.0).action_approve()
        self.assertEqual(self.fund.free_capacity, 0.0)

    def test_bad_amounts_refused(self):
        cases = [
            ({"amount_requested": 0.0, "amount_approved": 0.0}, "must be positive"),
            ({"amount_requested": -10.0, "amount_approved": 0.0}, "must be positive"),
            ({"amount_requested": 1000.0, "amount_approved": 1500.0}, "above the amount requested"),
            ({"amount_requested": 1000.0, "amount_approved": -1.0}, "cannot be negative"),
            ({"amount_approved": 1000.0, "amount_disbursed": 1000.01},
             "above the amount approved"),
            ({"term_months": 0}, "at least one month"),
        ]
        for vals, message in cases:
            # a constraint refuses the loan once inserted: the request's rollback (here
            # assertRefused's savepoint) takes it away, nothing to count after it
            with self.subTest(vals=vals), self.assertRefused(message, ValidationError):
                self.make_loan(**{"requested": vals.pop("amount_requested", 1000.0), **vals})

    def test_bad_operations_refused(self):
        loan = self.make_loan(10000.0, approved=0.0)
        with self.assertRefused("Enter the amount approved", UserError):
            loan.action_approve()
        loan.amount_approved = 10000.0
        loan.action_approve()
        for user in (self.finance, self.coordinator):
            with self.subTest(user=user.login), \
                    self.assertRefused("can only be changed through its actions", UserError):
                loan.with_user(user).amount_approved = 9000.0
        with self.assertRaises(UserError):
            loan.register_repayment(100.0)  # not disbursed yet
        loan.action_disburse()
        moves = len(self.fund.move_ids)
        for amount, message in ((0.0, "positive"), (-5.0, "positive"),
                                (10000.01, "above what is outstanding")):
            with self.subTest(amount=amount), self.assertRefused(message, UserError):
                loan.register_repayment(amount)
        loan.invalidate_recordset()
        self.fund.invalidate_recordset()
        self.assertEqual((loan.amount_outstanding, len(self.fund.move_ids)), (10000.0, moves))
        self.assertFalse(loan.instalment_ids.filtered("paid_amount"))
        with self.assertRaises(UserError):
            loan.instalment_ids[0].paid_amount = 10000.0
        with self.assertRaises(UserError):
            loan.unlink()
