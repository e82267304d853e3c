from odoo import api, fields, models
from odoo.exceptions import UserError

from .operations import MONEY_GROUPS, in_posting, operation_date, require_group

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
# Sign of each effect on the free capacity (ceiling - used); a guarantee called leaves
# the commitments and becomes a loss: the fund's use does not change.
FREE_SIGN = {"ceiling": 1, "committed": -1, "released": -1, "recovery": 1}


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

    Lines are created only by the fund's and the loans' methods (through
    ``_ixl_transition``, not even superuser code otherwise) and are never edited nor
    deleted. The lines of a loan are corrected only by the loan's own operations.
    """

    _name = "ixl.fund.move"
    _description = "Guarantee fund ledger line"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _ixl_locked_fields = ("fund_id", "date", "move_type", "effect_type", "amount", "name",
                          "loan_id", "reversed_id", "reversal_ids")

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

    def _ixl_in_transition(self):
        # Ledger lines: not even superuser code posts them outside a fund operation.
        return in_posting(self)

    def _free_delta(self):
        """How much these lines change the free capacity of their fund."""
        return sum(FREE_SIGN.get(move.effect_type, 0) * move.amount for move in self)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._ixl_in_transition():
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

    def action_reverse(self, date=None):
        """Post, for each line, a reversing line (dated today unless ``date``). The lines
        of a loan are not reversed here: the loan's operations (cancel...) correct them,
        so that a loan never stays approved without its guarantee."""
        require_group(self, *MONEY_GROUPS)
        for move in self:
            if move.move_type in ("reversal", "ceiling") or move.reversal_ids:
                raise UserError(self.env._(
                    "Line %(line)s cannot be reversed: reversals and already reversed lines "
                    "cannot, and a ceiling is corrected by a new ceiling change.",
                    line=move.display_name))
            if move.loan_id:
                raise UserError(self.env._(
                    "Line %(line)s belongs to the loan %(loan)s: correct it with the loan's "
                    "operations (for instance cancel the loan), never by reversing the line.",
                    line=move.display_name, loan=move.loan_id.name))
            day = operation_date(move, date, move.date, self.env._("the reversed line"))
            move.fund_id._post([{
                "date": day,
                "move_type": "reversal",
                "effect_type": move.effect_type,
                "amount": -move.amount,
                "reversed_id": move.id,
                "name": self.env._("Reversal of %(line)s", line=move.name or move.id),
            }])
        return True
