from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_workflow_mixin import states_to
from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, programme_currency

from .operations import COMMITTEE, move_project

SOCIAL_STATES = [
    ("submitted", "Submitted"),
    ("selected", "Selected"),
    ("rejected", "Rejected"),
    ("accompaniment", "In accompaniment"),
    ("positive", "Positively evaluated"),
    ("concluded", "Concluded and funded"),
    ("withdrawn", "Withdrawn"),
    ("standby", "Stand-by"),
]
SOCIAL_TRANSITIONS = {
    "selected": {"accompaniment", "withdrawn", "standby"},
    "accompaniment": {"positive", "withdrawn", "standby"},
    "standby": {"accompaniment", "withdrawn"},
    "positive": {"concluded", "withdrawn"},
}
# What the evaluation committee records; only the committee writes it.
EVALUATION_FIELDS = {"committee_member_ids", "evaluation_date", "score", "decision_reason",
                     "funding_approved"}
# The evaluation behind a decision: frozen once the committee decided.
DECISION_SNAPSHOT = {"committee_member_ids", "evaluation_date", "score", "decision_reason"}
# States in which the funding approved cannot change any more.
CLOSED_STATES = ("concluded", "rejected", "withdrawn")
# The committee decides (select or reject) a submitted project.
DECIDE_STATES = ("submitted",)


class IxlSocialProject(models.Model):
    """A social-innovation project of a Third-sector organisation, received through a
    call and judged by the evaluation committee (selected or rejected, with a score and
    the reasons). Funding approved by the committee and funding paid are kept apart;
    what is paid never exceeds what is approved.

    Only the committee decides (select, reject) and records the evaluation; the
    follow-up steps are the coordinators'."""

    _name = "ixl.social.project"
    _description = "Social innovation project"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "id desc"
    _ixl_locked_fields = ("state", "decision")
    # The committee's buttons show on a submitted project; each follow-up step's in the
    # states SOCIAL_TRANSITIONS lets it leave.
    _ixl_action_states = {
        "can_decide": DECIDE_STATES,
        **{f"can_{step}": states_to(SOCIAL_TRANSITIONS, target)
           for step, target in (("accompany", "accompaniment"), ("positive", "positive"),
                                ("conclude", "concluded"), ("withdraw", "withdrawn"),
                                ("standby", "standby"))},
    }

    name = fields.Char(string="Project", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Organisation", required=True,
                                 index=True, domain=[("is_company", "=", True)],
                                 ondelete="restrict", tracking=True)
    call_reference = fields.Char(string="Call", help="The call the project answered.")
    description = fields.Text()
    user_id = fields.Many2one("res.users", string="Operator",
                              default=lambda self: self.env.user)
    committee_member_ids = fields.Many2many("res.users", "ixl_social_project_committee_rel",
                                            "project_id", "user_id", string="Committee members")
    evaluation_date = fields.Date(tracking=True)
    score = fields.Float(tracking=True)
    decision = fields.Selection([("selected", "Selected"), ("rejected", "Rejected")],
                                readonly=True, tracking=True, copy=False)
    decision_reason = fields.Text(string="Reasons")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: programme_currency(self.env))
    funding_approved = fields.Monetary(tracking=True)
    payment_ids = fields.One2many("ixl.social.project.payment", "project_id",
                                  string="Payments")
    funding_paid = fields.Monetary(compute="_compute_funding_paid", store=True)
    partnerships = fields.Integer()
    internships = fields.Integer()
    jobs_created = fields.Integer()
    outcome_notes = fields.Text(string="Outcomes")
    loan_ids = fields.One2many("ixl.loan", "social_project_id", string="Loans")
    state = fields.Selection(SOCIAL_STATES, default="submitted", required=True,
                             readonly=True, tracking=True, index=True, copy=False)
    can_decide = fields.Boolean(compute="_compute_ixl_action_flags")
    can_accompany = fields.Boolean(compute="_compute_ixl_action_flags")
    can_positive = fields.Boolean(compute="_compute_ixl_action_flags")
    can_conclude = fields.Boolean(compute="_compute_ixl_action_flags")
    can_withdraw = fields.Boolean(compute="_compute_ixl_action_flags")
    can_standby = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("payment_ids.amount")
    def _compute_funding_paid(self):
        for project in self:
            project.funding_paid = sum(project.payment_ids.mapped("amount"))

    @api.constrains("score", "funding_approved")
    def _check_evaluation(self):
        for project in self:
            if not 0 <= project.score <= 100:
                raise ValidationError(self.env._("The score must be between 0 and 100."))
            if project.funding_approved < 0:
                raise ValidationError(self.env._("The funding approved cannot be negative."))

    @api.constrains("funding_approved", "funding_paid")
    def _check_funding_paid(self):
        for project in self:
            if project.currency_id.compare_amounts(project.funding_paid,
                                                   project.funding_approved) > 0:
                raise ValidationError(self.env._(
                    "The funding approved for %(project)s (%(approved)s) cannot be below what "
                    "was already paid (%(paid)s).", project=project.name,
                    approved=fmt_amount(self.env, project.funding_approved, project.currency_id),
                    paid=fmt_amount(self.env, project.funding_paid, project.currency_id)))

    def _ixl_frozen_fields(self):
        frozen = set()
        if any(project.decision for project in self):
            frozen |= DECISION_SNAPSHOT
        if any(project.state in CLOSED_STATES for project in self):
            frozen.add("funding_approved")
        return frozen

    @api.ondelete(at_uninstall=False)
    def _unlink_undecided_only(self):
        if any(project.decision for project in self):
            raise UserError(self.env._(
                "A project decided by the evaluation committee is never deleted: its "
                "decision stays in the history."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._ixl_in_transition():
            for vals in vals_list:
                self._check_evaluation_writer({
                    name for name in EVALUATION_FIELDS & set(vals)
                    if not self._ixl_is_default(name, vals[name])})
        return super().create(vals_list)

    def write(self, vals):
        if not self._ixl_in_transition():
            self._check_evaluation_writer(set(vals))
        return super().write(vals)

    def _check_evaluation_writer(self, names):
        """Only the committee records the evaluation, and the committee (unless also
        staff) nothing else: ``names`` are the fields the caller sets."""
        committee = self.env.user.has_group(COMMITTEE)
        if EVALUATION_FIELDS & names and not committee:
            raise AccessError(self.env._(
                "Only the evaluation committee records the evaluation of a project."))
        staff = self.env.user.has_group("ixl_beneficiary.group_ixl_operator")
        if committee and not staff and names - EVALUATION_FIELDS:
            raise AccessError(self.env._(
                "The evaluation committee can only record the evaluation of a project."))

    def _decide(self, decision):
        if not self.env.su and not self.env.user.has_group(COMMITTEE):
            raise AccessError(self.env._("Only the evaluation committee decides."))
        for project in self:
            if project.state not in DECIDE_STATES:
                raise UserError(self.env._("Project %(project)s was already evaluated.",
                                           project=project.name))
            if not (project.evaluation_date and project.committee_member_ids):
                raise UserError(self.env._(
                    "Record the evaluation date and the committee members first."))
            if decision == "rejected" and not project.decision_reason:
                raise UserError(self.env._("Give the reasons of the rejection."))
        self._ixl_transition().write({"decision": decision, "state": decision})
        return True

    def action_select(self):
        return self._decide("selected")

    def action_reject(self):
        return self._decide("rejected")

    def _set_state(self, state):
        return move_project(self, SOCIAL_TRANSITIONS, state)

    def action_accompany(self):
        return self._set_state("accompaniment")

    def action_positive(self):
        return self._set_state("positive")

    def action_conclude(self):
        return self._set_state("concluded")

    def action_withdraw(self):
        return self._set_state("withdrawn")

    def action_standby(self):
        return self._set_state("standby")
