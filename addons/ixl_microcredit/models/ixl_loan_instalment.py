from odoo import api, fields, models
from odoo.exceptions import UserError

from .operations import in_posting


class IxlLoanInstalment(models.Model):
    """An instalment of a loan's repayment schedule (principal), built at disbursement
    and paid only through ``ixl.loan.register_repayment``."""

    _name = "ixl.loan.instalment"
    _description = "Loan instalment"
    _inherit = ["ixl.workflow.mixin"]
    _order = "loan_id, due_date, id"
    _ixl_locked_fields = ("loan_id", "sequence", "due_date", "amount", "paid_date",
                          "paid_amount")

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

    def _ixl_in_transition(self):
        # Not even superuser code pays an instalment outside ``register_repayment``.
        return in_posting(self)

    def write(self, vals):
        if not self._ixl_in_transition():
            raise UserError(self.env._(
                "Instalments are paid by registering a repayment on the loan."))
        return super().write(vals)
