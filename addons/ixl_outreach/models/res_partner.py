from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ixl_speaker_event_ids = fields.Many2many(
        "event.event", "event_event_ixl_speaker_rel", "partner_id", "event_id",
        string="Events as speaker")
