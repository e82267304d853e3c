from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class IxlInternshipSuspension(models.Model):
    """A period during which an internship is suspended (illness, closure, a regional
    ordinance...). When ``indemnity_due`` is set IXL keeps paying the indemnity as income
    support; otherwise the suspended days are not paid."""

    _name = "ixl.internship.suspension"
    _description = "Internship suspension"
    _order = "internship_id, date_from"

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade",
                                    index=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    reason = fields.Char()
    indemnity_due = fields.Boolean(
        default=True,
        help="Keep paying the indemnity during the suspension, as income support.")
    days = fields.Integer(compute="_compute_days", store=True)

    @api.depends("date_from", "date_to")
    def _compute_days(self):
        for suspension in self:
            if suspension.date_from and suspension.date_to:
                suspension.days = max(0, (suspension.date_to - suspension.date_from).days + 1)
            else:
                suspension.days = 0

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

    def _check_internship_editable(self):
        done = self.internship_id.filtered(lambda i: i.state == "done")
        if done:
            raise UserError(self.env._(
                "The internship %(name)s is closed: its suspensions can no longer change.",
                name=done[0].display_name))

    @api.model_create_multi
    def create(self, vals_list):
        suspensions = super().create(vals_list)
        suspensions._check_internship_editable()
        suspensions.internship_id._rebuild_months()
        return suspensions

    def write(self, vals):
        self._check_internship_editable()
        internships = self.internship_id
        result = super().write(vals)
        self._check_internship_editable()
        (internships | self.internship_id)._rebuild_months()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_internship(self):
        self._check_internship_editable()

    def unlink(self):
        internships = self.internship_id
        result = super().unlink()
        internships.exists()._rebuild_months()
        return result
