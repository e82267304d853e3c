from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import ADMITTED_STATES

INTERNSHIP_STATES = [
    ("draft", "Draft"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
OUTCOMES = [
    ("continued", "Continued"),
    ("hired_fixed_term", "Hired, fixed-term"),
    ("hired_permanent", "Hired, permanent"),
    ("ended", "Ended"),
]
# Outcomes that turn the internship into a hire, with the contract of the hire.
HIRE_CONTRACTS = {"hired_fixed_term": "fixed_term", "hired_permanent": "permanent"}
# Fields frozen once the internship is done, and those the indemnity lines depend on.
LOCKED_FIELDS = {"partner_id", "beneficiary_id", "date_start", "date_end",
                 "monthly_indemnity", "currency_id"}
MONTH_FIELDS = {"date_start", "date_end", "monthly_indemnity", "currency_id"}


class IxlInternship(models.Model):
    """An internship promoted by IXL: a beneficiary hosted by a company for a period,
    with a monthly indemnity paid by IXL.

    Draft -> ongoing (``action_start`` records the internship placement) -> done
    (``action_close`` with an outcome; a hire outcome records the hire placement, a
    transformation of the internship). Only a draft can be cancelled.

    The indemnity due is computed per calendar month in ``ixl.internship.month`` (see
    the rule there): monthly indemnity * paid days / days of the month, rounded to cents;
    suspensions with the indemnity due are still paid, the others are not.
    """

    _name = "ixl.internship"
    _description = "Internship"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _rec_names_search = ["partner_id", "beneficiary_id", "job_title"]

    partner_id = fields.Many2one(
        "res.partner", string="Host company", required=True, index=True, tracking=True,
        domain=[("is_company", "=", True)], ondelete="restrict")
    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, index=True, tracking=True, ondelete="restrict",
        domain=[("is_admitted", "=", True)], groups="base.group_user")
    portal_name = fields.Char(string="Intern", compute="_compute_portal_name",
                              compute_sudo=True)
    job_title = fields.Char(string="Role")
    tutor_name = fields.Char(string="Tutor", tracking=True)
    tutor_email = fields.Char(tracking=True)
    date_start = fields.Date(string="Start date", required=True, tracking=True, index=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.ref("base.EUR", raise_if_not_found=False)
        or self.env.company.currency_id)
    monthly_indemnity = fields.Monetary(tracking=True)
    suspension_ids = fields.One2many("ixl.internship.suspension", "internship_id",
                                     string="Suspensions", groups="base.group_user")
    month_ids = fields.One2many("ixl.internship.month", "internship_id",
                                string="Indemnity per month", readonly=True)
    total_indemnity = fields.Monetary(compute="_compute_total_indemnity", store=True)
    state = fields.Selection(INTERNSHIP_STATES, default="draft", required=True, tracking=True,
                             index=True, copy=False)
    outcome = fields.Selection(OUTCOMES, tracking=True, readonly=True, copy=False)
    placement_id = fields.Many2one("ixl.placement", string="Internship placement",
                                   readonly=True, copy=False, groups="base.group_user")
    hire_placement_id = fields.Many2one("ixl.placement", string="Hire", readonly=True,
                                        copy=False, groups="base.group_user")
    user_id = fields.Many2one("res.users", string="Operator", tracking=True,
                              default=lambda self: self.env.user, groups="base.group_user")
    note = fields.Html(groups="base.group_user")

    @api.depends("beneficiary_id.first_name", "beneficiary_id.last_name")
    def _compute_portal_name(self):
        for internship in self:
            person = internship.beneficiary_id
            internship.portal_name = person._portal_short_name() if person else ""

    @api.depends_context("uid")
    @api.depends("portal_name", "partner_id")
    def _compute_display_name(self):
        internal = self.env.su or self.env.user._is_internal()
        for internship in self:
            person = internship.sudo().beneficiary_id.name if internal \
                else internship.portal_name
            internship.display_name = " - ".join(filter(None, [
                person, internship.partner_id.name]))

    @api.depends("month_ids.amount")
    def _compute_total_indemnity(self):
        for internship in self:
            internship.total_indemnity = sum(internship.month_ids.mapped("amount"))

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

    @api.constrains("beneficiary_id")
    def _check_beneficiary_admitted(self):
        for internship in self:
            person = internship.sudo().beneficiary_id
            if person.state not in ADMITTED_STATES:
                raise ValidationError(self.env._(
                    "%(name)s is not admitted to the programme (in target or active): "
                    "the internship cannot be recorded.", name=person.name))

    # ORM

    @api.model_create_multi
    def create(self, vals_list):
        internships = super().create(vals_list)
        internships._rebuild_months()
        return internships

    def write(self, vals):
        if LOCKED_FIELDS & vals.keys():
            done = self.filtered(lambda i: i.state == "done")
            if done:
                raise UserError(self.env._(
                    "The internship %(name)s is closed: its company, intern, dates and "
                    "indemnity can no longer change.", name=done[0].display_name))
        result = super().write(vals)
        if MONTH_FIELDS & vals.keys():
            self._rebuild_months()
        if {"date_start", "date_end"} & vals.keys():
            for internship in self.filtered("placement_id"):
                internship.placement_id.write({"date_start": internship.date_start,
                                               "date_end": internship.date_end})
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
        for internship in self:
            if internship.state != "draft":
                raise UserError(self.env._(
                    "Only a draft internship can start; %(name)s is not a draft.",
                    name=internship.display_name))
            placement = self.env["ixl.placement"].create(
                internship._prepare_placement_values())
            internship.write({"state": "ongoing", "placement_id": placement.id})
        return True

    def action_close(self, outcome, hire_start=None):
        """Close ongoing internships with ``outcome``; a hire outcome records the hire,
        starting on ``hire_start`` or else the day after the internship ends."""
        if outcome not in dict(OUTCOMES):
            raise UserError(self.env._("Unknown internship outcome: %(outcome)s.",
                                       outcome=outcome))
        for internship in self:
            if internship.state != "ongoing":
                raise UserError(self.env._(
                    "Only an ongoing internship can be closed; %(name)s is not ongoing.",
                    name=internship.display_name))
            values = {"state": "done", "outcome": outcome}
            if outcome in HIRE_CONTRACTS:
                start = fields.Date.to_date(hire_start) or internship.date_end + timedelta(days=1)
                values["hire_placement_id"] = self.env["ixl.placement"].create(dict(
                    internship._prepare_placement_values(),
                    placement_type="hire", contract_type=HIRE_CONTRACTS[outcome],
                    date_start=start, date_end=False, relation="transformation",
                    previous_placement_id=internship.placement_id.id,
                )).id
            internship.write(values)
        return True

    def action_close_continued(self):
        return self.action_close("continued")

    def action_close_hired_fixed_term(self):
        return self.action_close("hired_fixed_term")

    def action_close_hired_permanent(self):
        return self.action_close("hired_permanent")

    def action_close_ended(self):
        return self.action_close("ended")

    def action_cancel(self):
        if self.filtered(lambda i: i.state != "draft"):
            raise UserError(self.env._("Only a draft internship can be cancelled."))
        return self.write({"state": "cancelled"})

    def action_reset_draft(self):
        if self.filtered(lambda i: i.state != "cancelled"):
            raise UserError(self.env._("Only a cancelled internship can go back to draft."))
        return self.write({"state": "draft"})

    # BUSINESS

    def _prepare_placement_values(self):
        self.ensure_one()
        return {
            "beneficiary_id": self.beneficiary_id.id,
            "employer_id": self.partner_id.id,
            "placement_type": "internship",
            "job_title": self.job_title,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "internship_id": self.id,
        }

    def _rebuild_months(self):
        """Bring the indemnity lines in line with dates, indemnity and suspensions."""
        Month = self.env["ixl.internship.month"]
        to_create = []
        to_unlink = Month
        for internship in self:
            wanted = Month._prepare_month_values(internship)
            for line in internship.month_ids:
                values = wanted.pop(line.month, None)
                if values is None:
                    to_unlink |= line
                elif any(line[name] != value for name, value in values.items()):
                    line.write(values)
            to_create += [dict(values, internship_id=internship.id, month=month)
                          for month, values in wanted.items()]
        to_unlink.unlink()
        Month.create(to_create)
