from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestBudget(CallsCase):
    def test_source_never_overallocated(self):
        Allocation = self.env["ixl.call.allocation"]
        self.assertEqual(self.hera.unallocated, 250000)
        with self.assertRefused("cannot be allocated"):
            Allocation.create({"source_id": self.hera.id, "call_id": self.apl.id,
                               "amount": 250000.01})
        alloc = Allocation.create({"source_id": self.hera.id, "call_id": self.apl.id,
                                   "amount": 250000})
        self.assertEqual(self.hera.unallocated, 0)
        self.assertEqual(self.apl.budget, 350000)
        with self.assertRefused("cannot be allocated"):
            alloc.amount = 250001
        with self.assertRefused("cannot be allocated"):
            self.hera.amount = 299999
        with self.assertRaises(ValidationError):
            Allocation.create({"source_id": self.fund.id, "call_id": self.hiring.id,
                               "amount": -10})

    def test_budget_exhaustion(self):
        small = self.make_call("Test small APL", "apl", 40000, "project_year",
                               {self.fund: 50000})
        app1 = self.make_apl_application(call=small)
        app2 = self.make_apl_application(call=small)
        self.grant(app1, 40000, 2025)
        self.assertEqual(small.available, 10000)
        with self.assertRefused("budget"):
            self.grant(app2, 10000.01, 2025)
        self.grant(app2, 10000, 2025)
        small.invalidate_recordset()
        self.assertEqual((small.budget, small.granted, small.available), (50000, 50000, 0))
        # the budget cannot drop below what was granted
        with self.assertRefused("budget"):
            small.allocation_ids.amount = 49999

    def test_payments_and_statements(self):
        app = self.make_apl_application()
        grant = self.grant(app, 30000, 2025)
        Payment = self.env["ixl.call.payment"]
        Payment.create({"grant_id": grant.id, "amount": 20000, "date": "2025-06-30"})
        with self.assertRefused("above the"):
            Payment.create({"grant_id": grant.id, "amount": 10000.01, "date": "2025-12-01"})
        with self.assertRefused("positive"):
            Payment.create({"grant_id": grant.id, "amount": -1, "date": "2025-12-01"})
        Payment.create({"grant_id": grant.id, "amount": 10000, "date": "2025-12-01"})
        # changed (issue 14): a grant changes only through its reduction
        with self.assertRefused("already paid", UserError):
            grant.action_reduce(20000, "Hire ended")
        self.apl.invalidate_recordset()
        self.fund.invalidate_recordset()
        self.assertEqual((self.apl.granted, self.apl.paid, self.apl.available),
                         (30000, 30000, 70000))
        self.assertEqual((self.fund.allocated, self.fund.granted, self.fund.paid,
                          self.fund.available), (100000, 30000, 30000, 70000))
        self.assertEqual((app.granted, app.paid), (30000, 30000))
        per_applicant = dict(self.env["ixl.call.payment"]._read_group(
            [("call_id", "=", self.apl.id)], ["partner_id"], ["amount:sum"]))
        self.assertEqual(per_applicant, {self.agency: 30000})

    def test_source_split_pro_rata(self):
        Allocation = self.env["ixl.call.allocation"]
        Allocation.create({"source_id": self.hera.id, "call_id": self.apl.id,
                           "amount": 100000})
        app = self.make_apl_application()
        grant = self.grant(app, 40000, 2025)
        self.env["ixl.call.payment"].create({"grant_id": grant.id, "amount": 10000})
        self.hera.invalidate_recordset()
        self.fund.invalidate_recordset()
        self.assertEqual((self.hera.granted, self.hera.paid), (20000, 5000))
        self.assertEqual((self.fund.granted, self.fund.paid), (20000, 5000))

    def test_xlsx_export(self):
        app = self.make_apl_application()
        self.grant(app, 1000, 2025)
        report = self.env.ref("ixl_calls.action_report_call_finance_xlsx")
        content, kind = report.with_user(self.finance)._render(
            report.report_name, (self.apl | self.hiring).ids)
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
