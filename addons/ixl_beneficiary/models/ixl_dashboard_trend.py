from collections import defaultdict
from datetime import date

from odoo import models

from . import dashboard_tools as dt
from .dashboard_tools import WITH_ARCHIVED
from .ixl_dashboard import PERMANENT_HIRE
from .tools import LOCAL_TZ

TREND_YEARS = 4


class IxlDashboard(models.AbstractModel):
    """The four-year trend of the main figures, in one block (one row per calendar year,
    up to the year the period ends in). Not compared with the previous period: it is
    itself the comparison."""

    _inherit = "ixl.dashboard"

    @dt.section("trend", dt.PEOPLE, 48, compare=False)
    def _dashboard_trend(self, period):
        """Columns: the counts of ``_dashboard_trend_columns`` (other addons add theirs),
        then the share of permanent contracts among the hires (the line of the chart)."""
        _ = self.env._
        last = period.date_to.year
        years = range(last - TREND_YEARS + 1, last + 1)
        trend = dt.Period(date(years[0], 1, 1), date(last, 12, 31), LOCAL_TZ)
        columns = self._dashboard_trend_columns(trend)
        counts = {col["key"]: col["counts"] for col in columns}
        rows = []
        for year in years:
            year_period = dt.year_period(year, LOCAL_TZ)
            cells = [dt.count_cell(col["counts"].get(year, 0), col["model"],
                                   col["domain"](year_period)) for col in columns]
            # the line's point opens the year's permanent hires (the share's numerator)
            share = dt.pct_cell(dt.percent(counts["permanent"].get(year, 0),
                                           counts["hires"].get(year, 0)))
            share["action"] = {"model": "ixl.placement",
                               "domain": year_period.date_domain("date_start") + PERMANENT_HIRE}
            cells.append(share)
            rows.append(dt.row(str(year), *cells))
        titles = [col["title"] for col in columns] + [_("% permanent of hires")]
        return {"title": _("Four-year trend"), "blocks": [
            dt.block(_("Main figures over the last four years"), titles, rows,
                     chart="trend", compare=None)]}

    def _dashboard_trend_columns(self, trend):
        """[{key, title, counts: {year: n}, model, domain: Period -> domain}] of the
        trend, in display order; one query each."""
        _ = self.env._
        Beneficiary = self.env["ixl.beneficiary"].with_context(tz=LOCAL_TZ)
        Placement = self.env["ixl.placement"]
        placed = trend.date_domain("date_start")
        registrations = dt.by_year(Beneficiary._read_group(
            WITH_ARCHIVED + trend.datetime_domain("registration_date"),
            ["registration_date:year"], ["__count"]))
        interviews = dt.by_year(Beneficiary._read_group(
            WITH_ARCHIVED + trend.date_domain("interview_held_date"),
            ["interview_held_date:year"], ["__count"]))
        placements, hires, permanent = defaultdict(int), defaultdict(int), defaultdict(int)
        for year, ptype, contract, count in Placement._read_group(
                placed, ["date_start:year", "placement_type", "contract_type"], ["__count"]):
            placements[year.year] += count
            if ptype == "hire":
                hires[year.year] += count
                if contract == "permanent":
                    permanent[year.year] += count
        people = dt.by_year(Placement._read_group(
            placed, ["date_start:year"], ["beneficiary_id:count_distinct"]))
        return [
            {"key": "registrations", "title": _("Registrations"), "counts": registrations,
             "model": "ixl.beneficiary",
             "domain": lambda p: WITH_ARCHIVED + p.datetime_domain("registration_date")},
            {"key": "interviews", "title": _("First interviews"), "counts": interviews,
             "model": "ixl.beneficiary",
             "domain": lambda p: WITH_ARCHIVED + p.date_domain("interview_held_date")},
            {"key": "placements", "title": _("Placements"), "counts": placements,
             "model": "ixl.placement", "domain": lambda p: p.date_domain("date_start")},
            {"key": "people_placed", "title": _("People placed"), "counts": people,
             "model": "ixl.beneficiary", "domain": lambda p: WITH_ARCHIVED + [
                 ("placement_ids", "any", p.date_domain("date_start"))]},
            {"key": "hires", "title": _("Hires"), "counts": hires, "model": "ixl.placement",
             "domain": lambda p: p.date_domain("date_start") + [("placement_type", "=", "hire")]},
            {"key": "permanent", "title": _("Permanent hires"), "counts": permanent,
             "model": "ixl.placement",
             "domain": lambda p: p.date_domain("date_start") + PERMANENT_HIRE},
        ]
