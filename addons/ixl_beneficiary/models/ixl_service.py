from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tools import local_today

SERVICE_TYPES = [
    ("cv_rewrite", "CV rewrite with an operator"),
    ("job_offer", "Job offer signalled"),
    ("italian_lesson", "One-to-one Italian lesson"),
]


class IxlService(models.Model):
    """A service given to a beneficiary (services log)."""

    _name = "ixl.service"
    _description = "Service to a beneficiary"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True
    )
    service_type = fields.Selection(SERVICE_TYPES, string="Service", required=True)
    date = fields.Date(required=True, default=lambda self: local_today(), index=True)
    user_id = fields.Many2one(
        "res.users", string="Operator", default=lambda self: self.env.user, required=True
    )
    hours = fields.Float(string="Duration (hours)")
    job_offer_title = fields.Char(string="Offer")
    job_offer_employer = fields.Char(string="Employer")
    job_offer_url = fields.Char(string="Offer link")
    municipality_id = fields.Many2one("ixl.municipality", string="Workplace")
    note = fields.Text()

    @api.depends("service_type", "date", "beneficiary_id")
    def _compute_display_name(self):
        labels = dict(self._fields["service_type"]._description_selection(self.env))
        for rec in self:
            label = labels.get(rec.service_type, "")
            rec.display_name = f"{label} - {rec.beneficiary_id.name or ''}"

    @api.constrains("hours")
    def _check_hours(self):
        if any(rec.hours < 0 for rec in self):
            raise ValidationError(self.env._("The duration of a service cannot be negative."))

    @api.constrains("service_type", "job_offer_title")
    def _check_job_offer(self):
        for rec in self:
            if rec.service_type == "job_offer" and not rec.job_offer_title:
                raise ValidationError(self.env._("A signalled job offer needs its title."))
