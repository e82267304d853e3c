from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.dashboard_tools import WITH_ARCHIVED

TOP_RANKS = 10
STARTED = [("state", "in", ("ongoing", "done"))]
HIRE_OUTCOMES = ("hired_fixed_term", "hired_permanent")


class IxlDashboard(models.AbstractModel):
    """The Board of companies and the internships in the programme in numbers."""

    _inherit = "ixl.dashboard"

    # ------------------------------------------------------------------ Board
    @dt.section("board", dt.PEOPLE, 40)
    def _dashboard_board(self, period):
        _ = self.env._
        model = "res.partner"
        Partner = self.env[model]
        contacted = period.date_domain("ixl_contact_date") + WITH_ARCHIVED
        joined = period.date_domain("ixl_board_join_date") + WITH_ARCHIVED
        known = [("ixl_board_state", "!=", False)] + WITH_ARCHIVED
        members_then = WITH_ARCHIVED + [("ixl_board_membership_ids", "any", self.env[
            "ixl.board.membership"]._member_domain(period.date_to))]
        states = dict(Partner._read_group(known, ["ixl_board_state"], ["__count"]))
        figures = dt.block(_("Board of companies"), [_("Companies")], [
            dt.row(_("Companies contacted in the period"),
                   dt.count_cell(Partner.search_count(contacted), model, contacted)),
            dt.row(_("Companies contacted (all time)"),
                   dt.count_cell(sum(states.values()), model, known), compare=False),
            dt.row(_("Board members at the end of the period"), dt.count_cell(
                Partner.search_count(members_then), model, members_then)),
            dt.row(_("Board members today"), dt.count_cell(
                states.get("member", 0), model,
                [("ixl_board_state", "=", "member")] + WITH_ARCHIVED), compare=False),
            dt.row(_("New members in the period"),
                   dt.count_cell(Partner.search_count(joined), model, joined)),
        ])
        return {"title": _("Board"), "blocks": [figures, self._ranking_block(period)]}

    def _ranking_block(self, period):
        """The companies with the most placements started in the period (the ranking
        wizard's definition: ``ixl.ranking._ranking_domain``), ties sharing a rank."""
        _ = self.env._
        Ranking = self.env["ixl.ranking"]
        placed = Ranking._ranking_domain(period)
        return dt.block(_("Top companies by placements"), [_("Placements"), _("Rank")], [
            dt.row(name, dt.count_cell(
                count, "ixl.placement", placed + [("employer_id", "=", employer_id)]),
                dt.text_cell(str(rank)))
            for rank, count, employers in Ranking._rank_employers(placed, limit=TOP_RANKS)
            if rank <= TOP_RANKS
            for employer_id, name in employers
        ], chart="hbar")

    # ------------------------------------------------------------------ internships
    @dt.section("internships", dt.PEOPLE, 45)
    def _dashboard_internships(self, period):
        _ = self.env._
        model = "ixl.internship"
        Internship = self.env[model]
        started = period.date_domain("date_start") + STARTED
        ended = period.date_domain("date_end") + [("state", "=", "done")]
        extended = period.date_domain("date_start") + [
            ("internship_id", "!=", False), ("relation", "=", "extension")]
        outcomes = dict(Internship._read_group(ended, ["outcome"], ["__count"]))
        closed = sum(outcomes.values())
        cohort = dict(Internship._read_group(started, ["outcome"], ["__count"]))
        activated = sum(cohort.values())
        labels = self._selection_labels(model, "outcome")
        keys = ("continued", "hired_fixed_term", "hired_permanent", "ended")
        return {"title": _("Internships"), "blocks": [
            dt.block(_("Internships"), [_("Internships")], [
                dt.row(_("Activated in the period"), dt.count_cell(activated, model, started)),
                dt.row(_("Extended in the period"), dt.count_cell(
                    self.env["ixl.placement"].search_count(extended), "ixl.placement",
                    extended)),
                dt.row(_("Ended in the period"), dt.count_cell(closed, model, ended)),
            ]),
            dt.block(_("Internships activated in the period: outcome"),
                     [_("Internships"), "%"], dt.split_rows(
                _("Activated in the period"),
                [(_("Still ongoing"), cohort.get(False, 0), [("outcome", "=", False)])]
                + [(labels[key], cohort.get(key, 0), [("outcome", "=", key)]) for key in keys],
                activated, model, started), chart="doughnut"),
            self._internship_hires_block(period, started, cohort),
            dt.block(_("Outcome of the internships ended in the period"),
                     [_("Internships"), "%"], dt.share_rows(
                         [(labels[key], outcomes.get(key, 0), [("outcome", "=", key)])
                          for key in keys],
                         closed, model, ended), chart="doughnut"),
        ]}

    def _internship_hires_block(self, period, started, cohort):
        """The internships activated in the period that turned into a hire, by when the
        hire started: within the period, in the twelve months after it, later."""
        _ = self.env._
        model = "ixl.internship"
        Internship = self.env[model]
        end = period.date_to
        next_end = end + relativedelta(years=1)
        hired = started + [("outcome", "in", HIRE_OUTCOMES)]
        within = [("hire_placement_id.date_start", "<=", end.isoformat())]
        following = [("hire_placement_id.date_start", ">=", (end + timedelta(days=1)).isoformat()),
                     ("hire_placement_id.date_start", "<=", next_end.isoformat())]
        later = [("hire_placement_id.date_start", ">", next_end.isoformat())]
        counts = [Internship.search_count(hired + extra) for extra in (within, following)]
        total = sum(cohort.get(key, 0) for key in HIRE_OUTCOMES)
        activated = sum(cohort.values())
        return dt.block(_("Internships activated in the period: turned into a hire"),
                        [_("Internships"), "%"], [
            dt.row(_("Turned into a hire"), dt.count_cell(total, model, hired),
                   dt.pct_cell(dt.percent(total, activated)), total=True),
            *dt.share_rows([
                (_("Hired within the period"), counts[0], within),
                (_("Hired in the following year"), counts[1], following),
                (_("Hired later"), total - sum(counts), later),
            ], activated, model, hired),
        ], chart="doughnut")

    # ------------------------------------------------------------------ trend
    def _dashboard_trend_columns(self, trend):
        """The internships activated each year, next to the placements."""
        activated = dt.by_year(self.env["ixl.internship"]._read_group(
            trend.date_domain("date_start") + STARTED, ["date_start:year"], ["__count"]))
        return super()._dashboard_trend_columns(trend) + [
            {"key": "internships", "title": self.env._("Internships activated"),
             "counts": activated, "model": "ixl.internship",
             "domain": lambda p: p.date_domain("date_start") + STARTED},
        ]
