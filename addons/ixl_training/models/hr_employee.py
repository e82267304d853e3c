from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    is_ips_operator = fields.Boolean(
        string="IPS operator",
        help="Follows people on Individual Placement and Support paths.")
