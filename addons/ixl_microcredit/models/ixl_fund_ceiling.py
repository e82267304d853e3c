from odoo import api, fields, models
from odoo.exceptions import UserError


class IxlFundCeiling(models.Model):
    """One change of the ceiling (plafond) of a guarantee fund, with the decision that
    set it. Written only by ``ixl.guarantee.fund.change_ceiling``, which also posts
    the difference in the ledger; the current ceiling is the latest line."""

    _name = "ixl.fund.ceiling"
    _description = "Guarantee fund ceiling change"
    _order = "date desc, id desc"

    fund_id = fields.Many2one("ixl.guarantee.fund", required=True, index=True,
                              ondelete="cascade", readonly=True)
    date = fields.Date(required=True, readonly=True)
    amount = fields.Monetary(string="Ceiling", required=True, readonly=True)
    currency_id = fields.Many2one(related="fund_id.currency_id")
    decision_reference = fields.Char(required=True, readonly=True)
    move_id = fields.Many2one("ixl.fund.move", string="Ledger line", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("ixl_fund_posting"):
            raise UserError(self.env._(
                "Change the ceiling with the button on the fund: it records the change in the "
                "ledger too."))
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A ceiling change cannot be edited: record a new one."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A ceiling change cannot be deleted: record a new one."))
