from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt


class IxlDashboard(models.AbstractModel):
    """Budget, grants and payments of the calls in the programme in numbers (funds)."""

    _inherit = "ixl.dashboard"

    @dt.section("calls", dt.FUNDS, 130)
    def _dashboard_calls(self, period):
        _ = self.env._
        start, stop = period.date_from.isoformat(), period.date_to.isoformat()
        calls = self.env["ixl.call"].search([
            ("state", "!=", "draft"), ("date_open", "<=", stop),
            "|", ("date_deadline", "=", False), ("date_deadline", ">=", start)])
        in_calls = [("call_id", "in", calls.ids)]
        granted = dict(self.env["ixl.call.grant"]._read_group(
            in_calls + period.date_domain("date"), ["call_id"], ["amount:sum"]))
        granted_to_date = dict(self.env["ixl.call.grant"]._read_group(
            in_calls + [("date", "<=", stop)], ["call_id"], ["amount:sum"]))
        paid = dict(self.env["ixl.call.payment"]._read_group(
            in_calls + period.date_domain("date"), ["call_id"], ["amount:sum"]))
        rows, totals = [], [0.0] * 4
        for call in calls:
            values = [call.budget, granted.get(call, 0.0), paid.get(call, 0.0),
                      call.budget - granted_to_date.get(call, 0.0)]
            totals = [a + b for a, b in zip(totals, values, strict=True)]
            rows.append(self._call_row(call.name, values, [("call_id", "=", call.id)],
                                       [("id", "=", call.id)], period))
        rows.append(self._call_row(_("Total"), totals, in_calls, [("id", "in", calls.ids)],
                                   period, total=True))
        return {"title": _("Calls"), "blocks": [dt.block(
            _("Calls open in the period"),
            [_("Budget"), _("Granted in the period"), _("Paid in the period"),
             _("Available at the end of the period")], rows, chart="hbar")]}

    def _call_row(self, label, values, lines, call_domain, period, total=False):
        budget, granted, paid, available = values
        return dt.row(
            label,
            dt.money_cell(budget, "ixl.call.allocation", lines),
            dt.money_cell(granted, "ixl.call.grant", lines + period.date_domain("date")),
            dt.money_cell(paid, "ixl.call.payment", lines + period.date_domain("date")),
            dt.money_cell(available, "ixl.call", call_domain),
            total=total,
        )
