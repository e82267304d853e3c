from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today


class IxlFundOperation(models.TransientModel):
    """Change the ceiling of the fund (with the decision) or record a deposit."""

    _name = "ixl.fund.operation"
    _description = "Guarantee fund operation"

    fund_id = fields.Many2one("ixl.guarantee.fund", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="fund_id.currency_id")
    operation = fields.Selection([("ceiling", "Ceiling change"), ("deposit", "Deposit")],
                                 required=True, default="ceiling")
    date = fields.Date(required=True, default=lambda self: local_today())
    amount = fields.Monetary(required=True, help="For a ceiling change, the new ceiling.")
    reference = fields.Char(string="Decision / reference")

    def action_confirm(self):
        self.ensure_one()
        if self.operation == "ceiling":
            self.fund_id.change_ceiling(self.date, self.amount, self.reference)
        else:
            self.fund_id.record_deposit(self.date, self.amount, self.reference)
        return {"type": "ir.actions.act_window_close"}
