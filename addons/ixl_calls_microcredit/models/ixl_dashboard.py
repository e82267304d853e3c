from odoo import models

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt


class IxlDashboard(models.AbstractModel):
    _inherit = "ixl.dashboard"

    def _dashboard_project_funding(self, period):
        """The payments of the grants of projects linked to their call application: their
        money is recorded in the call, not as payments of the project (a row shown once
        some project is linked)."""
        section = super()._dashboard_project_funding(period)
        if not self.env["ixl.social.project"].search_count(
                [("application_id", "!=", False)], limit=1):
            return section
        model = "ixl.call.payment"
        domain = period.date_domain("date") + [
            ("application_id.social_project_ids", "!=", False)]
        amount, count = self.env[model]._read_group(domain, [], ["amount:sum", "__count"])[0]
        section["blocks"][0]["rows"].append(dt.row(
            self.env._("Funding paid in the period through the calls (linked projects)"),
            dt.money_cell(amount, model, domain), dt.count_cell(count, model, domain)))
        return section
