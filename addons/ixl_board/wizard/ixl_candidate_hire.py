from odoo import fields, models
from odoo.exceptions import UserError


class IxlCandidateHire(models.TransientModel):
    """Hire a candidate: creates the placement in one step."""

    _name = "ixl.candidate.hire"
    _description = "Hire a candidate"

    candidate_id = fields.Many2one("ixl.candidate", required=True, ondelete="cascade")
    date_start = fields.Date(string="Start date", required=True,
                             default=fields.Date.context_today)
    date_end = fields.Date(string="End date")
    weekly_hours = fields.Float(
        default=lambda self: self.env["ixl.candidate"].browse(
            self.env.context.get("default_candidate_id")).request_id.weekly_hours)

    def action_confirm(self):
        self.ensure_one()
        self.candidate_id.check_access("write")
        if self.date_end and self.date_end < self.date_start:
            raise UserError(self.env._("The end date cannot be before the start date."))
        placement = self.candidate_id._hire(self.date_start, self.date_end, self.weekly_hours)
        return {
            "type": "ir.actions.act_window",
            "res_model": "ixl.placement",
            "res_id": placement.id,
            "view_mode": "form",
        }
