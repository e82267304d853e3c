from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("submitted", "Submitted"),
    ("in_review", "In review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
]
CLOSED_STATES = ("rejected", "withdrawn")


class IxlCallApplication(models.Model):
    """An organisation (Third-sector entity, APL agency) applies to a call: the hires
    it asks the incentive for, or its project and budget. Refused after the deadline
    of the call, except for always-open calls."""

    _name = "ixl.call.application"
    _description = "Call application"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"

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
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    state = fields.Selection(STATES, default="submitted", required=True, tracking=True,
                             index=True, copy=False)
    reject_reason = fields.Text(string="Reason for rejection", tracking=True)
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

    @api.constrains("project_budget", "amount_requested", "score", "call_id", "hire_ids")
    def _check_application(self):
        for app in self:
            if app.project_budget < 0 or app.amount_requested < 0:
                raise ValidationError(self.env._("Amounts cannot be negative."))
            if app.currency_id.compare_amounts(app.amount_requested,
                                               app.call_id.cap_amount) > 0:
                raise ValidationError(self.env._(
                    "The funding requested is above the cap of the call (%(cap)s).",
                    cap=app.call_id._fmt(app.call_id.cap_amount)))
            if app.sudo().score < 0:
                raise ValidationError(self.env._("The score cannot be negative."))
            if app.kind != "hiring" and app.hire_ids:
                raise ValidationError(self.env._(
                    "Hires are listed only in applications for the hiring incentive."))

    def write(self, vals):
        if "call_id" in vals and any(app.grant_ids for app in self):
            raise UserError(self.env._("The call of an application with grants cannot change."))
        return super().write(vals)

    def _check_state(self, allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for app in self:
            if app.state not in allowed:
                raise UserError(self.env._(
                    "The application %(name)s is %(state)s: this is not possible.",
                    name=app.name, state=labels[app.state]))

    def action_review(self):
        self._check_state(("submitted",))
        self.write({"state": "in_review", "user_id": self.env.user.id})

    def action_approve(self):
        self._check_state(("in_review",))
        for app in self:
            if app.kind == "hiring" and not app.hire_ids:
                raise UserError(self.env._(
                    "The application %(name)s lists no hire.", name=app.name))
        self.state = "approved"

    def action_reject(self):
        self._check_state(("submitted", "in_review"))
        for app in self:
            if not (app.reject_reason or "").strip():
                raise UserError(self.env._(
                    "Write the reason for rejecting %(name)s first.", name=app.name))
        self.state = "rejected"

    def action_withdraw(self):
        self._check_state(("submitted", "in_review"))
        self.state = "withdrawn"
