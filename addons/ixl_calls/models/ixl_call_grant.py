from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IxlCallGrant(models.Model):
    """Money granted to an approved application for one year: for a hire (hiring
    incentive, at most 10,000 a year pro rata from the hire date, see
    ``ixl.call._unit_cap``) or for the project (at most 40,000 a year for APL projects,
    or the cap once for a per-project call). The grants of a call never exceed its
    budget: creating or changing a grant locks the call row."""

    _name = "ixl.call.grant"
    _description = "Grant"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    application_id = fields.Many2one("ixl.call.application", required=True,
                                     ondelete="restrict", index=True)
    call_id = fields.Many2one(related="application_id.call_id", store=True, index=True)
    partner_id = fields.Many2one(related="application_id.partner_id", store=True,
                                 string="Applicant", index=True)
    hire_id = fields.Many2one("ixl.call.hire", ondelete="restrict",
                              domain="[('application_id', '=', application_id)]")
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

    @api.depends("call_id", "hire_id", "year", "application_id")
    def _compute_cap(self):
        for grant in self:
            call = grant.call_id
            grant.cap = call._unit_cap(grant.year, *grant._hire_dates()) if call else 0.0

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

    def _hire_dates(self):
        hire = self.sudo().hire_id
        return (hire.date_hire, hire.date_end) if hire else (None, None)

    @api.model_create_multi
    def create(self, vals_list):
        apps = self.env["ixl.call.application"].browse(
            [vals.get("application_id") for vals in vals_list])
        apps.call_id._lock()
        grants = super().create(vals_list)
        grants._check_grants()
        return grants

    def write(self, vals):
        calls = self.call_id | self.env["ixl.call.application"].browse(
            vals.get("application_id")).call_id
        calls._lock()
        res = super().write(vals)
        self._check_grants()
        return res

    def unlink(self):
        if self.payment_ids:
            raise ValidationError(self.env._("A grant with payments cannot be deleted."))
        return super().unlink()

    def _check_grants(self):
        """Cap, year and budget of the grants (the calls are locked by the caller)."""
        today = fields.Date.context_today(self)
        for grant in self:
            grant._check_one(today)
        self.call_id._check_budget()

    def _check_one(self, today):
        _ = self.env._
        app, call = self.application_id, self.call_id
        if app.state != "approved":
            raise ValidationError(_("Only an approved application is granted money."))
        if self.amount <= 0:
            raise ValidationError(_("A grant must be a positive amount."))
        if self.currency_id.compare_amounts(self.amount, self.paid) < 0:
            raise ValidationError(_("A grant cannot be less than what was already paid."))
        if self.year > today.year or self.year < call.date_open.year - 1:
            raise ValidationError(_(
                "Grants are decided for a year from the call's to the current one, not "
                "%(year)s.", year=self.year))
        if (call.kind == "hiring") != bool(self.hire_id):
            raise ValidationError(_("A grant of the hiring incentive is for one hire, "
                                    "other grants are for the project."))
        if self.hire_id and self.hire_id.application_id != app:
            raise ValidationError(_("The hire is not in this application."))
        domain = [("application_id", "=", app.id), ("hire_id", "=", self.hire_id.id)]
        if call.cap_basis != "project":
            domain.append(("year", "=", self.year))
        total = sum(self.search(domain).mapped("amount"))
        if self.currency_id.compare_amounts(total, self.cap) > 0:
            raise ValidationError(_(
                "%(total)s is above the cap of %(cap)s (%(basis)s, %(year)s).",
                total=call._fmt(total), cap=call._fmt(self.cap), year=self.year,
                basis=dict(call._fields["cap_basis"]._description_selection(self.env))[
                    call.cap_basis]))
