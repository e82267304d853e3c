from odoo import api, fields, models
from odoo.exceptions import UserError


class IxlLoanInstalment(models.Model):
    """An instalment of a loan's repayment schedule (principal), built at disbursement
    and paid only through ``ixl.loan.register_repayment``."""

    _name = "ixl.loan.instalment"
    _description = "Loan instalment"
    _order = "loan_id, due_date, id"

    loan_id = fields.Many2one("ixl.loan", required=True, index=True, ondelete="cascade",
                              readonly=True)
    sequence = fields.Integer(string="#", readonly=True)
    due_date = fields.Date(required=True, readonly=True, index=True)
    amount = fields.Monetary(required=True, readonly=True)
    currency_id = fields.Many2one(related="loan_id.currency_id")
    paid_date = fields.Date(readonly=True)
    paid_amount = fields.Monetary(readonly=True)
    is_paid = fields.Boolean(string="Paid", compute="_compute_is_paid", store=True)

    @api.depends("amount", "paid_amount")
    def _compute_is_paid(self):
        for instalment in self:
            instalment.is_paid = instalment.currency_id.compare_amounts(
                instalment.paid_amount, instalment.amount) >= 0

    def write(self, vals):
        if not self.env.context.get("ixl_fund_posting"):
            raise UserError(self.env._(
                "Instalments are paid by registering a repayment on the loan."))
        return super().write(vals)
