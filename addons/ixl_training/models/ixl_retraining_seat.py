from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import ADMITTED_STATES


class IxlRetrainingSeat(models.Model):
    """A free seat on the re-training platform given to a beneficiary. The seats of a
    year are limited (300 by default, setting ``ixl_training.retraining_seats``); a seat
    beyond the quota is refused, as is a second seat to the same person in a year."""

    _name = "ixl.retraining.seat"
    _description = "Re-training platform seat"
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="restrict",
                                     index=True)
    date = fields.Date(string="Assigned on", required=True, default=fields.Date.context_today)
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=None)
    user_id = fields.Many2one("res.users", string="Operator",
                              default=lambda self: self.env.user)

    @api.depends("date")
    def _compute_year(self):
        for rec in self:
            rec.year = rec.date.year if rec.date else 0

    @api.model
    def _quota(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "ixl_training.retraining_seats", 300))

    @api.constrains("beneficiary_id", "date")
    def _check_quota(self):
        quota = self._quota()
        for rec in self:
            if rec.beneficiary_id.state not in ADMITTED_STATES:
                raise ValidationError(self.env._(
                    "%(name)s is not admitted to the programme (in target or active): no "
                    "re-training seat can be assigned.", name=rec.beneficiary_id.name))
            same_year = self.sudo().search([("year", "=", rec.year)])
            if len(same_year) > quota:
                raise ValidationError(self.env._(
                    "The %(quota)s re-training seats of %(year)s are all assigned.",
                    quota=quota, year=rec.year))
            if len(same_year.filtered(lambda s, r=rec: s.beneficiary_id == r.beneficiary_id)) > 1:
                raise ValidationError(self.env._(
                    "%(name)s already has a re-training seat in %(year)s.",
                    name=rec.beneficiary_id.name, year=rec.year))
