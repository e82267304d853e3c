from odoo import fields, models


class IxlCallApplication(models.Model):
    _inherit = "ixl.call.application"

    social_project_ids = fields.One2many(
        "ixl.social.project", "application_id", string="Social-innovation project",
        groups="base.group_user",
        help="The project of the microcredit whose funding this application's grants pay.")
