from odoo import api, fields, models
from odoo.exceptions import UserError


class IxlPrivacyAnonymise(models.TransientModel):
    """Confirmation of the anonymisation of a person: irreversible, logged."""

    _name = "ixl.privacy.anonymise"
    _description = "Anonymise a person"

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, readonly=True,
                                     ondelete="cascade")
    reference = fields.Char(related="beneficiary_id.reference", string="IXL code")
    blockers = fields.Text(compute="_compute_blockers", string="Blocked because")
    reason = fields.Char(string="Request", help="E.g. the date and channel of the request.")
    confirm = fields.Boolean(string="I understand that this cannot be undone")

    @api.depends("beneficiary_id")
    def _compute_blockers(self):
        for wizard in self:
            wizard.blockers = "\n".join(
                wizard.beneficiary_id.sudo()._privacy_erasure_blockers())

    def action_anonymise(self):
        self.ensure_one()
        person = self.beneficiary_id
        person._privacy_check_coordinator()
        if not self.confirm:
            raise UserError(self.env._("Tick the confirmation: the anonymisation is final."))
        log = person._privacy_anonymise(origin="request", reason=self.reason)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s anonymised.", log.reference),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
