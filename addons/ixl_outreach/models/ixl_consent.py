from odoo import fields, models


class IxlConsent(models.Model):
    _inherit = "ixl.consent"

    purpose = fields.Selection(
        selection_add=[("communications", "Communications (emails, surveys, events)")],
        ondelete={"communications": "cascade"})
