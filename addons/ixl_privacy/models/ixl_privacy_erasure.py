from odoo import fields, models


class IxlPrivacyErasure(models.Model):
    """Log of the anonymisations: who, when, how and which record (by its IXL code,
    never the name). Written by the system only; never edited nor deleted."""

    _name = "ixl.privacy.erasure"
    _description = "Anonymisation log"
    _order = "date desc, id desc"
    _rec_name = "reference"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True,
                              ondelete="restrict")
    beneficiary_id = fields.Many2one("ixl.beneficiary", string="Record", readonly=True,
                                     ondelete="set null", index=True)
    reference = fields.Char(string="IXL code", required=True, readonly=True)
    origin = fields.Selection(
        [("request", "Request of the person"), ("retention", "End of the retention period")],
        required=True, readonly=True)
    reason = fields.Char(readonly=True)
    related_count = fields.Integer(string="Related records cleaned", readonly=True)
    attachment_count = fields.Integer(string="Files deleted", readonly=True)
    message_count = fields.Integer(string="Messages deleted", readonly=True)
