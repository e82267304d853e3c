from odoo import api, fields, models


class IxlDashboardExport(models.TransientModel):
    """The period of an XLSX extraction of the programme in numbers."""

    _name = "ixl.dashboard.export"
    _description = "Programme in numbers: XLSX extraction"

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    funds_only = fields.Boolean(string="Funds only",
                                help="Only the funds sheets (what finance sees).")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # Same checks as the dashboard: rights and a valid period.
        for wizard in records:
            wizard._dashboard_data(check_only=True)
        return records

    def action_export(self):
        self.ensure_one()
        return self.env.ref("ixl_beneficiary.action_report_dashboard_xlsx").report_action(self)

    def _dashboard_data(self, check_only=False):
        """The dashboard of the period as the user sees it (funds only if asked)."""
        self.ensure_one()
        Dashboard = self.env["ixl.dashboard"]
        if check_only:
            Dashboard._dashboard_check_access()
            Dashboard._dashboard_period(self.date_from, self.date_to)
            return None
        kinds = ["funds"] if self.funds_only else None
        return Dashboard.get_dashboard(
            self.date_from.isoformat(), self.date_to.isoformat(), kinds=kinds)
