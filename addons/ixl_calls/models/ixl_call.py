from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ixl_beneficiary.models.tools import (
    fmt_amount,
    lock_rows,
    programme_currency,
    set_related_count,
)

from .rules import COORDINATOR, require_group

KINDS = [
    ("hiring", "Third-sector hiring incentive"),
    ("apl", "APL project"),
    ("social", "Social-innovation projects"),
]
CAP_BASES = [
    ("hire_year", "Per hire per year"),
    ("project_year", "Per project per year"),
    ("project", "Per project"),
]
# Fields of a call whose change can lower what a grant may be: every grant of the call is
# checked again (under the call's lock) when one of them changes.
LIMIT_FIELDS = {"cap_amount", "cap_basis", "date_open", "kind", "currency_id"}
# The states each action accepts (the buttons' flags use the same tuples).
OPEN_CALL_STATES = ("draft",)
CLOSE_CALL_STATES = ("open",)
REOPEN_CALL_STATES = ("closed",)
DEFAULT_CAPS = {
    "hiring": (10000.0, "hire_year"),
    "apl": (40000.0, "project_year"),
    "social": (40000.0, "project"),
}


class IxlCall(models.Model):
    """A call for applications paid by funding sources: the incentive for Third-sector
    entities hiring beneficiaries aged 55 or more (always open), projects of authorised
    labour-intermediation agencies (APL), social-innovation projects.

    The budget is the sum of the allocations of the sources. Grants never exceed it:
    every grant and payment locks the call row first (``tools.lock_rows``). Its state is
    written only by the actions (open, close, reopen) of coordinators."""

    _name = "ixl.call"
    _description = "Call"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    # The budget and the publication are computed: never written from outside.
    _ixl_locked_fields = ("state", "is_published", "budget")
    _ixl_action_states = {"can_open": OPEN_CALL_STATES, "can_close": CLOSE_CALL_STATES,
                          "can_reopen": REOPEN_CALL_STATES}
    _order = "date_open desc, id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="hiring", tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: programme_currency(self.env))
    allocation_ids = fields.One2many("ixl.call.allocation", "call_id", string="Allocations",
                                     groups="base.group_user")
    budget = fields.Monetary(compute="_compute_budget", store=True,
                             help="Sum of the allocations of the funding sources.")
    # The usual cap of the kind, until staff change it (editable computes).
    cap_amount = fields.Monetary(string="Cap", required=True, tracking=True,
                                 compute="_compute_caps", store=True, readonly=False,
                                 precompute=True)
    cap_basis = fields.Selection(CAP_BASES, string="Cap basis", required=True, tracking=True,
                                 compute="_compute_caps", store=True, readonly=False,
                                 precompute=True)
    eligibility = fields.Text(string="Eligibility rules")
    description = fields.Html()
    date_open = fields.Date(string="Opening date", required=True,
                            default=fields.Date.context_today, tracking=True)
    date_deadline = fields.Date(string="Deadline", tracking=True,
                                help="Empty for an always-open call.")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft", required=True, tracking=True, index=True, copy=False)
    is_published = fields.Boolean(string="Published on the portal",
                                  compute="_compute_is_published", store=True)
    application_ids = fields.One2many("ixl.call.application", "call_id",
                                      string="Applications")
    grant_ids = fields.One2many("ixl.call.grant", "call_id", string="Grants")
    application_count = fields.Integer(compute="_compute_application_count")
    granted = fields.Monetary(compute="_compute_figures")
    paid = fields.Monetary(compute="_compute_figures")
    available = fields.Monetary(compute="_compute_figures",
                                help="Budget not granted yet.")
    lock_count = fields.Integer(readonly=True, copy=False)
    can_open = fields.Boolean(compute="_compute_ixl_action_flags")
    can_close = fields.Boolean(compute="_compute_ixl_action_flags")
    can_reopen = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("allocation_ids.amount")
    def _compute_budget(self):
        for call in self:
            call.budget = sum(call.allocation_ids.mapped("amount"))

    @api.depends("state")
    def _compute_is_published(self):
        for call in self:
            call.is_published = call.state == "open"

    def _compute_application_count(self):
        set_related_count(self, "application_count", "ixl.call.application", "call_id")

    @api.depends("budget", "grant_ids.amount", "grant_ids.payment_ids.amount")
    def _compute_figures(self):
        granted, paid = self._sums()
        for call in self:
            call.granted = granted.get(call.id, 0.0)
            call.paid = paid.get(call.id, 0.0)
            call.available = call.budget - call.granted

    def _sums(self):
        """({call id: granted}, {call id: paid}) read from the database."""
        if not self.ids:
            return {}, {}
        self.env.flush_all()
        self.env.cr.execute(SQL(
            "SELECT call_id, COALESCE(SUM(amount), 0) FROM ixl_call_grant "
            "WHERE call_id IN %s GROUP BY call_id", tuple(self.ids)))
        granted = dict(self.env.cr.fetchall())
        self.env.cr.execute(SQL(
            "SELECT g.call_id, COALESCE(SUM(p.amount), 0) FROM ixl_call_payment p "
            "JOIN ixl_call_grant g ON g.id = p.grant_id "
            "WHERE g.call_id IN %s GROUP BY g.call_id", tuple(self.ids)))
        return granted, dict(self.env.cr.fetchall())

    @api.depends("kind")
    def _compute_caps(self):
        for call in self:
            call.cap_amount, call.cap_basis = DEFAULT_CAPS.get(
                call.kind, DEFAULT_CAPS["hiring"])

    @api.constrains("cap_amount", "date_open", "date_deadline", "kind", "cap_basis")
    def _check_call(self):
        for call in self:
            if call.cap_amount <= 0:
                raise ValidationError(self.env._("The cap of a call must be positive."))
            if call.date_deadline and call.date_deadline < call.date_open:
                raise ValidationError(self.env._(
                    "The deadline of a call cannot be before its opening date."))
            if (call.kind == "hiring") != (call.cap_basis == "hire_year"):
                raise ValidationError(self.env._(
                    "The hiring incentive, and only it, is capped per hire per year."))

    def write(self, vals):
        """A change of the cap, its basis, the opening date (the first year of grants)
        or the kind checks every grant of the call again, under the call's lock: lowering
        a cap below what was granted is refused, naming the grant to reduce first."""
        limits = LIMIT_FIELDS & set(vals)
        if limits:
            if "kind" in vals and self.filtered("application_ids") \
                    and any(call.kind != vals["kind"] for call in self):
                raise ValidationError(self.env._(
                    "The kind of a call with applications cannot change."))
            lock_rows(self, "lock_count")
        res = super().write(vals)
        if limits:
            self.grant_ids._check_limits(after_change=True)
        return res

    def _check_budget(self):
        """Refuse when the grants of a call exceed its budget (call under lock)."""
        self.invalidate_recordset(["budget"])
        granted, _paid = self._sums()
        for call in self:
            total = granted.get(call.id, 0.0)
            if call.currency_id.compare_amounts(total, call.budget) > 0:
                raise ValidationError(self.env._(
                    "The call %(call)s has a budget of %(budget)s: its grants cannot reach "
                    "%(granted)s.", call=call.name,
                    budget=fmt_amount(self.env, call.budget, call.currency_id),
                    granted=fmt_amount(self.env, total, call.currency_id)))

    # Caps ----------------------------------------------------------------------

    def _unit_cap(self, year=None, date_start=None, date_end=None):
        """The most one unit (a hire or a project) can be granted for ``year``.

        - per hire per year: the cap (10,000) times the share of calendar year ``year``
          the hire covers, from the later of the hire date and 1 January to the earlier
          of the end of the hire and 31 December, both included, over the days of that
          year (365 or 366), rounded to the cent. A hire of 1 July 2025 gets
          184/365 x 10,000 = 5,041.10 for 2025 and 10,000 for 2026; nothing for a year
          before the hire or after its end.
        - per project per year: the cap (40,000) for each year of the project (its
          period ``date_start`` - ``date_end``), nothing for other years.
        - per project: the cap once for the whole project (``year`` is ignored).
        """
        self.ensure_one()
        if self.cap_basis == "project":
            return self.cap_amount
        if self.cap_basis == "project_year":
            before = date_start and year < date_start.year
            after = date_end and year > date_end.year
            return 0.0 if before or after else self.cap_amount
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = max(first, date_start) if date_start else first
        end = min(last, date_end) if date_end else last
        if end < start:
            return 0.0
        days = (end - start).days + 1
        return self.currency_id.round(self.cap_amount * days / ((last - first).days + 1))

    # Applications ----------------------------------------------------------------

    def _check_accepts_applications(self, on_date):
        """Raise unless the call takes applications on ``on_date`` (always-open calls
        have no deadline)."""
        self.ensure_one()
        if self.state != "open" or on_date < self.date_open:
            raise ValidationError(self.env._(
                "The call %(call)s is not open for applications.", call=self.name))
        if self.date_deadline and on_date > self.date_deadline:
            raise ValidationError(self.env._(
                "The deadline of the call %(call)s was %(deadline)s: applications are closed.",
                call=self.name, deadline=self.date_deadline))

    # Actions -----------------------------------------------------------------------

    def action_open(self):
        require_group(self, COORDINATOR)
        for call in self:
            if call.state not in OPEN_CALL_STATES:
                raise UserError(self.env._("Only a draft call can be opened."))
            if not call.budget:
                raise UserError(self.env._(
                    "Allocate a funding source to the call %(call)s before opening it.",
                    call=call.name))
        self._ixl_transition().write({"state": "open"})

    def action_close(self):
        require_group(self, COORDINATOR)
        if any(call.state not in CLOSE_CALL_STATES for call in self):
            raise UserError(self.env._("Only an open call can be closed."))
        self._ixl_transition().write({"state": "closed"})

    def action_reopen(self):
        require_group(self, COORDINATOR)
        if any(call.state not in REOPEN_CALL_STATES for call in self):
            raise UserError(self.env._("Only a closed call can be reopened."))
        self._ixl_transition().write({"state": "open"})

    def action_view_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ixl_calls.ixl_call_application_action")
        action["domain"] = [("call_id", "=", self.id)]
        action["context"] = {"default_call_id": self.id}
        return action
