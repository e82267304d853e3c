from odoo import fields, models

RETENTION_PARAM = "ixl_privacy.retention_years"
DEFAULT_RETENTION_YEARS = 5


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ixl_retention_years = fields.Integer(
        string="Retention after leaving the protocol (years)",
        config_parameter=RETENTION_PARAM, default=DEFAULT_RETENTION_YEARS,
        help="People out of protocol for longer are anonymised by the daily retention job, "
        "unless a legal obligation requires keeping their data.")
