from odoo import api, fields, models
from odoo.exceptions import UserError

from .operations import in_posting


class IxlFundCeiling(models.Model):
    """One change of the ceiling (plafond) of a guarantee fund, with the decision that
    set it. Written only by ``ixl.guarantee.fund.change_ceiling``, which also posts
    the difference in the ledger; the ceiling on a day is the latest line dated up to
    that day (a decision may take effect in the future)."""

    _name = "ixl.fund.ceiling"
    _description = "Guarantee fund ceiling change"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _ixl_locked_fields = ("fund_id", "date", "amount", "decision_reference", "move_id")

    fund_id = fields.Many2one("ixl.guarantee.fund", required=True, index=True,
                              ondelete="cascade", readonly=True)
    date = fields.Date(required=True, readonly=True)
    amount = fields.Monetary(string="Ceiling", required=True, readonly=True)
    currency_id = fields.Many2one(related="fund_id.currency_id")
    decision_reference = fields.Char(required=True, readonly=True)
    move_id = fields.Many2one("ixl.fund.move", string="Ledger line", readonly=True)

    def _ixl_in_transition(self):
        # Not even superuser code records a ceiling outside ``change_ceiling``.
        return in_posting(self)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._ixl_in_transition():
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
