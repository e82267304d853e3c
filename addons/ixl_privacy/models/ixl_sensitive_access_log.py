from odoo import fields, models


class IxlSensitiveAccessLog(models.Model):
    """Who opened a person's special-category data (health and fragility notes,
    interview notes, IPS notes, full exports), and when. Written by the system only;
    read by coordinators; never edited nor deleted."""

    _name = "ixl.sensitive.access.log"
    _description = "Access to sensitive data"
    _order = "date desc, id desc"
    _rec_name = "what"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True,
                           index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True,
                              ondelete="restrict", index=True)
    beneficiary_id = fields.Many2one("ixl.beneficiary", string="Person", readonly=True,
                                     ondelete="set null", index=True)
    reference = fields.Char(string="IXL code", readonly=True)
    what = fields.Char(string="Data opened", required=True, readonly=True)
