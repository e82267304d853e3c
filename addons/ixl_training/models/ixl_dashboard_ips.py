from odoo import models
from odoo.tools import SQL
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.dashboard_tools import WITH_ARCHIVED
from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES, PLACEMENT_TYPES


def active_on(day):
    """Domain of the IPS paths active on ``day``: started on or before it and not closed
    before it (a path closed on ``day`` was still active that day)."""
    return [("date_start", "<=", day.isoformat()), "|", ("date_end", "=", False),
            ("date_end", ">=", day.isoformat())]


class IxlDashboard(models.AbstractModel):
    """IPS in the programme in numbers: for who may read IPS paths (IPS operators and
    coordinators; health-related data), all the paths together."""

    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    @dt.section("ips", dt.PEOPLE, 55, when=dt.may_read("ixl.ips.path"))
    def _dashboard_ips(self, period):
        return {"title": self.env._("IPS (Individual Placement and Support)"),
                "blocks": [self._ips_paths(period), self._ips_placements(period)]}

    def _ips_paths(self, period):
        _ = self.env._
        model = "ixl.ips.path"
        Path = self.env[model]
        started = period.date_domain("date_start")
        as_of = period.last_day_so_far()
        at_end = active_on(as_of)
        started_count = Path.search_count(started)
        people_at_end = Path._read_group(at_end, [], ["beneficiary_id:count_distinct"])[0][0]
        peak, peak_day = self._ips_peak(period)
        peak_cell = dt.count_cell(peak, model, active_on(peak_day) if peak_day else [
            ("id", "=", False)])
        return dt.block(_("IPS paths"), [_("Value")], [
            dt.row(_("Paths started in the period"), dt.count_cell(started_count, model, started)),
            dt.row(_("People on an IPS path at the end of the period"), dt.count_cell(
                people_at_end, "ixl.beneficiary",
                WITH_ARCHIVED + [("ips_path_ids", "any", at_end)])),
            dt.row(_("Most paths active at the same time in the period"), peak_cell),
            dt.row(_("First day with that many active paths"), dt.text_cell(
                format_date(self.env, peak_day) if peak_day else "")),
        ])

    def _ips_peak(self, period):
        """(most paths active on one day of the period, the first such day), up to today
        for the current period: one query over the paths' date ranges."""
        start, stop = period.date_from, period.last_day_so_far()
        if stop < start:
            return 0, None
        self.env["ixl.ips.path"].flush_model(["date_start", "date_end"])
        rows = self.env.execute_query(SQL("""
            WITH changes AS (
                SELECT GREATEST(date_start, %(start)s) AS day, 1 AS delta
                  FROM ixl_ips_path
                 WHERE date_start <= %(stop)s AND (date_end IS NULL OR date_end >= %(start)s)
                UNION ALL
                SELECT date_end + 1, -1
                  FROM ixl_ips_path
                 WHERE date_start <= %(stop)s AND date_end >= %(start)s
                   AND date_end < %(stop)s
            ), running AS (
                SELECT day, SUM(SUM(delta)) OVER (ORDER BY day) AS active
                  FROM changes GROUP BY day
            )
            SELECT active, day FROM running ORDER BY active DESC, day LIMIT 1
        """, start=start, stop=stop))
        return (int(rows[0][0]), rows[0][1]) if rows and rows[0][0] else (0, None)

    def _ips_placements(self, period):
        """Placements started in the period by people on an IPS path that day, and the
        people placed, by contract (hires) or type (the other placements)."""
        _ = self.env._
        model = "ixl.placement"
        base = period.date_domain("date_start") + [("ips_path_id", "!=", False)]
        Placement = self.env[model]
        groups = {(ptype, contract): (count, people) for ptype, contract, count, people in
                  Placement._read_group(base, ["placement_type", "contract_type"],
                                        ["__count", "beneficiary_id:count_distinct"])}
        total_people = Placement._read_group(base, [], ["beneficiary_id:count_distinct"])[0][0]
        contracts = self._selection_labels(model, "contract_type")
        types = self._selection_labels(model, "placement_type")
        items = [(_("Hire: %(contract)s", contract=contracts[key]), ("hire", key),
                  [("placement_type", "=", "hire"), ("contract_type", "=", key)])
                 for key, _label in CONTRACT_TYPES]
        items += [(types[key], (key, False), [("placement_type", "=", key)])
                  for key, _label in PLACEMENT_TYPES if key != "hire"]
        rows = [self._ips_row(_("Total"), (sum(c for c, _p in groups.values()), total_people),
                              base, total=True)]
        rows += [self._ips_row(label, groups.get(key, (0, 0)), base + extra)
                 for label, key, extra in items]
        return dt.block(_("Placements of people on an IPS path, by contract"),
                        [_("Placements"), _("People placed")], rows, chart="doughnut")

    def _ips_row(self, label, values, domain, total=False):
        count, people = values
        return dt.row(label, dt.count_cell(count, "ixl.placement", domain),
                      dt.count_cell(people, "ixl.beneficiary",
                                    WITH_ARCHIVED + [("placement_ids", "any", domain)]),
                      total=total)
