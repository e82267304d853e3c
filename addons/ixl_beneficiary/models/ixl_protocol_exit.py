from odoo import api, fields, models

from .ixl_beneficiary import STATES

EXIT_REASONS = [
    ("employed", "Employed"),
    ("unreachable", "Unreachable"),
    ("non_collaborative", "Non-collaborative"),
]


class IxlProtocolExit(models.Model):
    """One period out of protocol of a beneficiary; closed by a re-admission."""

    _name = "ixl.protocol.exit"
    _description = "Out-of-protocol period"
    _order = "date_out desc, id desc"
    _rec_name = "beneficiary_id"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True
    )
    reason = fields.Selection(EXIT_REASONS, required=True)
    note = fields.Text()
    date_out = fields.Datetime(
        string="Out of protocol since", required=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users", string="Moved by", default=lambda self: self.env.user, required=True
    )
    state_before = fields.Selection(STATES, string="State before", required=True)
    email_sent = fields.Boolean(string="Notice sent by email")
    date_readmitted = fields.Datetime(string="Re-admitted on", readonly=True)
    readmitted_by_id = fields.Many2one("res.users", string="Re-admitted by", readonly=True)
    is_open = fields.Boolean(compute="_compute_is_open", store=True)

    @api.depends("date_readmitted")
    def _compute_is_open(self):
        for rec in self:
            rec.is_open = not rec.date_readmitted
