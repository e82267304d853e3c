from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ixl_retraining_seats = fields.Integer(
        string="Re-training seats a year", config_parameter="ixl_training.retraining_seats",
        default=300, help="Free seats a year on the re-training platform.")
    ixl_ips_active_limit = fields.Integer(
        string="IPS active paths limit", config_parameter="ixl_training.ips_active_limit",
        default=40, help="People followed at the same time by the IPS service.")
    ixl_ips_year_target = fields.Integer(
        string="IPS paths a year (target)", config_parameter="ixl_training.ips_year_target",
        default=50)
    ixl_ips_hours_limit = fields.Float(
        string="IPS operator hours a week", config_parameter="ixl_training.ips_hours_limit",
        default=50, help="Weekly hours of the IPS operators, all paths together.")
