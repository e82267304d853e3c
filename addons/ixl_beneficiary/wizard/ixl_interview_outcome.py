from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.ixl_beneficiary import READINESS


class IxlInterviewOutcome(models.TransientModel):
    """Records the first interview: outcome, vulnerability score and readiness."""

    _name = "ixl.interview.outcome"
    _description = "First interview outcome"

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="cascade")
    interview_date = fields.Date(required=True, default=fields.Date.context_today)
    interviewer_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    outcome = fields.Selection(
        [("in_target", "In target"), ("out_of_target", "Not in target")], required=True
    )
    vulnerability_score = fields.Integer()
    readiness = fields.Selection(READINESS, required=True, default="pending")
    profile_preview = fields.Char(string="Profile", compute="_compute_profile_preview")
    interview_notes = fields.Html()

    @api.depends("vulnerability_score", "outcome")
    def _compute_profile_preview(self):
        for wiz in self:
            if wiz.outcome != "in_target":
                wiz.profile_preview = False
            elif wiz.vulnerability_score <= 10:
                wiz.profile_preview = self.env._("Strong")
            else:
                wiz.profile_preview = self.env._("Weak")

    def action_confirm(self):
        self.ensure_one()
        beneficiary = self.beneficiary_id
        beneficiary.check_access("write")
        if self.vulnerability_score < 0:
            raise UserError(self.env._("The vulnerability score cannot be negative."))
        if self.interview_date > fields.Date.context_today(self):
            raise UserError(self.env._("The interview date cannot be in the future."))
        if self.interview_date < fields.Date.to_date(beneficiary.registration_date):
            raise UserError(self.env._("The interview cannot precede the registration."))
        beneficiary._check_state(
            ("registered", "scheduled", "interviewed"), self.env._("recording the interview")
        )
        vals = {
            "state": self.outcome,
            "interview_held_date": self.interview_date,
            "interviewer_id": self.interviewer_id.id,
            "readiness": self.readiness if self.outcome == "in_target" else "pending",
        }
        if self.outcome == "in_target":
            vals.update(vulnerability_score=self.vulnerability_score, has_score=True)
        if self.interview_notes:
            vals["interview_notes"] = self.interview_notes
        beneficiary.write(vals)
        beneficiary.activity_feedback(
            ["ixl_beneficiary.mail_activity_type_first_interview"],
            feedback=self.env._("First interview held."),
        )
        return {"type": "ir.actions.act_window_close"}
