from odoo import fields, models


class IxlTrainingSettlementEarly(models.TransientModel):
    """A coordinator confirms a settlement before the observation window of its edition
    ends, writing why (kept on the settlement and in its history)."""

    _name = "ixl.training.settlement.early"
    _description = "Confirm a settlement before the observation window ends"

    settlement_id = fields.Many2one("ixl.training.settlement", required=True,
                                    ondelete="cascade")
    window_end = fields.Date(related="settlement_id.edition_id.window_end")
    amount_retained = fields.Monetary(related="settlement_id.amount_retained")
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.settlement_id.action_confirm_early(self.reason)
        return {"type": "ir.actions.act_window_close"}
