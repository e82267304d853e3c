from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IxlCallPayment(models.Model):
    """A dated payment of a grant; the payments of a grant never exceed it."""

    _name = "ixl.call.payment"
    _description = "Grant payment"
    _order = "date desc, id desc"

    grant_id = fields.Many2one("ixl.call.grant", required=True, ondelete="restrict",
                               index=True)
    call_id = fields.Many2one(related="grant_id.call_id", store=True, index=True)
    partner_id = fields.Many2one(related="grant_id.partner_id", store=True,
                                 string="Applicant", index=True)
    application_id = fields.Many2one(related="grant_id.application_id", store=True)
    year = fields.Integer(related="grant_id.year", store=True, string="Grant year")
    currency_id = fields.Many2one(related="grant_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    reference = fields.Char(help="Bank transfer reference.")

    @api.model_create_multi
    def create(self, vals_list):
        grants = self.env["ixl.call.grant"].browse([v.get("grant_id") for v in vals_list])
        grants.call_id._lock()
        payments = super().create(vals_list)
        payments._check_payments()
        return payments

    def write(self, vals):
        grants = self.grant_id | self.env["ixl.call.grant"].browse(vals.get("grant_id"))
        grants.call_id._lock()
        res = super().write(vals)
        self._check_payments()
        return res

    def _check_payments(self):
        self.env.flush_all()
        for payment in self:
            if payment.amount <= 0:
                raise ValidationError(self.env._("A payment must be a positive amount."))
        for grant in self.grant_id:
            grant.invalidate_recordset(["paid", "to_pay"])
            paid = sum(grant.payment_ids.mapped("amount"))
            if grant.currency_id.compare_amounts(paid, grant.amount) > 0:
                raise ValidationError(self.env._(
                    "The payments of %(grant)s would reach %(paid)s, above the %(amount)s "
                    "granted.", grant=grant.display_name, paid=grant.call_id._fmt(paid),
                    amount=grant.call_id._fmt(grant.amount)))
