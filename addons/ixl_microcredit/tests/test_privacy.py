from odoo.tests import tagged

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestPrivacyHooks(MicrocreditCase):
    def test_open_loan_and_unrecovered_guarantee_block_erasure(self):
        self.assertEqual(self.person._privacy_erasure_blockers(), [])
        loan = self.make_loan(10000.0, product=self.product50, note="<p>Lives alone</p>")
        self.assertEqual(self.person._privacy_erasure_blockers(), [], "only requested")
        loan.action_approve()
        self.assertIn(loan.name, self.person._privacy_erasure_blockers()[0])
        loan.action_disburse()
        loan.register_repayment(4000.0)
        self.assertIn("still open", self.person._privacy_erasure_blockers()[0])
        loan.action_default()
        self.assertIn("not recovered", self.person._privacy_erasure_blockers()[0])
        loan.register_recovery(3000.0)
        self.assertEqual(self.person._privacy_erasure_blockers(), [])
        self.assertTrue(any(loan in records for records in self.person._privacy_related_records()
                            if records._name == "ixl.loan"))
        self.person._privacy_anonymise_related()
        self.assertFalse(loan.note)
        self.assertEqual(loan.amount_disbursed, 10000.0, "the loan facts stay")
