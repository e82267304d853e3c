from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.tools import check_percent, check_period

INDICATORS = [
    ("employment_rate", "Employment rate"),
    ("placement_rate", "Placement rate"),
]


class IxlTrainingAgreement(models.Model):
    """Agreement with a training provider: the share of the course cost the provider
    puts at risk, the indicator it depends on, its target and the observation window:
    months after the end of the course in which placements are counted, or a calendar
    date ("placements 2018-2020": until 31/12/2020)."""

    _name = "ixl.training.agreement"
    _description = "Training provider agreement"
    _inherit = ["mail.thread"]
    _order = "provider_id, date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    provider_id = fields.Many2one(
        "res.partner", string="Training provider", required=True, ondelete="restrict",
        index=True, domain=[("is_company", "=", True)], tracking=True,
    )
    active = fields.Boolean(default=True)
    date_start = fields.Date(string="Valid from", tracking=True)
    date_end = fields.Date(string="Valid until", tracking=True)
    risk_share = fields.Float(
        string="Risk share (%)", default=30.0, required=True, tracking=True,
        help="Share of the total course cost the provider puts at risk, 0-100.",
    )
    indicator = fields.Selection(
        INDICATORS, required=True, default="employment_rate", tracking=True,
        help="The course indicator the at-risk share depends on.",
    )
    target_value = fields.Float(
        string="Target (%)", default=60.0, required=True, tracking=True,
        help="Value of the indicator at which the whole at-risk share is earned.",
    )
    window_months = fields.Integer(
        string="Observation window (months)", default=12, required=True, tracking=True,
        help="Placements are counted from the start of the course to this many months "
        "after its end.",
    )
    window_end_date = fields.Date(
        string="Observation window ends on", tracking=True,
        help="A calendar date ending the observation window of the editions (e.g. "
        "placements 2018-2020: 31/12/2020); when set it replaces the months.",
    )
    note = fields.Text()

    @api.constrains("risk_share", "target_value", "window_months")
    def _check_values(self):
        for rec in self:
            check_percent(rec.risk_share, self.env._(
                "The risk share must be between 0 and 100%%; %(share)s is not valid.",
                share=rec.risk_share))
            if rec.target_value <= 0:
                raise ValidationError(self.env._("The target must be greater than zero."))
            if rec.window_months < 0:
                raise ValidationError(self.env._(
                    "The observation window cannot be negative."))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        check_period(self, self.env._("The end of an agreement cannot be before its start."))
