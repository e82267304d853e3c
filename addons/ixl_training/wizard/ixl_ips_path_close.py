from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlIpsPathClose(models.TransientModel):
    """Close an IPS path on a date (today by default)."""

    _name = "ixl.ips.path.close"
    _description = "Close an IPS path"

    path_id = fields.Many2one("ixl.ips.path", required=True, ondelete="cascade")
    date_end = fields.Date(string="Closed on", required=True, default=lambda self: local_today())

    def action_close(self):
        self.ensure_one()
        self.path_id.action_close(self.date_end)
        return {"type": "ir.actions.act_window_close"}
