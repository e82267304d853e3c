from odoo import fields, models


class IxlCallHireEnd(models.TransientModel):
    """End of an incentivised hire: the date, and whether the grants that the lower
    caps no longer allow are reduced (otherwise the end is refused, naming them)."""

    _name = "ixl.call.hire.end"
    _description = "End of a hire in a call"

    hire_id = fields.Many2one("ixl.call.hire", required=True, ondelete="cascade")
    date_end = fields.Date(string="End of the hire", required=True)
    reduce_grants = fields.Boolean(
        string="Reduce the grants to the new caps",
        help="Coordinators: the grants of the hire above the caps of the shorter hire are "
        "reduced (never below what was paid).")

    def action_apply(self):
        self.ensure_one()
        self.hire_id.action_end(self.date_end, reduce_grants=self.reduce_grants)
        return {"type": "ir.actions.act_window_close"}
