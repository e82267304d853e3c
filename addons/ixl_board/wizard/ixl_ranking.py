from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt


class IxlRanking(models.TransientModel):
    """Ranking of companies by placements made through IXL in a year; companies
    with the same number share a rank (ties grouped), as in the annual report."""

    _name = "ixl.ranking"
    _description = "Company ranking"

    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    ranking_html = fields.Html(compute="_compute_ranking_html", sanitize=False)

    @api.model
    def _get_ranking(self, year):
        """[(rank, placements, [company names])], best first."""
        if not 1990 <= year <= 2100:
            raise UserError(self.env._("Choose a year between 1990 and 2100."))
        domain = self._ranking_domain(dt.year_period(year))
        return [(rank, count, [name for _id, name in employers])
                for rank, count, employers in self._rank_employers(domain)]

    @api.model
    def _ranking_domain(self, period):
        """THE definition of the company ranking, for this wizard and the dashboard: as
        in the annual report, ALL the placements started in the period (hires,
        internships, traineeships, mini jobs, self-employment, renewals, extensions and
        transformations), counted for the company that hosts them."""
        return period.date_domain("date_start")

    @api.model
    def _rank_employers(self, domain, limit=None):
        """[(rank, placements, [(company id, name)])] of the placements matching
        ``domain`` (record rules applied), best first; companies with the same count share
        the rank, sorted by name; ``limit`` ranks at most. One query, with or without
        placements (the dashboard's query count must not depend on the data)."""
        Placement = self.env["ixl.placement"]
        query = Placement._search(domain)
        employer = SQL.identifier(query.table, "employer_id", to_flush=Placement._fields[
            "employer_id"])
        rows = self.env.execute_query(SQL(
            "SELECT partner.id, partner.name, COUNT(*) FROM (%s) matching"
            " JOIN res_partner partner ON partner.id = matching.employer_id"
            " GROUP BY partner.id, partner.name",
            query.select(SQL("%s AS employer_id", employer)),
            to_flush=self.env["res.partner"]._fields["name"]))
        by_count = {}
        for partner_id, name, count in rows:
            by_count.setdefault(count, []).append((partner_id, name or ""))
        ranking, rank = [], 1
        for count in sorted(by_count, reverse=True)[:limit]:
            employers = sorted(by_count[count], key=lambda pair: (pair[1], pair[0]))
            ranking.append((rank, count, employers))
            rank += len(employers)
        return ranking

    @api.depends("year")
    def _compute_ranking_html(self):
        for wizard in self:
            if not 1990 <= wizard.year <= 2100:
                wizard.ranking_html = False
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>") % (
                    rank, count, escape(", ".join(names)))
                for rank, count, names in self._get_ranking(wizard.year))
            header = Markup("<tr><th>%s</th><th>%s</th><th>%s</th></tr>") % (
                self.env._("Rank"), self.env._("Placements"), self.env._("Companies"))
            wizard.ranking_html = Markup(
                "<table class='table table-sm'><thead>%s</thead><tbody>%s</tbody></table>"
            ) % (header, rows)

    def action_export_xlsx(self):
        self.ensure_one()
        self._get_ranking(self.year)
        return self.env.ref("ixl_board.action_report_ranking_xlsx").report_action(self)
