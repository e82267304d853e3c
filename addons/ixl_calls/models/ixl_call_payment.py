from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import lock_rows

from .rules import FINANCE, require_group

# A posted payment is never edited: only reversed.
POSTED_FIELDS = {"grant_id", "amount", "date", "reference"}


class IxlCallPayment(models.Model):
    """A dated payment of a grant, posted by finance. It is never edited nor deleted:
    a mistake is corrected by its reversal (``action_reverse``), a counter-entry of the
    opposite amount dated the day of the reversal, so the figures of past periods do
    not change. The payments of a grant never exceed it."""

    _name = "ixl.call.payment"
    _description = "Grant payment"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _ixl_locked_fields = ("reversal_of_id", "is_reversed")

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
    reversal_of_id = fields.Many2one("ixl.call.payment", string="Reversal of",
                                     readonly=True, ondelete="restrict", index=True,
                                     copy=False)
    reversal_ids = fields.One2many("ixl.call.payment", "reversal_of_id", string="Reversals")
    is_reversed = fields.Boolean(string="Reversed", compute="_compute_is_reversed", store=True)

    @api.depends("reversal_ids")
    def _compute_is_reversed(self):
        for payment in self:
            payment.is_reversed = bool(payment.reversal_ids)

    @api.model_create_multi
    def create(self, vals_list):
        grants = self.env["ixl.call.grant"].browse([v.get("grant_id") for v in vals_list])
        lock_rows(grants.call_id, "lock_count")
        payments = super().create(vals_list)
        payments._check_payments()
        return payments

    def _ixl_frozen_fields(self):
        return POSTED_FIELDS

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._(
            "A posted payment is never deleted: reverse it (Reverse button)."))

    def _check_payments(self):
        for payment in self:
            original = payment.reversal_of_id
            if original and payment.currency_id.compare_amounts(
                    payment.amount, -original.amount):
                raise ValidationError(self.env._("A reversal is of the whole payment."))
            if original and len(original.reversal_ids) > 1:
                raise ValidationError(self.env._("A payment is reversed once."))
            if not original and payment.amount <= 0:
                raise ValidationError(self.env._("A payment must be a positive amount."))
        self.grant_id._check_limits()

    def action_reverse(self):
        """Post the counter-entry of each payment, dated today: the money came back."""
        require_group(self, FINANCE)
        for payment in self:
            if payment.reversal_of_id or payment.is_reversed:
                raise UserError(self.env._(
                    "%(payment)s is a reversal or was already reversed.",
                    payment=payment.display_name))
        today = fields.Date.context_today(self)
        reversals = self._ixl_transition().create([{
            "grant_id": payment.grant_id.id, "amount": -payment.amount, "date": today,
            "reversal_of_id": payment.id,
            "reference": self.env._("Reversal of %(reference)s",
                                    reference=payment.reference or payment.date),
        } for payment in self])
        return reversals.with_env(self.env)

    @api.depends("grant_id", "date", "amount")
    def _compute_display_name(self):
        for payment in self:
            payment.display_name = f"{payment.grant_id.display_name} {payment.date}"
