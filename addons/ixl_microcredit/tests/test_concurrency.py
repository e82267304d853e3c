from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentApprovals(BaseCase):
    """Two finance users approve at the same moment, each with a real database cursor:
    the data is committed, then removed at the end."""

    def setUp(self):
        super().setUp()
        from odoo.modules.registry import Registry
        from odoo.tests.common import get_db_name

        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            bank = env["res.partner"].create({"name": "Race bank", "is_company": True})
            fund = env["ixl.guarantee.fund"].create({"name": "Race fund", "bank_id": bank.id})
            fund.change_ceiling("2025-01-01", 1000.0, "Race")
            product = env["ixl.loan.product"].create({"name": "Race", "coverage_rate": 100})
            loans = env["ixl.loan"].create([{
                "fund_id": fund.id, "product_id": product.id, "borrower_type": "organisation",
                "partner_id": bank.id, "amount_requested": 600.0, "amount_approved": 600.0,
            } for _i in range(2)])
            self.ids = {"bank": bank.id, "fund": fund.id, "product": product.id,
                        "loans": loans.ids}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            ids = self.ids
            for query, param in (
                    ("DELETE FROM ixl_fund_ceiling WHERE fund_id = %s", ids["fund"]),
                    ("DELETE FROM ixl_fund_move WHERE fund_id = %s", ids["fund"]),
                    ("DELETE FROM ixl_loan WHERE fund_id = %s", ids["fund"]),
                    ("DELETE FROM mail_activity WHERE res_model = 'ixl.guarantee.fund' "
                     "AND res_id = %s", ids["fund"]),
                    ("DELETE FROM ixl_guarantee_fund WHERE id = %s", ids["fund"]),
                    ("DELETE FROM ixl_loan_product WHERE id = %s", ids["product"]),
                    ("DELETE FROM res_partner WHERE id = %s", ids["bank"])):
                cr.execute(query, [param])

    def _loan(self, cr, index):
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        return env["ixl.loan"].browse(self.ids["loans"][index])

    @mute_logger("odoo.sql_db")
    def test_two_cursors_never_overcommit(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            # Keep the recordset (and so its environment) alive until the commit:
            # a cursor flushes pending writes through the environments still alive.
            first = self._loan(cr1, 0)
            first.action_approve()  # holds the fund's lock, not committed
            with self.assertRaises(errors.LockNotAvailable):
                self._loan(cr2, 1).action_approve()
            cr2.rollback()
            # cr2 takes its snapshot before cr1 commits: it must not approve on it
            cr2.execute("SELECT COUNT(*) FROM ixl_fund_move")
            cr1.commit()
            self.assertEqual(first.state, "approved")
            with self.assertRaises(errors.SerializationFailure):
                self._loan(cr2, 1).action_approve()
            cr2.rollback()
        with self.registry.cursor() as cr3:
            loan = self._loan(cr3, 1)
            with self.assertRaisesRegex(UserError, "does not fit"):
                loan.action_approve()
            cr3.rollback()
            fund = loan.fund_id
            self.assertEqual((fund.ceiling, fund.committed, fund.free_capacity),
                             (1000.0, 600.0, 400.0))
            cr3.execute("SELECT id, state FROM ixl_loan WHERE id IN %s",
                        [tuple(self.ids["loans"])])
            states = dict(cr3.fetchall())
            self.assertEqual([states[i] for i in self.ids["loans"]], ["approved", "requested"])
