from odoo import api, fields, models
from odoo.exceptions import UserError

MOVE_TYPES = [
    ("deposit", "Deposit"),
    ("ceiling", "Ceiling change"),
    ("committed", "Guarantee committed"),
    ("released", "Guarantee released"),
    ("called", "Guarantee called"),
    ("recovery", "Recovery"),
    ("reversal", "Reversal"),
]
EFFECT_TYPES = [item for item in MOVE_TYPES if item[0] != "reversal"]


class IxlFundMove(models.Model):
    """A posted line of the guarantee fund ledger.

    Signs (``amount`` is signed by its effect on the fund):

    - deposit: + money deposited at the bank (informative);
    - ceiling: + / - the change of the ceiling;
    - committed: + guarantee of an approved loan;
    - released: - guarantee freed by a repayment, a smaller disbursement or a cancellation;
    - called: - guarantee leaving the commitments after a default (it becomes a loss);
    - recovery: + money recovered after a default (reduces the losses);
    - reversal: the opposite of the reversed line; ``effect_type`` is the reversed
      line's type, so sums per effect stay right.

    Lines are created only by the fund's and the loans' methods (context key
    ``ixl_fund_posting``) and are never edited nor deleted.
    """

    _name = "ixl.fund.move"
    _description = "Guarantee fund ledger line"
    _order = "date desc, id desc"

    fund_id = fields.Many2one("ixl.guarantee.fund", required=True, index=True,
                              ondelete="restrict", readonly=True)
    date = fields.Date(required=True, index=True, readonly=True)
    move_type = fields.Selection(MOVE_TYPES, string="Type", required=True, readonly=True)
    effect_type = fields.Selection(EFFECT_TYPES, string="Effect", required=True, readonly=True,
                                   index=True)
    amount = fields.Monetary(required=True, readonly=True)
    currency_id = fields.Many2one(related="fund_id.currency_id")
    name = fields.Char(string="Description", readonly=True)
    loan_id = fields.Many2one("ixl.loan", index=True, readonly=True,
                              ondelete="restrict")
    reversed_id = fields.Many2one("ixl.fund.move", string="Reverses", readonly=True,
                                  ondelete="restrict", index="btree_not_null")
    reversal_ids = fields.One2many("ixl.fund.move", "reversed_id", string="Reversed by",
                                   readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("ixl_fund_posting"):
            raise UserError(self.env._(
                "Ledger lines are posted by the fund and loan operations only."))
        for vals in vals_list:
            vals.setdefault("effect_type", vals.get("move_type"))
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise UserError(self.env._(
                "A posted ledger line cannot be edited: correct it with a reversal."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._(
            "A posted ledger line cannot be deleted: correct it with a reversal."))

    def action_reverse(self):
        """Post, for each line, a reversing line dated today."""
        today = fields.Date.context_today(self)
        for move in self:
            if move.move_type in ("reversal", "ceiling") or move.reversal_ids:
                raise UserError(self.env._(
                    "Line %(line)s cannot be reversed: reversals and already reversed lines "
                    "cannot, and a ceiling is corrected by a new ceiling change.",
                    line=move.display_name))
            move.fund_id._post([{
                "date": today,
                "move_type": "reversal",
                "effect_type": move.effect_type,
                "amount": -move.amount,
                "loan_id": move.loan_id.id,
                "reversed_id": move.id,
                "name": self.env._("Reversal of %(line)s", line=move.name or move.id),
            }])
        return True
