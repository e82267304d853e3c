from odoo import fields, models

from ..models.ixl_protocol_exit import EXIT_REASONS


class IxlOutOfProtocol(models.TransientModel):
    """Moves beneficiaries out of protocol and notifies them by email."""

    _name = "ixl.out.of.protocol"
    _description = "Move out of protocol"

    beneficiary_ids = fields.Many2many("ixl.beneficiary", string="Beneficiaries", required=True)
    reason = fields.Selection(EXIT_REASONS, required=True)
    note = fields.Text()
    send_email = fields.Boolean(
        string="Send the notice by email", default=True,
        help="The email states the person's position and the right to be re-admitted at "
        "any time.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.beneficiary_ids._ixl_move_out_of_protocol(self.reason, self.note, self.send_email)
        return {"type": "ir.actions.act_window_close"}
