from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.tools import local_today

FIRST_YEAR, LAST_YEAR = 1990, 2100


class IxlDashboardPrint(models.TransientModel):
    """The year of the printed programme in numbers (PDF, in Italian)."""

    _name = "ixl.dashboard.print"
    _description = "Programme in numbers: printed year"

    year = fields.Integer(required=True, default=lambda self: local_today().year)
    date_from = fields.Date(string="First day", compute="_compute_period")
    date_to = fields.Date(string="Last day", compute="_compute_period")

    @api.depends("year")
    def _compute_period(self):
        for wizard in self:
            valid = FIRST_YEAR <= wizard.year <= LAST_YEAR
            wizard.date_from = valid and date(wizard.year, 1, 1)
            wizard.date_to = valid and date(wizard.year, 12, 31)

    @api.model_create_multi
    def create(self, vals_list):
        # Same rights as the dashboard, and a real year, before anything is saved.
        self.env["ixl.dashboard"]._dashboard_check_access()
        for vals in vals_list:
            self._check_year(vals.get("year", local_today().year))
        return super().create(vals_list)

    def write(self, vals):
        if "year" in vals:
            self._check_year(vals["year"])
        return super().write(vals)

    def _check_year(self, year):
        try:
            year = int(year)
        except (TypeError, ValueError):
            year = 0
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise UserError(self.env._("Choose a year between %(first)s and %(last)s.",
                                       first=FIRST_YEAR, last=LAST_YEAR))

    def action_print(self):
        self.ensure_one()
        return self.env.ref("ixl_beneficiary.action_report_dashboard_year").report_action(self)


class IxlDashboard(models.AbstractModel):
    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def action_print_year(self, year):
        """Report action of the printed programme in numbers of ``year`` (the dashboard's
        "Print the year" button)."""
        return self.env["ixl.dashboard.print"].create({"year": year}).action_print()
