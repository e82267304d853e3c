import calendar
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import date_utils


def overlap_days(start, end, other_start, other_end):
    """Days (both ends included) shared by two date periods; 0 when they are disjoint."""
    return max(0, (min(end, other_end) - max(start, other_start)).days + 1)


class IxlInternshipMonth(models.Model):
    """Monthly indemnity due for an internship, one line per calendar month.

    Rule: for each calendar month touched by the internship period,

    * ``days_in_period`` = days of the internship that fall in the month;
    * ``days_suspended`` = days of those under a suspension (any suspension);
    * ``days_paid`` = ``days_in_period`` minus the days of suspensions with
      ``indemnity_due`` False (suspensions with the indemnity due, such as the regional
      ordinance, are still paid as income support);
    * ``amount`` = monthly indemnity * ``days_paid`` / days of that calendar month,
      rounded to cents with the internship's currency.

    A full month without unpaid suspensions therefore gives exactly the monthly
    indemnity. The lines are rebuilt by ``ixl.internship._rebuild_months`` whenever the
    dates, the indemnity or the suspensions change; they are never edited by hand.
    """

    _name = "ixl.internship.month"
    _description = "Internship indemnity per month"
    _order = "internship_id, month"

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade",
                                    index=True, readonly=True)
    partner_id = fields.Many2one(related="internship_id.partner_id", store=True,
                                 string="Company")
    month = fields.Date(required=True, readonly=True, help="First day of the month.")
    days_in_period = fields.Integer(string="Internship days", readonly=True)
    days_suspended = fields.Integer(string="Suspended days", readonly=True)
    days_paid = fields.Integer(string="Paid days", readonly=True)
    amount = fields.Monetary(string="Indemnity due", readonly=True)
    currency_id = fields.Many2one(related="internship_id.currency_id", store=True)

    _sql_constraints = [
        ("month_unique", "unique(internship_id, month)",
         "An internship has one indemnity line per month."),
    ]

    @api.depends("internship_id", "month")
    def _compute_display_name(self):
        for line in self:
            month = line.month.strftime("%m/%Y") if line.month else ""
            line.display_name = f"{line.internship_id.display_name} - {month}"

    @api.model
    def _prepare_month_values(self, internship):
        """Values of the lines ``internship`` should have, as {month: values}."""
        if not (internship.date_start and internship.date_end) or \
                internship.date_end < internship.date_start:
            return {}
        suspensions = internship.suspension_ids.filtered(lambda s: s.date_from and s.date_to)
        result = {}
        month = date_utils.start_of(internship.date_start, "month")
        while month <= internship.date_end:
            month_end = date_utils.end_of(month, "month")
            start = max(month, internship.date_start)
            end = min(month_end, internship.date_end)
            days_in_period = (end - start).days + 1
            days_suspended = days_unpaid = 0
            for suspension in suspensions:
                days = overlap_days(start, end, suspension.date_from, suspension.date_to)
                days_suspended += days
                if not suspension.indemnity_due:
                    days_unpaid += days
            days_paid = days_in_period - days_unpaid
            month_days = calendar.monthrange(month.year, month.month)[1]
            amount = internship.monthly_indemnity * days_paid / month_days
            result[month] = {
                "days_in_period": days_in_period,
                "days_suspended": days_suspended,
                "days_paid": days_paid,
                "amount": internship.currency_id.round(amount),
            }
            month = month_end + timedelta(days=1)
        return result
