from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import check_period, fmt_amount, lock_rows

from .rules import COORDINATOR, OPERATOR, require_group

STATES = [
    ("submitted", "Submitted"),
    ("in_review", "In review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
]
OPEN_STATES = ("submitted", "in_review")
CLOSED_STATES = ("rejected", "withdrawn")
# The states each action accepts (the buttons' flags use the same tuples); rejecting
# and withdrawing take an open application (OPEN_STATES).
REVIEW_STATES = ("submitted",)
APPROVE_STATES = ("in_review",)
# What the decision was taken on, and the evaluation: frozen once decided.
DECIDED_FIELDS = {"call_id", "partner_id", "project_title", "project_description",
                  "project_budget", "amount_requested", "score", "reject_reason"}


class IxlCallApplication(models.Model):
    """An organisation (Third-sector entity, APL agency) applies to a call: the hires
    it claims the incentive for, or its project, its period and budget. Refused after
    the deadline of the call, except for always-open calls.

    The state is written only by the actions (review, approve, reject, withdraw), each
    checking the rule and the group; the application is frozen once decided."""

    _name = "ixl.call.application"
    _description = "Call application"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "date_submitted desc, id desc"
    _ixl_locked_fields = ("state", "date_submitted")
    _ixl_action_states = {"can_review": REVIEW_STATES, "can_approve": APPROVE_STATES,
                          "is_open": OPEN_STATES}

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False,
                       default="/")
    call_id = fields.Many2one("ixl.call", required=True, ondelete="restrict", index=True,
                              tracking=True)
    kind = fields.Selection(related="call_id.kind", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Applicant", required=True, ondelete="restrict", index=True,
        domain=[("is_company", "=", True)], tracking=True)
    currency_id = fields.Many2one(related="call_id.currency_id")
    date_submitted = fields.Date(required=True, default=fields.Date.context_today,
                                 readonly=True, copy=False)
    hire_ids = fields.One2many("ixl.call.hire", "application_id", string="Hires")
    hire_count = fields.Integer(compute="_compute_hire_count")
    project_title = fields.Char()
    project_description = fields.Text()
    project_budget = fields.Monetary(help="Total cost of the project.")
    amount_requested = fields.Monetary(
        string="Funding requested", help="Funding asked for the project (per year for a "
        "call capped per project per year); never above the cap of the call.")
    date_start = fields.Date(string="Project start", tracking=True,
                             help="Grants are decided only for the years of the project.")
    date_end = fields.Date(string="Project end", tracking=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    state = fields.Selection(STATES, default="submitted", required=True, tracking=True,
                             index=True, copy=False)
    reject_reason = fields.Text(string="Reason for rejection", tracking=True)
    can_review = fields.Boolean(compute="_compute_ixl_action_flags")
    can_approve = fields.Boolean(compute="_compute_ixl_action_flags")
    is_open = fields.Boolean(compute="_compute_ixl_action_flags",
                             help="Submitted or in review: it can still be rejected or "
                             "withdrawn.")
    evaluation_notes = fields.Text(groups="base.group_user")
    score = fields.Float(groups="base.group_user", tracking=True)
    user_id = fields.Many2one("res.users", string="Reviewer", groups="base.group_user")
    grant_ids = fields.One2many("ixl.call.grant", "application_id", string="Grants")
    granted = fields.Monetary(compute="_compute_amounts")
    paid = fields.Monetary(compute="_compute_amounts")

    @api.depends("hire_ids")
    def _compute_hire_count(self):
        for app in self:
            app.hire_count = len(app.hire_ids)

    @api.depends("grant_ids.amount", "grant_ids.paid")
    def _compute_amounts(self):
        for app in self:
            app.granted = sum(app.grant_ids.mapped("amount"))
            app.paid = sum(app.grant_ids.mapped("paid"))

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for app in self:
            app.display_name = f"{app.name} - {app.partner_id.name or ''}"

    # ORM ----------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            call = self.env["ixl.call"].browse(vals.get("call_id"))
            if call:
                call._check_accepts_applications(today)
            vals["date_submitted"] = today
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ixl.call.application")
        return super().create(vals_list)

    def _ixl_frozen_fields(self):
        if any(app.state not in OPEN_STATES for app in self):
            return DECIDED_FIELDS
        return set()

    def write(self, vals):
        """A new project period checks the project's grants again (call locked)."""
        period = {"date_start", "date_end"} & set(vals) and self.grant_ids
        if period:
            lock_rows(self.call_id, "lock_count")
        res = super().write(vals)
        if period:
            self.grant_ids._check_limits(after_change=True)
        return res

    @api.constrains("project_budget", "amount_requested", "score", "call_id", "hire_ids",
                    "date_start", "date_end")
    def _check_application(self):
        for app in self:
            if app.project_budget < 0 or app.amount_requested < 0:
                raise ValidationError(self.env._("Amounts cannot be negative."))
            if app.state in OPEN_STATES and app.currency_id.compare_amounts(
                    app.amount_requested, app.call_id.cap_amount) > 0:
                raise ValidationError(self.env._(
                    "The funding requested is above the cap of the call (%(cap)s).",
                    cap=fmt_amount(self.env, app.call_id.cap_amount, app.currency_id)))
            if app.sudo().score < 0:
                raise ValidationError(self.env._("The score cannot be negative."))
            if app.kind != "hiring" and app.hire_ids:
                raise ValidationError(self.env._(
                    "Hires are listed only in applications for the hiring incentive."))
        check_period(self, self.env._("The period of a project cannot end before it starts."))

    # ACTIONS ------------------------------------------------------------------------

    def _check_state(self, allowed):
        self._ixl_check_state(allowed, self.env._(
            "The application %(name)s is %(state)s: this is not possible."), name="name")

    def action_review(self):
        require_group(self, OPERATOR)
        self._check_state(REVIEW_STATES)
        self._ixl_transition().write({"state": "in_review", "user_id": self.env.user.id})

    def action_approve(self):
        """Approve: every hire claimed is decided (verified or refused) and one at least
        is verified; a project has its period."""
        require_group(self, COORDINATOR)
        self._check_state(APPROVE_STATES)
        for app in self:
            app._check_approvable()
        self._ixl_transition().write({"state": "approved"})

    def _check_approvable(self):
        _ = self.env._
        if self.kind != "hiring":
            if not (self.date_start and self.date_end):
                raise UserError(_("Give the project %(name)s its period (start and end) "
                                  "before approving it.", name=self.name))
            return
        hires = self.hire_ids
        if hires.filtered(lambda h: h.state in ("claimed", "conflict")):
            raise UserError(_("Verify or refuse every hire claimed in %(name)s first.",
                              name=self.name))
        if not hires.filtered(lambda h: h.state == "verified"):
            raise UserError(_("The application %(name)s lists no verified hire.",
                              name=self.name))

    def action_reject(self):
        require_group(self, COORDINATOR)
        self._check_state(OPEN_STATES)
        for app in self:
            if not (app.reject_reason or "").strip():
                raise UserError(self.env._(
                    "Write the reason for rejecting %(name)s first.", name=app.name))
        self._ixl_transition().write({"state": "rejected"})
        self.hire_ids._close_claims("refused")

    def action_withdraw(self):
        """The applicant renounces: the claims not verified are withdrawn (nothing was
        ever written on the people); verified hires stay, they are real."""
        require_group(self, OPERATOR)
        self._check_state(OPEN_STATES)
        self._ixl_transition().write({"state": "withdrawn"})
        self.hire_ids._close_claims("withdrawn")
