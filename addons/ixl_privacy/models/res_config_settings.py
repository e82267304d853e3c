from odoo import fields, models

RETENTION_PARAM = "ixl_privacy.retention_years"
DEFAULT_RETENTION_YEARS = 5
LINK_DAYS_PARAM = "ixl_privacy.link_validity_days"
DEFAULT_LINK_DAYS = 30


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ixl_retention_years = fields.Integer(
        string="Retention after leaving the protocol (years)",
        config_parameter=RETENTION_PARAM, default=DEFAULT_RETENTION_YEARS,
        help="People out of protocol for longer are anonymised by the daily retention job, "
        "unless a legal obligation requires keeping their data.")
    ixl_privacy_link_days = fields.Integer(
        string="Validity of the privacy page link (days)",
        config_parameter=LINK_DAYS_PARAM, default=DEFAULT_LINK_DAYS,
        help="A link to the privacy page sent to a person works for this many days; each "
        "new sending replaces the previous link.")
