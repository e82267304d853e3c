from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import ADMITTED_STATES

OUTCOMES = [
    ("enrolled", "Enrolled"),
    ("completed", "Completed"),
    ("qualified", "Qualification obtained"),
    ("dropped", "Dropped out"),
]


class IxlTrainingPackage(models.Model):
    """A training package (pacchetto formativo): one admitted beneficiary enrolled in
    one course edition, with the outcome."""

    _name = "ixl.training.package"
    _description = "Training package"
    _inherit = ["mail.thread"]
    _order = "date_enrolled desc, id desc"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="restrict", index=True, tracking=True)
    edition_id = fields.Many2one(
        "ixl.course.edition", required=True, ondelete="restrict",
        index=True, tracking=True)
    course_id = fields.Many2one(related="edition_id.course_id", store=True)
    kind = fields.Selection(related="edition_id.kind", store=True)
    provider_id = fields.Many2one(related="edition_id.provider_id", store=True,
                                  string="Training provider")
    date_start = fields.Date(related="edition_id.date_start", store=True)
    date_end = fields.Date(related="edition_id.date_end", store=True)
    date_enrolled = fields.Date(string="Enrolled on", default=fields.Date.context_today,
                                required=True)
    outcome = fields.Selection(OUTCOMES, required=True, default="enrolled", tracking=True,
                               index=True)
    user_id = fields.Many2one("res.users", string="Operator",
                              default=lambda self: self.env.user)
    note = fields.Text()

    @api.depends("beneficiary_id", "edition_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " - ".join(
                filter(None, [rec.beneficiary_id.name, rec.edition_id.name]))

    @api.constrains("beneficiary_id")
    def _check_beneficiary_admitted(self):
        for rec in self:
            if rec.beneficiary_id.state not in ADMITTED_STATES:
                raise ValidationError(self.env._(
                    "%(name)s is not admitted to the programme (in target or active): "
                    "the training package cannot be recorded.", name=rec.beneficiary_id.name))

    @api.constrains("beneficiary_id", "edition_id")
    def _check_duplicate(self):
        for rec in self:
            if self.search_count([("beneficiary_id", "=", rec.beneficiary_id.id),
                                  ("edition_id", "=", rec.edition_id.id),
                                  ("id", "!=", rec.id)]):
                raise ValidationError(self.env._(
                    "%(name)s is already enrolled in %(edition)s.",
                    name=rec.beneficiary_id.name, edition=rec.edition_id.name))
