from odoo import api, fields, models

from .ixl_beneficiary import STATES

EXIT_REASONS = [
    ("employed", "Employed"),
    ("unreachable", "Unreachable"),
    ("non_collaborative", "Non-collaborative"),
]


class IxlProtocolExit(models.Model):
    """One period out of protocol of a beneficiary; closed by a re-admission.

    History: created only by the out-of-protocol wizard and closed only by the
    re-admission (``ixl.workflow.mixin``), never edited from outside."""

    _name = "ixl.protocol.exit"
    _description = "Out-of-protocol period"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date_out desc, id desc"
    _rec_name = "beneficiary_id"
    _ixl_locked_fields = ("beneficiary_id", "reason", "note", "date_out", "user_id",
                          "state_before", "email_sent", "date_readmitted", "readmitted_by_id",
                          "is_open")

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True, readonly=True
    )
    reason = fields.Selection(EXIT_REASONS, required=True, readonly=True)
    note = fields.Text(readonly=True)
    date_out = fields.Datetime(
        string="Out of protocol since", required=True, default=fields.Datetime.now,
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Moved by", default=lambda self: self.env.user, required=True,
        readonly=True,
    )
    state_before = fields.Selection(STATES, string="State before", required=True, readonly=True)
    email_sent = fields.Boolean(string="Notice sent by email", readonly=True)
    date_readmitted = fields.Datetime(string="Re-admitted on", readonly=True)
    readmitted_by_id = fields.Many2one("res.users", string="Re-admitted by", readonly=True)
    is_open = fields.Boolean(compute="_compute_is_open", store=True)

    @api.depends("date_readmitted")
    def _compute_is_open(self):
        for rec in self:
            rec.is_open = not rec.date_readmitted
