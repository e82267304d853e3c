from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, lock_rows, wizard_action

from .rules import COORDINATOR, FINANCE, require_group

# A grant is a decision: once made, only its actions change it (a reduction).
DECIDED_FIELDS = {"application_id", "hire_id", "year", "amount"}


class IxlCallGrant(models.Model):
    """Money granted to an approved application for one year: for a verified hire
    (hiring incentive, at most 10,000 a year pro rata over the hire, see
    ``ixl.call._unit_cap``) or for the project (at most 40,000 for each year of the
    project for APL projects, or the cap once for a per-project call).

    Invariants, checked under the call's lock by every change that can break them (a
    grant, a reduction, a payment or its reversal, the end of a hire, a project period,
    the cap, basis or opening date of the call, an allocation): the grants of one unit
    (hire or project) and year never exceed its cap, the grants of a call never exceed
    its budget, a grant is never paid more than granted (``_check_limits``)."""

    _name = "ixl.call.grant"
    _description = "Grant"
    _inherit = ["mail.thread", "ixl.workflow.mixin"]
    _order = "year desc, id desc"
    _ixl_locked_fields = ("paid", "to_pay")

    application_id = fields.Many2one("ixl.call.application", required=True,
                                     ondelete="restrict", index=True)
    call_id = fields.Many2one(related="application_id.call_id", store=True, index=True)
    partner_id = fields.Many2one(related="application_id.partner_id", store=True,
                                 string="Applicant", index=True)
    hire_id = fields.Many2one("ixl.call.hire", ondelete="restrict", index=True,
                              domain="[('application_id', '=', application_id), "
                                     "('state', '=', 'verified')]")
    year = fields.Integer(required=True,
                          default=lambda self: fields.Date.context_today(self).year)
    currency_id = fields.Many2one(related="application_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    cap = fields.Monetary(compute="_compute_cap", help="The most this grant can be.")
    date = fields.Date(string="Decision date", default=fields.Date.context_today)
    payment_ids = fields.One2many("ixl.call.payment", "grant_id", string="Payments")
    paid = fields.Monetary(compute="_compute_paid", store=True)
    to_pay = fields.Monetary(string="Still to pay", compute="_compute_paid", store=True)
    note = fields.Char()

    @api.depends("call_id.cap_amount", "call_id.cap_basis", "hire_id.date_hire",
                 "hire_id.date_end", "application_id.date_start",
                 "application_id.date_end", "year")
    def _compute_cap(self):
        for grant in self:
            call = grant.call_id
            grant.cap = call._unit_cap(grant.year, *grant._unit_dates()) if call else 0.0

    @api.depends("amount", "payment_ids.amount")
    def _compute_paid(self):
        for grant in self:
            grant.paid = sum(grant.payment_ids.mapped("amount"))
            grant.to_pay = grant.amount - grant.paid

    @api.depends("application_id", "year", "hire_id")
    def _compute_display_name(self):
        for grant in self:
            hire = f" - {grant.hire_id.portal_name}" if grant.hire_id else ""
            grant.display_name = f"{grant.application_id.name} {grant.year}{hire}"

    def _unit_dates(self):
        """(start, end) of the unit granted: the hire, or the project's period."""
        if self.hire_id:
            hire = self.sudo().hire_id
            return hire.date_hire, hire.date_end
        return self.application_id.date_start, self.application_id.date_end

    def _fmt(self, amount):
        return fmt_amount(self.env, amount, self.currency_id)

    # ORM ----------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        apps = self.env["ixl.call.application"].browse(
            [vals.get("application_id") for vals in vals_list])
        lock_rows(apps.call_id, "lock_count")
        grants = super().create(vals_list)
        for grant in grants:
            grant._check_new()
        grants._check_limits()
        return grants

    def _ixl_frozen_fields(self):
        return DECIDED_FIELDS

    @api.ondelete(at_uninstall=False)
    def _unlink_unpaid_only(self):
        if self.payment_ids:
            raise UserError(self.env._("A grant with payments cannot be deleted."))

    # RULES --------------------------------------------------------------------------

    def _check_new(self):
        _ = self.env._
        app, call = self.application_id, self.call_id
        if app.state != "approved":
            raise ValidationError(_("Only an approved application is granted money."))
        if self.amount <= 0:
            raise ValidationError(_("A grant must be a positive amount."))
        if self.year > fields.Date.context_today(self).year:
            raise ValidationError(_(
                "Grants are decided for a year of the call and of the project up to the "
                "current one, not %(year)s.", year=self.year))
        if (call.kind == "hiring") != bool(self.hire_id):
            raise ValidationError(_("A grant of the hiring incentive is for one hire, "
                                    "other grants are for the project."))
        if self.hire_id and (self.hire_id.application_id != app
                             or self.hire_id.state != "verified"):
            raise ValidationError(_("The hire is not a verified hire of this application."))
        if not self.hire_id and not (app.date_start and app.date_end):
            raise ValidationError(_(
                "Give the project %(name)s its period (start and end) first.",
                name=app.name))

    def _check_limits(self, after_change=False):
        """The invariants of these grants' units, years and calls (calls locked by the
        caller). ``after_change``: a change of the hire, project or call is checked, the
        message says which grant to reduce."""
        self.env.flush_all()
        hint = self.env._(" Reduce the grant first (Reduce button).") if after_change else ""
        units = defaultdict(lambda: self.browse())
        for grant in self:
            grant._check_year(hint)
            per_year = grant.call_id.cap_basis != "project"
            units[grant.application_id, grant.hire_id, per_year and grant.year] |= grant
        for (app, hire, year), grants in units.items():
            domain = [("application_id", "=", app.id), ("hire_id", "=", hire.id)]
            if year:
                domain.append(("year", "=", year))
            grants[:1]._check_unit_total(self.search(domain), hint)
        for grant in self:
            if grant.currency_id.compare_amounts(grant.paid, grant.amount) > 0:
                raise ValidationError(self.env._(
                    "The payments of %(grant)s would reach %(paid)s, above the %(amount)s "
                    "granted.", grant=grant.display_name, paid=grant._fmt(grant.paid),
                    amount=grant._fmt(grant.amount)))
        self.call_id._check_budget()

    def _check_year(self, hint):
        """A grant is for a year of the call (from its opening) and of the unit."""
        call, (start, end) = self.call_id, self._unit_dates()
        if self.year < call.date_open.year or (not self.hire_id and (
                (start and self.year < start.year) or (end and self.year > end.year))):
            raise ValidationError(self.env._(
                "%(grant)s: grants are decided for a year of the call (from %(first)s) and "
                "of the project, up to the current one, not %(year)s.%(hint)s",
                grant=self.display_name, first=call.date_open.year, year=self.year,
                hint=hint))

    def _check_unit_total(self, unit_grants, hint):
        call = self.call_id
        total = sum(unit_grants.mapped("amount"))
        if self.currency_id.compare_amounts(total, self.cap) > 0:
            basis = dict(call._fields["cap_basis"]._description_selection(self.env))
            raise ValidationError(self.env._(
                "%(grant)s: %(total)s is above the cap of %(cap)s (%(basis)s, %(year)s)."
                "%(hint)s", grant=self.display_name, total=self._fmt(total),
                cap=self._fmt(self.cap), basis=basis[call.cap_basis], year=self.year,
                hint=hint))

    # ACTIONS ------------------------------------------------------------------------

    def action_reduce(self, amount, reason):
        """Reduce the grant to ``amount`` (not below what was paid): the explicit answer
        to a lower cap (the hire ended early, the cap or the project changed)."""
        require_group(self, COORDINATOR, FINANCE)
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("Write why the grant is reduced."))
        lock_rows(self.call_id, "lock_count")
        self.invalidate_recordset(["amount", "paid"])
        if self.currency_id.compare_amounts(amount, self.amount) >= 0 or amount < 0:
            raise UserError(self.env._(
                "The new amount of %(grant)s must be lower than %(amount)s and not "
                "negative.", grant=self.display_name, amount=self._fmt(self.amount)))
        if self.currency_id.compare_amounts(amount, self.paid) < 0:
            raise UserError(self.env._(
                "%(grant)s was already paid %(paid)s: reverse payments first.",
                grant=self.display_name, paid=self._fmt(self.paid)))
        old = self.amount
        self._ixl_transition().write({"amount": amount})
        self.message_post(body=self.env._(
            "Grant reduced from %(old)s to %(new)s: %(reason)s", old=self._fmt(old),
            new=self._fmt(amount), reason=reason))
        self._check_limits()
        return True

    def _reduce_to_caps(self, reason):
        """Reduce each of these grants by what its unit and year exceed the cap (the
        latest grants first)."""
        for grant in self.sorted("id", reverse=True):
            unit = self.search([("application_id", "=", grant.application_id.id),
                                ("hire_id", "=", grant.hire_id.id),
                                ("year", "=", grant.year)])
            excess = sum(unit.mapped("amount")) - grant.cap
            if grant.currency_id.compare_amounts(excess, 0) > 0:
                grant.action_reduce(grant.currency_id.round(
                    max(grant.amount - excess, 0.0)), reason)

    def action_open_reduce_wizard(self):
        self.ensure_one()
        return wizard_action(self.env._("Reduce the grant"), "ixl.call.grant.reduce",
                             grant_id=self.id)
