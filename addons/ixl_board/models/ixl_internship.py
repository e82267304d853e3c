from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import (
    programme_currency,
    require_group,
    wizard_action,
)

from .board_tools import OPERATOR

INTERNSHIP_STATES = [
    ("draft", "Draft"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# The kind decides the placement recorded: a stage or a tirocinio.
KINDS = [
    ("internship", "Internship (stage)"),
    ("traineeship", "Traineeship (tirocinio)"),
]
OUTCOMES = [
    ("continued", "Continued"),
    ("hired_fixed_term", "Hired, fixed-term"),
    ("hired_permanent", "Hired, permanent"),
    ("ended", "Ended"),
]
# Outcomes a close records today; "continued" is the outcome of closings made before the
# Extend action existed (they can still be extended).
CLOSE_OUTCOMES = ("hired_fixed_term", "hired_permanent", "ended")
# Outcomes that turn the internship into a hire, with the contract of the hire.
HIRE_CONTRACTS = {"hired_fixed_term": "fixed_term", "hired_permanent": "permanent"}
# Fields frozen once the internship has started (a placement records them), and once done.
STARTED_FROZEN = {"partner_id", "beneficiary_id", "kind", "currency_id", "date_start",
                  "date_end"}
# the trainee's category too: the regional rule no longer checks an ended internship
DONE_FROZEN = STARTED_FROZEN | {"monthly_indemnity", "job_title", "trainee_category"}
MONTH_FIELDS = {"date_start", "date_end", "monthly_indemnity", "currency_id"}
# The states each action accepts (the buttons' flags use the same tuples).
DRAFT_STATES = ("draft",)  # start, cancel
SUSPEND_STATES = ("draft", "ongoing")
CLOSE_STATES = ("ongoing",)
RESET_STATES = ("cancelled",)


class IxlInternship(models.Model):
    """An internship (stage) or traineeship (tirocinio) promoted by IXL: a beneficiary
    hosted by a company for a period, with a monthly indemnity paid by IXL.

    Draft -> ongoing (``action_start`` records the placement) -> done (``action_close``
    with an outcome; a hire outcome records the hire, a transformation of the last
    placement). ``action_extend`` moves the end date of an ongoing internship (or of one
    closed as "continued" before extensions existed): the same internship goes on and an
    extension placement continues its placement. Only a draft can be cancelled. State,
    outcome and placements are written only by these actions (``ixl.workflow.mixin``);
    a closed internship is frozen.

    The indemnity due is computed per calendar month in ``ixl.internship.month`` (see
    the rule there); months already past or paid are fixed.
    """

    _name = "ixl.internship"
    _description = "Internship"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin",
                "ixl.admission.mixin", "ixl.portal.person.mixin"]
    _order = "date_start desc, id desc"
    _rec_names_search = ["partner_id", "beneficiary_id", "job_title"]
    _ixl_public_name_fields = ("partner_id", "job_title")
    _ixl_locked_fields = ("state", "outcome", "placement_id", "hire_placement_id")
    _ixl_action_states = {"is_draft": DRAFT_STATES, "can_suspend": SUSPEND_STATES,
                          "can_close": CLOSE_STATES, "can_reset_draft": RESET_STATES}

    kind = fields.Selection(KINDS, default="internship", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Host company", required=True, index=True, tracking=True,
        domain=[("is_company", "=", True)], ondelete="restrict")
    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, index=True, tracking=True, ondelete="restrict",
        domain=[("is_admitted", "=", True)], groups="base.group_user")
    portal_name = fields.Char(string="Intern")
    job_title = fields.Char(string="Role")
    tutor_name = fields.Char(string="Tutor", tracking=True)
    tutor_email = fields.Char(tracking=True)
    date_start = fields.Date(string="Start date", required=True, tracking=True, index=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: programme_currency(self.env))
    monthly_indemnity = fields.Monetary(tracking=True)
    suspension_ids = fields.One2many("ixl.internship.suspension", "internship_id",
                                     string="Suspensions", groups="base.group_user")
    month_ids = fields.One2many("ixl.internship.month", "internship_id",
                                string="Indemnity per month", readonly=True)
    total_indemnity = fields.Monetary(compute="_compute_totals", store=True)
    total_paid = fields.Monetary(string="Indemnity paid", compute="_compute_totals",
                                 store=True)
    state = fields.Selection(INTERNSHIP_STATES, default="draft", required=True, tracking=True,
                             index=True, copy=False, readonly=True)
    outcome = fields.Selection(OUTCOMES, tracking=True, readonly=True, copy=False)
    placement_id = fields.Many2one("ixl.placement", string="Internship placement",
                                   readonly=True, copy=False, groups="base.group_user")
    hire_placement_id = fields.Many2one("ixl.placement", string="Hire", readonly=True,
                                        copy=False, groups="base.group_user")
    placement_ids = fields.One2many("ixl.placement", "internship_id", string="Placements",
                                    readonly=True, groups="base.group_user")
    can_extend = fields.Boolean(compute="_compute_can_extend")
    is_draft = fields.Boolean(compute="_compute_ixl_action_flags",
                              help="A draft starts or is cancelled.")
    can_suspend = fields.Boolean(compute="_compute_ixl_action_flags")
    can_close = fields.Boolean(compute="_compute_ixl_action_flags")
    can_reset_draft = fields.Boolean(compute="_compute_ixl_action_flags")
    user_id = fields.Many2one("res.users", string="Operator", tracking=True,
                              default=lambda self: self.env.user, groups="base.group_user")
    note = fields.Html(groups="base.group_user")

    @api.depends_context("uid")
    @api.depends("portal_name", "partner_id")
    def _compute_display_name(self):
        for internship in self:
            internship.display_name = " - ".join(filter(None, [
                internship._ixl_person_label(), internship.partner_id.name]))

    @api.depends("month_ids.amount", "month_ids.paid_amount")
    def _compute_totals(self):
        for internship in self:
            internship.total_indemnity = sum(internship.month_ids.mapped("amount"))
            internship.total_paid = sum(internship.month_ids.mapped("paid_amount"))

    @api.depends("state", "outcome")
    def _compute_can_extend(self):
        for internship in self:
            internship.can_extend = internship._ixl_extendable()

    # CONSTRAINTS

    @api.constrains("date_start", "date_end", "monthly_indemnity", "partner_id")
    def _check_values(self):
        for internship in self:
            if internship.date_end < internship.date_start:
                raise ValidationError(self.env._(
                    "The internship cannot end (%(end)s) before it starts (%(start)s).",
                    start=internship.date_start, end=internship.date_end))
            if internship.monthly_indemnity < 0:
                raise ValidationError(self.env._("The monthly indemnity cannot be negative."))
            if not internship.partner_id.is_company:
                raise ValidationError(self.env._(
                    "%(partner)s is not a company: an internship is hosted by a company.",
                    partner=internship.partner_id.display_name))
            start, end = internship.date_start, internship.date_end
            outside = internship.sudo().suspension_ids.filtered(
                lambda s, start=start, end=end: s.date_from < start or s.date_to > end)
            if outside:
                raise ValidationError(self.env._(
                    "The suspension from %(start)s to %(end)s would fall outside the "
                    "internship period.", start=outside[0].date_from, end=outside[0].date_to))

    # ORM

    def _ixl_frozen_fields(self):
        states = set(self.mapped("state"))
        if "done" in states:
            return set(DONE_FROZEN)
        return set(STARTED_FROZEN) if "ongoing" in states else set()

    @api.model_create_multi
    def create(self, vals_list):
        internships = super().create(vals_list)
        internships._rebuild_months()
        return internships

    def write(self, vals):
        result = super().write(vals)
        if MONTH_FIELDS & vals.keys():
            self._rebuild_months()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda i: i.state in ("ongoing", "done"))
        if started:
            raise UserError(self.env._(
                "The internship %(name)s has started: it cannot be deleted.",
                name=started[0].display_name))

    # ACTIONS

    def action_start(self):
        require_group(self, OPERATOR)
        for internship in self:
            if internship.state not in DRAFT_STATES:
                raise UserError(self.env._(
                    "Only a draft internship can start; %(name)s is not a draft.",
                    name=internship.display_name))
            placement = self.env["ixl.placement"].create(
                internship._prepare_placement_values())
            internship._ixl_transition().write({"state": "ongoing",
                                                "placement_id": placement.id})
        return True

    def action_close(self, outcome, hire_start=None, date_end=None):
        """Close ongoing internships with ``outcome``, ending on ``date_end`` (an earlier
        end shortens them; default: the planned end); a hire outcome records the hire,
        starting on ``hire_start`` or else the day after the internship ends."""
        require_group(self, OPERATOR)
        if outcome not in CLOSE_OUTCOMES:
            raise UserError(self.env._(
                "Unknown internship outcome: %(outcome)s. An internship that goes on is "
                "extended (Extend), not closed.", outcome=outcome))
        for internship in self:
            if internship.state not in CLOSE_STATES:
                raise UserError(self.env._(
                    "Only an ongoing internship can be closed; %(name)s is not ongoing.",
                    name=internship.display_name))
            end = internship._ixl_checked_close_end(date_end)
            values = {"state": "done", "outcome": outcome, "date_end": end}
            if outcome in HIRE_CONTRACTS:
                start = fields.Date.to_date(hire_start) or end + timedelta(days=1)
                if start <= end:
                    raise UserError(self.env._(
                        "The hire cannot start (%(start)s) before the internship ends "
                        "(%(end)s).", start=start, end=end))
                values["hire_placement_id"] = self.env["ixl.placement"].create(dict(
                    internship._prepare_placement_values(),
                    placement_type="hire", contract_type=HIRE_CONTRACTS[outcome],
                    date_start=start, date_end=False, relation="transformation",
                    previous_placement_id=internship._ixl_last_placement().id,
                )).id
            internship._ixl_transition().write(values)
            internship._ixl_last_placement().date_end = end
        return True

    def action_extend(self, date_end):
        """Extend the internships to ``date_end``: the same internship goes on (months
        added at the current indemnity) and an extension placement continues its last
        placement. Possible while ongoing, and for internships closed as "continued"."""
        require_group(self, OPERATOR)
        end = fields.Date.to_date(date_end)
        for internship in self:
            if not internship._ixl_extendable():
                raise UserError(self.env._(
                    "Only an ongoing internship, or one closed as continued, can be "
                    "extended; %(name)s cannot.", name=internship.display_name))
            if not end or end <= internship.date_end:
                raise UserError(self.env._(
                    "The extension must end after the current end of the internship "
                    "(%(end)s).", end=internship.date_end))
            previous = internship._ixl_last_placement()
            placement = self.env["ixl.placement"].create(dict(
                internship._prepare_placement_values(),
                date_start=internship.date_end + timedelta(days=1), date_end=end,
                relation="extension", previous_placement_id=previous.id))
            internship._ixl_transition().write(
                {"state": "ongoing", "outcome": False, "date_end": end})
            internship.message_post(body=self.env._(
                "Internship extended to %(end)s (placement %(placement)s).",
                end=end, placement=placement.display_name))
        return True

    def action_cancel(self):
        require_group(self, OPERATOR)
        if self.filtered(lambda i: i.state not in DRAFT_STATES):
            raise UserError(self.env._("Only a draft internship can be cancelled."))
        return self._ixl_transition().write({"state": "cancelled"})

    def action_reset_draft(self):
        require_group(self, OPERATOR)
        if self.filtered(lambda i: i.state not in RESET_STATES):
            raise UserError(self.env._("Only a cancelled internship can go back to draft."))
        return self._ixl_transition().write({"state": "draft"})

    def action_open_close(self):
        return self._ixl_wizard("ixl.internship.close", self.env._("Close the internship"))

    def action_open_extend(self):
        return self._ixl_wizard("ixl.internship.extend", self.env._("Extend the internship"))

    def action_open_suspend(self):
        return self._ixl_wizard("ixl.internship.suspend", self.env._("Suspend the internship"))

    def _ixl_wizard(self, model, name):
        self.ensure_one()
        return wizard_action(name, model, internship_id=self.id)

    # BUSINESS

    def _ixl_extendable(self):
        self.ensure_one()
        return self.state == "ongoing" or (self.state == "done" and self.outcome == "continued")

    def _ixl_checked_close_end(self, date_end):
        self.ensure_one()
        end = fields.Date.to_date(date_end) or self.date_end
        if not self.date_start <= end <= self.date_end:
            raise UserError(self.env._(
                "The internship can end from %(start)s to %(end)s; to go beyond, extend it.",
                start=self.date_start, end=self.date_end))
        return end

    def _ixl_last_placement(self):
        """The placement the internship's path currently ends with (the internship
        placement or its last extension)."""
        self.ensure_one()
        path = self.sudo().placement_ids.filtered(lambda p: p.relation != "transformation")
        return (path.sorted("date_start")[-1:] or self.sudo().placement_id).with_env(self.env)

    def _prepare_placement_values(self):
        self.ensure_one()
        return {
            "beneficiary_id": self.beneficiary_id.id,
            "employer_id": self.partner_id.id,
            "placement_type": self.kind,
            "job_title": self.job_title,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "internship_id": self.id,
        }

    def _rebuild_months(self):
        """Bring the indemnity lines in line with dates, indemnity and suspensions
        (trusted: the caller passed the internship's own access checks)."""
        self.env["ixl.internship.month"].sudo()._sync_internships(self.sudo())
