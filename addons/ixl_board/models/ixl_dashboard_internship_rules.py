from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt

MODEL = "ixl.internship.month"
RECORDED = [("attendance_date", "!=", False)]
BELOW = [("below_threshold", "=", True)]


class IxlDashboard(models.AbstractModel):
    """Attendance and indemnity of the internships under the regional rule, per month,
    in the programme in numbers: three grouped queries whatever the period."""

    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    @dt.section("internship_rules", dt.PEOPLE, 46)
    def _dashboard_internship_rules(self, period):
        _ = self.env._
        Month = self.env[MODEL]
        months = period.date_domain("month")
        money = {dt.month_key(month): (amount, paid) for month, amount, paid in
                 Month._read_group(months, ["month:month"],
                                   ["amount:sum", "paid_amount:sum"])}
        money[None] = tuple(sum(values) for values in zip(*money.values(), strict=True)) or (
            0.0, 0.0)

        def counts(extra):
            return dt.with_total({dt.month_key(month): count for month, count in
                                  Month._read_group(months + extra, ["month:month"], ["__count"])})

        recorded, below = counts(RECORDED), counts(BELOW)

        def cells(key, days):
            amount, paid = money.get(key, (0.0, 0.0))
            domain = days.date_domain("month")
            return (dt.money_cell(amount, MODEL, domain),
                    dt.money_cell(paid, MODEL, domain + [("paid_date", "!=", False)]),
                    dt.count_cell(recorded.get(key, 0), MODEL, domain + RECORDED),
                    dt.count_cell(below.get(key, 0), MODEL, domain + BELOW))

        rows = self._per_month_rows(period, cells)
        return {"title": _("Internship attendance"), "blocks": [dt.block(
            _("Indemnity due and paid, attendance per month"),
            [_("Indemnity due"), _("Indemnity paid"), _("Months with attendance recorded"),
             _("Months below the attendance threshold")], rows, chart="bar")]}
