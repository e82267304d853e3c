from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import local_today

OUTCOMES = [
    ("enrolled", "Enrolled"),
    ("completed", "Completed"),
    ("qualified", "Qualification obtained"),
    ("dropped", "Dropped out"),
]
# outcome -> the outcomes it can be recorded from (back to "enrolled": coordinators).
OUTCOME_FROM = {
    "completed": ("enrolled",),
    "qualified": ("enrolled", "completed"),
    "dropped": ("enrolled",),
    "enrolled": ("completed", "qualified", "dropped"),
}
OPERATORS = "ixl_beneficiary.group_ixl_operator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"


class IxlTrainingPackage(models.Model):
    """A training package (pacchetto formativo): one admitted beneficiary enrolled in
    one course edition, with the outcome.

    The outcome is written only by its actions: completed or qualification obtained
    once the edition has ended, dropped out at any time, a qualification after a
    completion; back to enrolled (a correction) only by a coordinator."""

    _name = "ixl.training.package"
    _description = "Training package"
    _inherit = ["mail.thread", "ixl.admission.mixin", "ixl.workflow.mixin"]
    _order = "date_enrolled desc, id desc"
    _ixl_locked_fields = ("outcome",)

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
    date_enrolled = fields.Date(string="Enrolled on", default=lambda self: local_today(),
                                required=True)
    outcome = fields.Selection(OUTCOMES, required=True, default="enrolled", tracking=True,
                               index=True, readonly=True, copy=False)
    can_complete = fields.Boolean(compute="_compute_can_outcome")
    can_qualify = fields.Boolean(compute="_compute_can_outcome")
    can_drop = fields.Boolean(compute="_compute_can_outcome")
    can_reset = fields.Boolean(compute="_compute_can_outcome")
    user_id = fields.Many2one("res.users", string="Operator",
                              default=lambda self: self.env.user)
    note = fields.Text(groups=OPERATORS)

    @api.depends("beneficiary_id", "edition_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " - ".join(
                filter(None, [rec.beneficiary_id.name, rec.edition_id.name]))

    @api.depends("outcome", "edition_id.date_end")
    @api.depends_context("uid")
    def _compute_can_outcome(self):
        coordinator = self.env.user.has_group(COORDINATOR)
        for rec in self:
            rec.can_complete = not rec._outcome_refusal("completed")
            rec.can_qualify = not rec._outcome_refusal("qualified")
            rec.can_drop = not rec._outcome_refusal("dropped")
            rec.can_reset = coordinator and not rec._outcome_refusal("enrolled")

    @api.constrains("beneficiary_id", "edition_id")
    def _check_duplicate(self):
        for rec in self:
            if self.search_count([("beneficiary_id", "=", rec.beneficiary_id.id),
                                  ("edition_id", "=", rec.edition_id.id),
                                  ("id", "!=", rec.id)]):
                raise ValidationError(self.env._(
                    "%(name)s is already enrolled in %(edition)s.",
                    name=rec.beneficiary_id.name, edition=rec.edition_id.name))

    # ------------------------------------------------------------------ BUSINESS
    def _outcome_refusal(self, outcome):
        """Why ``outcome`` cannot be recorded on this package now (None when it can)."""
        self.ensure_one()
        if self.outcome not in OUTCOME_FROM[outcome]:
            return self.env._("%(name)s: this outcome cannot follow the current one.",
                              name=self.display_name)
        if outcome in ("completed", "qualified") and not (
                self.date_end and self.date_end <= local_today()):
            return self.env._("%(name)s: the course has not ended yet.",
                              name=self.display_name)
        return None

    def _set_outcome(self, outcome):
        self.check_access("write")
        if outcome == "enrolled" and not self.env.user.has_group(COORDINATOR):
            raise AccessError(self.env._(
                "Only a coordinator can reopen the outcome of a training package."))
        for rec in self:
            refusal = rec._outcome_refusal(outcome)
            if refusal:
                raise UserError(refusal)
        self._ixl_transition().write({"outcome": outcome})
        return True

    # ------------------------------------------------------------------ ACTIONS
    def action_set_completed(self):
        return self._set_outcome("completed")

    def action_set_qualified(self):
        return self._set_outcome("qualified")

    def action_set_dropped(self):
        return self._set_outcome("dropped")

    def action_reset_enrolled(self):
        return self._set_outcome("enrolled")
