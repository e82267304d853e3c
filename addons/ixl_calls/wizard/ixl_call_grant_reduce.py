from odoo import fields, models


class IxlCallGrantReduce(models.TransientModel):
    """Reduction of a grant, with its reason (written in the grant's history)."""

    _name = "ixl.call.grant.reduce"
    _description = "Reduction of a grant"

    grant_id = fields.Many2one("ixl.call.grant", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="grant_id.currency_id")
    amount = fields.Monetary(string="New amount", required=True)
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.grant_id.action_reduce(self.amount, self.reason)
        return {"type": "ir.actions.act_window_close"}
