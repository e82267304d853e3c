from odoo.tests import new_test_user

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class MicrocreditCase(IxlCase):
    """A fund of 100,000 EUR at a bank, two products (80% and 50% coverage)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = new_test_user(
            cls.env, login="ixl_committee", groups="ixl_microcredit.group_ixl_committee",
            name="Cora Committee")
        cls.bank = cls.env["res.partner"].create({"name": "Test Bank", "is_company": True})
        cls.fund = cls.env["ixl.guarantee.fund"].create({"name": "Test fund",
                                                         "bank_id": cls.bank.id})
        cls.fund.change_ceiling("2025-01-01", 100000.0, "Decision 1/2025")
        Product = cls.env["ixl.loan.product"]
        cls.product80 = Product.create({"name": "Self-employment", "coverage_rate": 80.0})
        cls.product50 = Product.create({"name": "Social", "coverage_rate": 50.0})
        cls.person = cls.make_beneficiary(state="active")

    @classmethod
    def make_loan(cls, requested=10000.0, approved=None, product=None, **vals):
        return cls.env["ixl.loan"].create({
            "fund_id": cls.fund.id, "product_id": (product or cls.product80).id,
            "beneficiary_id": cls.person.id, "amount_requested": requested,
            "amount_approved": requested if approved is None else approved,
            "term_months": 10, **vals})

    def ledger_figures(self, fund=None):
        """The figures recomputed in Python from the raw ledger rows."""
        fund = fund or self.fund
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT move_type, effect_type, amount FROM ixl_fund_move WHERE fund_id = %s",
            [fund.id])
        ceiling = committed = called = recovered = 0.0
        for _move_type, effect, amount in self.env.cr.fetchall():
            amount = float(amount)
            if effect == "ceiling":
                ceiling += amount
            elif effect in ("committed", "released"):
                committed += amount
            elif effect == "called":
                committed += amount
                called -= amount
            elif effect == "recovery":
                recovered += amount
        used = committed + called - recovered
        return {"ceiling": round(ceiling, 2), "committed": round(committed, 2),
                "losses_paid": round(called, 2), "recovered": round(recovered, 2),
                "free_capacity": round(ceiling - used, 2)}

    def assertFundMatchesLedger(self, fund=None):
        fund = fund or self.fund
        fund.invalidate_recordset()
        expected = self.ledger_figures(fund)
        for name, value in expected.items():
            self.assertAlmostEqual(fund[name], value, places=2, msg=name)
