from odoo import fields, models
from odoo.exceptions import UserError

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
        beneficiaries = self.beneficiary_ids
        beneficiaries.check_access("write")
        beneficiaries._check_state(
            [s for s, _l in beneficiaries._fields["state"].selection if s != "out_of_protocol"],
            self.env._("moving out of protocol"),
        )
        if self.send_email and (missing := beneficiaries.filtered(lambda b: not b.email)):
            raise UserError(self.env._(
                "No email address for %(names)s: untick the email or add the address.",
                names=", ".join(missing.mapped("name")),
            ))
        template = self.env.ref("ixl_beneficiary.mail_template_out_of_protocol")
        for beneficiary in beneficiaries:
            exit_rec = self.env["ixl.protocol.exit"].create({
                "beneficiary_id": beneficiary.id,
                "reason": self.reason,
                "note": self.note,
                "state_before": beneficiary.state,
                "email_sent": self.send_email,
            })
            beneficiary.write({"state": "out_of_protocol", "current_exit_id": exit_rec.id})
            if self.send_email:
                # the notice states the person's position: not in the chatter
                beneficiary._send_private_email(template, self.env._(
                    "Out-of-protocol notice sent by email (the reason is in the "
                    "out-of-protocol history)."))
        return {"type": "ir.actions.act_window_close"}
