from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

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
        return [(rank, count, sorted(employers.mapped("name")))
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
        """[(rank, placements, employers)] of the placements matching ``domain``, best
        first; employers with the same count share the rank; ``limit`` ranks at most."""
        rows = self.env["ixl.placement"]._read_group(domain, ["employer_id"], ["__count"])
        # names of all the employers in one query (the ranking sorts ties by name)
        self.env["res.partner"].browse([employer.id for employer, _n in rows]).fetch(["name"])
        by_count = {}
        for employer, count in rows:
            by_count.setdefault(count, []).append(employer.id)
        ranking, rank = [], 1
        for count in sorted(by_count, reverse=True)[:limit]:
            employers = self.env["res.partner"].browse(by_count[count]).sorted("name")
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
