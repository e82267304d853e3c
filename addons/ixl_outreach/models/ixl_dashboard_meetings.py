from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt


class IxlDashboard(models.AbstractModel):
    """Meetings of the tables held in the period (coordinators only, like the meetings)
    and the totals of the series of events with an event in the period."""

    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    @dt.section("meetings", dt.PEOPLE, 61, when=dt.may_read("ixl.meeting"))
    def _dashboard_meetings(self, period):
        _ = self.env._
        model = "ixl.meeting"
        base = [("state", "=", "held")] + period.date_domain("meeting_date")
        held = dict(self.env[model]._read_group(base, ["table_id"], ["__count"]))
        tables = self.env["ixl.table"].with_context(active_test=False).search([])
        tables = tables.filtered(lambda t: t.active or t in held)
        rows = [dt.row(table.display_name, dt.count_cell(
            held.get(table, 0), model, base + [("table_id", "=", table.id)]))
            for table in tables]
        rows.append(dt.row(_("Total"), dt.count_cell(sum(held.values()), model, base),
                           total=True))
        return {"title": _("Tables of the signatories"), "blocks": [
            dt.block(_("Meetings held per table"), [_("Meetings")], rows, chart="hbar"),
        ]}

    @dt.section("event_series", dt.PEOPLE, 62)
    def _dashboard_event_series(self, period):
        _ = self.env._
        events = self.env["event.event"]._read_group(
            [("ixl_series_id", "!=", False)] + period.datetime_domain("date_begin"),
            ["ixl_series_id"], ["__count"])
        series = self.env["ixl.event.series"].browse(
            [group.id for group, _count in events]).with_context(active_test=False)
        totals = series._series_totals()
        rows = []
        for item in series.sorted("name"):
            data = totals[item.id]
            speakers = [("ixl_speaker_event_ids.ixl_series_id", "=", item.id)]
            rows.append(dt.row(
                item.name,
                dt.count_cell(data["event"], "event.event", [("ixl_series_id", "=", item.id)]),
                dt.count_cell(data["registration"], "event.registration",
                              item._registration_domain()),
                dt.count_cell(data["attendee"], "event.registration",
                              item._registration_domain(attended=True)),
                dt.count_cell(data["speaker"], "res.partner", speakers)))
        return {"title": _("Series of events"), "blocks": [
            dt.block(_("Series with an event in the period (totals of the whole series)"),
                     [_("Number of events"), _("Series registrations"), _("Attendances"),
                      _("Different speakers")], rows,
                     chart="hbar"),
        ]}
