from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group

from .operations import COORDINATOR, FINANCE

# A posted payment is never edited nor deleted: a mistake is reversed (its counter-entry).
POSTED_FIELDS = {"project_id", "date", "amount", "reversal_of_id"}


class IxlSocialProjectPayment(models.Model):
    """A dated payment of the funding approved for a social-innovation project.

    Posted money is never edited nor deleted, only reversed: ``action_reverse`` posts the
    counter-entry (the same amount, negative, dated today); the reference stays editable.
    """

    _name = "ixl.social.project.payment"
    _description = "Social project payment"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date, id"
    _ixl_locked_fields = ("reversal_of_id",)

    project_id = fields.Many2one("ixl.social.project", required=True, index=True,
                                 ondelete="cascade")
    date = fields.Date(required=True, default=lambda self: local_today())
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="project_id.currency_id")
    reference = fields.Char()
    reversal_of_id = fields.Many2one("ixl.social.project.payment", string="Reverses",
                                     readonly=True, copy=False, index="btree_not_null")
    reversal_ids = fields.One2many("ixl.social.project.payment", "reversal_of_id")
    can_reverse = fields.Boolean(compute="_compute_can_reverse")

    @api.depends("reversal_of_id", "reversal_ids")
    def _compute_can_reverse(self):
        for payment in self:
            payment.can_reverse = bool(payment.id) and not (
                payment.reversal_of_id or payment.reversal_ids)

    def _ixl_frozen_fields(self):
        return set(POSTED_FIELDS) if self.ids else set()

    @api.constrains("amount", "project_id", "reversal_of_id")
    def _check_amount(self):
        for payment in self:
            project = payment.project_id
            cmp = project.currency_id.compare_amounts
            if payment.reversal_of_id:
                if cmp(payment.amount, -payment.reversal_of_id.amount) != 0:
                    raise ValidationError(self.env._(
                        "A reversal is the exact opposite of the payment it reverses."))
            elif cmp(payment.amount, 0) <= 0:
                raise ValidationError(self.env._("A payment must be a positive amount."))
            paid = sum(project.payment_ids.mapped("amount"))
            if cmp(paid, project.funding_approved) > 0:
                raise ValidationError(self.env._(
                    "The payments of %(project)s would exceed the funding approved.",
                    project=project.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._(
            "A payment is never deleted: reverse it (its counter-entry stays in the history)."))

    def action_reverse(self):
        """Post the counter-entry of each payment, dated today (Bologna)."""
        require_group(self, FINANCE, COORDINATOR)
        for payment in self:
            if not payment.can_reverse:
                raise UserError(self.env._(
                    "The payment of %(date)s is a reversal or already reversed.",
                    date=payment.date))
        self._ixl_transition().create([{
            "project_id": payment.project_id.id, "date": local_today(),
            "amount": -payment.amount, "reversal_of_id": payment.id,
            "reference": self.env._("Reversal of %(ref)s", ref=payment.reference or payment.date),
        } for payment in self])
        return True
