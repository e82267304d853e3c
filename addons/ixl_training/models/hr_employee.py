from odoo import fields, models

from .ixl_ips_path import IPS_GROUPS


class HrEmployee(models.Model):
    """hr's design: a field of hr.employee that is not on the public profile
    (hr.employee.public) carries groups, or employees' read by other internal users
    fails (hr/models/hr_employee.py). Who is an IPS operator is for HR officers, the
    IPS service and coordinators."""

    _inherit = "hr.employee"

    is_ips_operator = fields.Boolean(
        string="IPS operator", groups=f"hr.group_hr_user,{IPS_GROUPS}",
        help="Follows people on Individual Placement and Support paths.")
