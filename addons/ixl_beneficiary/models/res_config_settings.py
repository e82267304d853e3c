from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ixl_intake_user_id = fields.Many2one(
        "res.users",
        string="Intake operator",
        config_parameter="ixl_beneficiary.intake_user_id",
        help="Receives the first-interview activity of online registrations and the "
        "alerts about duplicate registrations.",
    )
    ixl_privacy_notice_version = fields.Char(
        string="Privacy notice version",
        config_parameter="ixl_beneficiary.privacy_notice_version",
        default="2026-01",
        help="Version of the privacy notice shown on the registration form; recorded "
        "with each acceptance.",
    )
