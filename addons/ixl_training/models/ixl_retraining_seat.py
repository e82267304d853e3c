from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlRetrainingSeat(models.Model):
    """A free seat on the re-training platform given to an admitted beneficiary. The
    seats of a year are limited (300 by default, setting ``ixl_training.retraining_seats``);
    a seat beyond the quota is refused, as is a second seat to the same person in a year.

    A seat given is a decision counted in the year's quota: whom, when and by whom are
    not rewritten afterwards (a wrong seat is deleted by a coordinator)."""

    _name = "ixl.retraining.seat"
    _description = "Re-training platform seat"
    _inherit = ["ixl.admission.mixin", "ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _ixl_locked_fields = ("user_id",)

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="restrict",
                                     index=True)
    date = fields.Date(string="Assigned on", required=True, default=lambda self: local_today())
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=None)
    user_id = fields.Many2one("res.users", string="Operator", readonly=True, copy=False,
                              default=lambda self: self.env.user)

    @api.depends("date")
    def _compute_year(self):
        for rec in self:
            rec.year = rec.date.year if rec.date else 0

    def _ixl_frozen_fields(self):
        return {"beneficiary_id", "date"}

    @api.model
    def _quota(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "ixl_training.retraining_seats", 300))

    @api.constrains("beneficiary_id", "date")
    def _check_quota(self):
        quota = self._quota()
        for rec in self:
            same_year = self.sudo().search([("year", "=", rec.year)])
            if len(same_year) > quota:
                raise ValidationError(self.env._(
                    "The %(quota)s re-training seats of %(year)s are all assigned.",
                    quota=quota, year=rec.year))
            if len(same_year.filtered(lambda s, r=rec: s.beneficiary_id == r.beneficiary_id)) > 1:
                raise ValidationError(self.env._(
                    "%(name)s already has a re-training seat in %(year)s.",
                    name=rec.beneficiary_id.name, year=rec.year))
