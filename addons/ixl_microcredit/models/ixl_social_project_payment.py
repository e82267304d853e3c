from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlSocialProjectPayment(models.Model):
    """A dated payment of the funding approved for a social-innovation project."""

    _name = "ixl.social.project.payment"
    _description = "Social project payment"
    _order = "date, id"

    project_id = fields.Many2one("ixl.social.project", required=True, index=True,
                                 ondelete="cascade")
    date = fields.Date(required=True, default=lambda self: local_today())
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="project_id.currency_id")
    reference = fields.Char()

    @api.constrains("amount", "project_id")
    def _check_amount(self):
        for payment in self:
            project = payment.project_id
            if project.currency_id.compare_amounts(payment.amount, 0) <= 0:
                raise ValidationError(self.env._("A payment must be a positive amount."))
            paid = sum(project.payment_ids.mapped("amount"))
            if project.currency_id.compare_amounts(paid, project.funding_approved) > 0:
                raise ValidationError(self.env._(
                    "The payments of %(project)s would exceed the funding approved.",
                    project=project.name))
