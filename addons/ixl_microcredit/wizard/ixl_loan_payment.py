from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlLoanPayment(models.TransientModel):
    """Register a repayment of a loan, or a recovery after its default."""

    _name = "ixl.loan.payment"
    _description = "Loan repayment or recovery"

    loan_id = fields.Many2one("ixl.loan", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="loan_id.currency_id")
    kind = fields.Selection([("repayment", "Repayment"), ("recovery", "Recovery")],
                            required=True, default="repayment")
    date = fields.Date(required=True, default=lambda self: local_today())
    amount = fields.Monetary(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.kind == "repayment":
            self.loan_id.register_repayment(self.amount, self.date)
        else:
            self.loan_id.register_recovery(self.amount, self.date)
        return {"type": "ir.actions.act_window_close"}
