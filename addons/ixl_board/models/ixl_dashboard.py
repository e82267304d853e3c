from odoo import api, models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt

TOP_RANKS = 10
# Archived companies keep their place in past figures (a domain on ``active`` lifts
# Odoo's implicit filter, so the drill-down lists the same records).
WITH_ARCHIVED = [("active", "in", (True, False))]


class IxlDashboard(models.AbstractModel):
    """The Board of companies and the internships in the programme in numbers."""

    _inherit = "ixl.dashboard"

    @api.model
    def _dashboard_sections(self):
        return super()._dashboard_sections() + [
            {"key": "board", "kind": "people", "sequence": 40, "method": "_dashboard_board"},
            {"key": "internships", "kind": "people", "sequence": 45,
             "method": "_dashboard_internships"},
        ]

    def _dashboard_board(self, period):
        _ = self.env._
        model = "res.partner"
        Partner = self.env[model]
        contacted = period.date_domain("ixl_contact_date") + WITH_ARCHIVED
        joined = period.date_domain("ixl_board_join_date") + WITH_ARCHIVED
        known = [("ixl_board_state", "!=", False)] + WITH_ARCHIVED
        states = dict(Partner._read_group(known, ["ixl_board_state"], ["__count"]))
        figures = dt.block(_("Board of companies"), [_("Companies")], [
            dt.row(_("Companies contacted in the period"),
                   dt.count_cell(Partner.search_count(contacted), model, contacted)),
            dt.row(_("Companies contacted (all time)"),
                   dt.count_cell(sum(states.values()), model, known)),
            dt.row(_("Board members today"), dt.count_cell(
                states.get("member", 0), model,
                [("ixl_board_state", "=", "member")] + WITH_ARCHIVED)),
            dt.row(_("New members in the period"),
                   dt.count_cell(Partner.search_count(joined), model, joined)),
        ])
        placed = period.date_domain("date_start")
        hires = placed + [("placement_type", "=", "hire")]
        ranking = self.env["ixl.ranking"]._rank_employers(hires, limit=TOP_RANKS)
        top = dt.block(_("Top companies by hires"), [_("Rank"), _("Hires")], [
            dt.row(employer.name, dt.text_cell(str(rank)), dt.count_cell(
                count, "ixl.placement", hires + [("employer_id", "=", employer.id)]))
            for rank, count, employers in ranking if rank <= TOP_RANKS
            for employer in employers
        ])
        return {"title": _("Board"), "blocks": [figures, top]}

    def _dashboard_internships(self, period):
        _ = self.env._
        model = "ixl.internship"
        Internship = self.env[model]
        started = period.date_domain("date_start") + [("state", "in", ("ongoing", "done"))]
        ended = period.date_domain("date_end") + [("state", "=", "done")]
        activated = Internship.search_count(started)
        extended = period.date_domain("date_start") + [
            ("internship_id", "!=", False), ("relation", "=", "extension")]
        outcomes = dict(Internship._read_group(ended, ["outcome"], ["__count"]))
        closed = sum(outcomes.values())
        labels = self._selection_labels(model, "outcome")
        return {"title": _("Internships"), "blocks": [
            dt.block(_("Internships"), [_("Internships")], [
                dt.row(_("Activated in the period"), dt.count_cell(activated, model, started)),
                dt.row(_("Extended in the period"), dt.count_cell(
                    self.env["ixl.placement"].search_count(extended), "ixl.placement",
                    extended)),
                dt.row(_("Ended in the period"), dt.count_cell(closed, model, ended)),
            ]),
            dt.block(_("Outcome of the internships ended in the period"),
                     [_("Internships"), "%"], dt.share_rows(
                         [(labels[key], outcomes.get(key, 0), [("outcome", "=", key)])
                          for key in ("continued", "hired_fixed_term", "hired_permanent",
                                      "ended")],
                         closed, model, ended)),
        ]}
