from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.tools import lock_rows


class IxlCallAllocation(models.Model):
    """Part of a funding source given to a call. A call's budget is the sum of its
    allocations; a source is never allocated more than it has, and a call's budget
    never drops below what it has granted."""

    _name = "ixl.call.allocation"
    _description = "Allocation of a funding source to a call"
    _order = "id"

    source_id = fields.Many2one("ixl.call.source", required=True, ondelete="restrict",
                                index=True)
    call_id = fields.Many2one("ixl.call", required=True, ondelete="cascade", index=True)
    currency_id = fields.Many2one(related="source_id.currency_id")
    amount = fields.Monetary(required=True)
    date = fields.Date(default=fields.Date.context_today)

    _sql_constraints = [
        ("source_call_unique", "unique(source_id, call_id)",
         "A source is allocated once to a call: change the amount instead."),
    ]

    @api.constrains("amount")
    def _check_amount(self):
        for alloc in self:
            if alloc.amount <= 0:
                raise ValidationError(self.env._("An allocation must be a positive amount."))

    @api.model_create_multi
    def create(self, vals_list):
        sources = self.env["ixl.call.source"].browse(
            {vals["source_id"] for vals in vals_list if vals.get("source_id")})
        calls = self.env["ixl.call"].browse(
            {vals["call_id"] for vals in vals_list if vals.get("call_id")})
        lock_rows(sources, "lock_count")
        lock_rows(calls, "lock_count")
        records = super().create(vals_list)
        records.source_id._check_allocations()
        return records

    def write(self, vals):
        touched = self.source_id | self.env["ixl.call.source"].browse(vals.get("source_id"))
        calls = self.call_id | self.env["ixl.call"].browse(vals.get("call_id"))
        lock_rows(touched, "lock_count")
        lock_rows(calls, "lock_count")
        res = super().write(vals)
        touched._check_allocations()
        calls._check_budget()
        return res

    def unlink(self):
        calls = self.call_id
        lock_rows(calls, "lock_count")
        res = super().unlink()
        calls.exists()._check_budget()
        return res
