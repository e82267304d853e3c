from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..models.ixl_beneficiary import OUTCOMES, READINESS, profile_of
from ..models.ixl_beneficiary_intake import (
    FIRST_INTERVIEW_ACTIVITY,
    FIRST_INTERVIEW_STATES,
    REASSESS_STATES,
)
from ..models.tools import local_date, local_today


class IxlInterviewOutcome(models.TransientModel):
    """Records an interview: the first one, or a new assessment of a person already
    interviewed. Outcome, vulnerability score and readiness; each confirmation adds a
    row to the person's history of outcomes.

    The score is typed as text: an empty score is missing (no profile), while 0 is a
    score (strong profile). A person in target needs a score (the profile, strong or
    weak, is part of the outcome); for a person not in target no score is kept."""

    _name = "ixl.interview.outcome"
    _description = "Interview outcome"

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="cascade")
    is_first = fields.Boolean(compute="_compute_is_first")
    interview_date = fields.Date(required=True, default=lambda self: local_today())
    interviewer_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    outcome = fields.Selection(OUTCOMES, required=True)
    vulnerability_score = fields.Char(
        help="A whole number, 0 or more: 10 or less is a strong profile, 11 or more weak.")
    readiness = fields.Selection(READINESS, required=True, default="pending")
    profile_preview = fields.Char(string="Profile", compute="_compute_profile_preview")
    interview_notes = fields.Html()

    @api.depends("beneficiary_id.state")
    def _compute_is_first(self):
        for wiz in self:
            wiz.is_first = wiz.beneficiary_id.state in FIRST_INTERVIEW_STATES

    @api.depends("vulnerability_score", "outcome")
    def _compute_profile_preview(self):
        labels = {"strong": self.env._("Strong"), "weak": self.env._("Weak")}
        for wiz in self:
            try:
                score = wiz._score()
            except UserError:
                score = None
            profile = profile_of(score is not None, score)
            wiz.profile_preview = labels.get(profile) if wiz.outcome == "in_target" else False

    def _score(self):
        """The score typed, None when empty; UserError when it is not a whole number
        of 0 or more."""
        text = (self.vulnerability_score or "").strip()
        if not text:
            return None
        try:
            score = int(text)
        except ValueError as exc:
            raise UserError(self.env._(
                "The vulnerability score must be a whole number.")) from exc
        if score < 0:
            raise UserError(self.env._("The vulnerability score cannot be negative."))
        return score

    def _check_input(self, person, score):
        if self.outcome == "in_target" and score is None:
            raise UserError(self.env._(
                "Enter the vulnerability score of %s: the profile (strong or weak) of a "
                "person in target depends on it.", person.name))
        if self.interview_date > local_today():
            raise UserError(self.env._("The interview date cannot be in the future."))
        if self.interview_date < local_date(person.registration_date):
            raise UserError(self.env._("The interview cannot precede the registration."))
        last = person.sudo().interview_outcome_ids[:1]
        if last and self.interview_date < last.date:
            raise UserError(self.env._(
                "The new assessment cannot precede the last one (%s).",
                format_date(self.env, last.date)))

    def action_confirm(self):
        self.ensure_one()
        person = self.beneficiary_id
        person._ixl_check_operator()
        person._check_state(FIRST_INTERVIEW_STATES + REASSESS_STATES,
                            self.env._("recording the interview"))
        first = person.state in FIRST_INTERVIEW_STATES
        score = self._score()
        self._check_input(person, score)
        in_target = self.outcome == "in_target"
        has_score = in_target  # a score is kept only with the outcome "in target"
        vals = {
            "state": self.outcome,
            "has_score": has_score,
            "vulnerability_score": score if has_score else 0,
            "readiness": self.readiness if in_target else "pending",
        }
        if in_target and person.state == "active":
            vals["state"] = "active"  # assessed again while followed: still followed
        if first:
            vals.update(interview_held_date=self.interview_date,
                        interviewer_id=self.interviewer_id.id, first_outcome=self.outcome,
                        first_profile_type=profile_of(has_score, score))
        notes = self._notes(person, first)
        if notes:
            vals["interview_notes"] = notes
        person._ixl_transition().write(vals)
        self.env["ixl.interview.outcome.record"]._ixl_transition().create({
            "beneficiary_id": person.id, "date": self.interview_date,
            "interviewer_id": self.interviewer_id.id, "user_id": self.env.uid,
            "outcome": self.outcome, "has_score": has_score,
            "vulnerability_score": vals["vulnerability_score"],
            "readiness": vals["readiness"], "is_first": first,
        })
        if first:
            person.activity_feedback(
                [FIRST_INTERVIEW_ACTIVITY], feedback=self.env._("First interview held."))
        return {"type": "ir.actions.act_window_close"}

    def _notes(self, person, first):
        """The notes of the first interview; those of a new assessment are added after
        the previous ones, under the date."""
        if not self.interview_notes or first:
            return self.interview_notes
        title = self.env._("Assessment of %s", format_date(self.env, self.interview_date))
        return Markup("%s<h4>%s</h4>%s") % (
            person.interview_notes or "", title, self.interview_notes)
