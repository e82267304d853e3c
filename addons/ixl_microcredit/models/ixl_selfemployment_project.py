from odoo import api, fields, models

from odoo.addons.ixl_beneficiary.models.ixl_workflow_mixin import states_to
from odoo.addons.ixl_beneficiary.models.tools import local_today

from .operations import COORDINATOR, move_project, operation_date, require_group

SE_STATES = [
    ("proposed", "Proposed"),
    ("accompaniment", "In accompaniment"),
    ("standby", "Stand-by"),
    ("rejected", "Rejected"),
    ("started", "Started and monitored"),
]
SE_TRANSITIONS = {
    "proposed": {"accompaniment", "standby", "rejected"},
    "accompaniment": {"standby", "rejected", "started"},
    "standby": {"accompaniment", "rejected"},
    "rejected": set(),
    "started": set(),
}


class IxlSelfemploymentProject(models.Model):
    """A self-employment (autoimpiego) project proposed by a beneficiary: business
    plan, accompaniment, start and monitoring, and the Credito Sociale loan if any.

    Operators propose and follow projects; every step (accompany, stand-by, reject,
    start) is a coordinator's decision, taken through its button."""

    _name = "ixl.selfemployment.project"
    _description = "Self-employment project"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "date_proposed desc, id desc"
    _ixl_locked_fields = ("state", "date_started")
    # Each step's button shows in the states SE_TRANSITIONS lets it leave.
    _ixl_action_states = {
        f"can_{step}": states_to(SE_TRANSITIONS, target)
        for step, target in (("accompany", "accompaniment"), ("standby", "standby"),
                             ("reject", "rejected"), ("start", "started"))
    }

    name = fields.Char(string="Project", required=True, tracking=True)
    beneficiary_id = fields.Many2one("ixl.beneficiary", string="Proposer", required=True,
                                     index=True, ondelete="restrict", tracking=True)
    user_id = fields.Many2one("res.users", string="Operator", tracking=True,
                              default=lambda self: self.env.user)
    idea = fields.Text()
    sector = fields.Char()
    business_plan = fields.Binary(attachment=True)
    business_plan_name = fields.Char(string="Business plan file name")
    date_proposed = fields.Date(string="Proposal date", required=True,
                                default=lambda self: local_today())
    date_started = fields.Date(string="Start date", readonly=True, copy=False)
    monitoring_notes = fields.Html()
    loan_ids = fields.One2many("ixl.loan", "selfemployment_project_id", string="Loans")
    loan_count = fields.Integer(compute="_compute_loan_count")
    state = fields.Selection(SE_STATES, default="proposed", required=True, readonly=True,
                             tracking=True, index=True, copy=False)
    can_accompany = fields.Boolean(compute="_compute_ixl_action_flags")
    can_standby = fields.Boolean(compute="_compute_ixl_action_flags")
    can_reject = fields.Boolean(compute="_compute_ixl_action_flags")
    can_start = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("loan_ids")
    def _compute_loan_count(self):
        for project in self:
            project.loan_count = len(project.loan_ids)

    def _set_state(self, state, values=None):
        return move_project(self, SE_TRANSITIONS, state, values)

    def action_accompany(self):
        return self._set_state("accompaniment")

    def action_standby(self):
        return self._set_state("standby")

    def action_reject(self):
        return self._set_state("rejected")

    def action_start(self, date=None):
        """The business started on ``date`` (default today in Bologna)."""
        require_group(self, COORDINATOR)
        for project in self:
            day = operation_date(project, date, project.date_proposed,
                                 self.env._("the proposal date"))
            project._set_state("started", {"date_started": day})
        return True
