from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import date_utils

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlInternshipSuspension(models.Model):
    """A period during which an internship is suspended (illness, closure, a regional
    ordinance...). The suspended days are not paid, unless IXL decides to keep paying
    the indemnity (``indemnity_due``, e.g. as income support during an ordinance): a
    decision with its reason, taken by a coordinator.

    Suspensions are recorded through the "Suspend" wizard (``ixl.internship.suspend``);
    their period and the payment decision are written only there. A suspension cannot
    touch a month already past or paid (the indemnity of those months is fixed), nor
    change once the internship is closed."""

    _name = "ixl.internship.suspension"
    _description = "Internship suspension"
    _inherit = ["ixl.workflow.mixin"]
    _order = "internship_id, date_from"
    _ixl_locked_fields = ("internship_id", "date_from", "date_to", "indemnity_due",
                          "indemnity_reason")

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade",
                                    index=True, readonly=True)
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    reason = fields.Char()
    indemnity_due = fields.Boolean(
        string="Indemnity paid", default=False, readonly=True,
        help="IXL keeps paying the indemnity during the suspension (a decision of a "
             "coordinator, with its reason). By default suspended days are not paid.")
    indemnity_reason = fields.Char(
        string="Why the indemnity is paid", readonly=True,
        help="The decision that keeps the indemnity paid, e.g. income support during a "
             "regional ordinance.")
    days = fields.Integer(compute="_compute_days", store=True)

    @api.depends("date_from", "date_to")
    def _compute_days(self):
        for suspension in self:
            if suspension.date_from and suspension.date_to:
                suspension.days = max(0, (suspension.date_to - suspension.date_from).days + 1)
            else:
                suspension.days = 0

    @api.constrains("indemnity_due", "indemnity_reason")
    def _check_indemnity_reason(self):
        for suspension in self:
            if suspension.indemnity_due and not (suspension.indemnity_reason or "").strip():
                raise ValidationError(self.env._(
                    "Paying the indemnity during a suspension is a decision: record its "
                    "reason."))

    @api.constrains("date_from", "date_to", "internship_id")
    def _check_dates(self):
        for suspension in self:
            internship = suspension.internship_id
            if suspension.date_to < suspension.date_from:
                raise ValidationError(self.env._(
                    "A suspension cannot end (%(end)s) before it starts (%(start)s).",
                    start=suspension.date_from, end=suspension.date_to))
            if suspension.date_from < internship.date_start or \
                    suspension.date_to > internship.date_end:
                raise ValidationError(self.env._(
                    "The suspension from %(start)s to %(end)s is outside the internship "
                    "period (%(period_start)s - %(period_end)s).",
                    start=suspension.date_from, end=suspension.date_to,
                    period_start=internship.date_start, period_end=internship.date_end))
            overlapping = self.search([
                ("internship_id", "=", internship.id),
                ("id", "!=", suspension.id),
                ("date_from", "<=", suspension.date_to),
                ("date_to", ">=", suspension.date_from),
            ], limit=1)
            if overlapping:
                raise ValidationError(self.env._(
                    "The suspension from %(start)s to %(end)s overlaps the one from "
                    "%(other_start)s to %(other_end)s.",
                    start=suspension.date_from, end=suspension.date_to,
                    other_start=overlapping.date_from, other_end=overlapping.date_to))

    def _ixl_frozen_fields(self):
        if "done" in self.internship_id.mapped("state"):
            return {"reason"}
        return set()

    def _check_internship_editable(self):
        """A closed internship's suspensions, and those of months already past or paid,
        no longer change."""
        done = self.internship_id.filtered(lambda i: i.state == "done")
        if done:
            raise UserError(self.env._(
                "The internship %(name)s is closed: its suspensions can no longer change.",
                name=done[0].display_name))
        today = local_today()
        for suspension in self:
            fixed = suspension.internship_id.sudo().month_ids.filtered(
                lambda line, s=suspension: line._ixl_fixed(today)
                and date_utils.start_of(s.date_from, "month") <= line.month <= s.date_to)
            if fixed:
                raise UserError(self.env._(
                    "The suspension from %(start)s to %(end)s touches %(month)s, already "
                    "past or paid: the indemnity of that month is fixed.",
                    start=suspension.date_from, end=suspension.date_to,
                    month=fixed[0].month.strftime("%m/%Y")))

    @api.model_create_multi
    def create(self, vals_list):
        suspensions = super().create(vals_list)
        suspensions._check_internship_editable()
        suspensions.internship_id._rebuild_months()
        return suspensions

    def write(self, vals):
        money = {"internship_id", "date_from", "date_to", "indemnity_due"} & vals.keys()
        if money:
            self._check_internship_editable()
        internships = self.internship_id
        result = super().write(vals)
        if money:
            self._check_internship_editable()
            (internships | self.internship_id)._rebuild_months()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_fixed(self):
        self._check_internship_editable()

    def unlink(self):
        internships = self.internship_id
        result = super().unlink()
        internships.exists()._rebuild_months()
        return result
