from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, lock_rows, programme_currency


class IxlCallSource(models.Model):
    """Money that pays for the calls: the City's share of the used-clothes collection
    (Hera), the extraordinary fund of the Comune di Bologna. A source is allocated to
    calls; it can never be allocated more than its amount.

    What a source has granted and paid is the share of each call it funds, pro rata to
    its allocation: a call funded 60/40 by two sources spends them 60/40."""

    _name = "ixl.call.source"
    _description = "Funding source"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    funder_id = fields.Many2one("res.partner", ondelete="restrict")
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: programme_currency(self.env))
    amount = fields.Monetary(required=True, tracking=True)
    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to")
    note = fields.Text()
    allocation_ids = fields.One2many("ixl.call.allocation", "source_id", string="Allocations")
    allocated = fields.Monetary(compute="_compute_figures")
    unallocated = fields.Monetary(string="Still to allocate", compute="_compute_figures")
    granted = fields.Monetary(compute="_compute_figures")
    paid = fields.Monetary(compute="_compute_figures")
    available = fields.Monetary(compute="_compute_figures",
                                help="Allocated to calls and not granted yet.")
    lock_count = fields.Integer(readonly=True, copy=False)

    @api.depends("amount", "allocation_ids.amount", "allocation_ids.call_id")
    def _compute_figures(self):
        for source in self:
            allocated = granted = paid = 0.0
            for alloc in source.allocation_ids:
                call = alloc.call_id
                allocated += alloc.amount
                share = alloc.amount / call.budget if call.budget else 0.0
                granted += call.granted * share
                paid += call.paid * share
            source.allocated = allocated
            source.unallocated = source.amount - allocated
            source.granted = source.currency_id.round(granted)
            source.paid = source.currency_id.round(paid)
            source.available = source.currency_id.round(allocated - granted)

    @api.constrains("amount", "date_from", "date_to")
    def _check_amount(self):
        for source in self:
            if source.amount < 0:
                raise ValidationError(self.env._("The amount of a source cannot be negative."))
            if source.date_to and source.date_to < source.date_from:
                raise ValidationError(self.env._(
                    "The period of a source cannot end before it starts."))

    def _check_allocations(self):
        """Refuse when a source is allocated more than its amount (call under lock)."""
        self.env.flush_all()
        for source in self:
            self.env.cr.execute(SQL(
                "SELECT COALESCE(SUM(amount), 0) FROM ixl_call_allocation WHERE source_id = %s",
                source.id))
            allocated = self.env.cr.fetchone()[0]
            if source.currency_id.compare_amounts(allocated, source.amount) > 0:
                raise ValidationError(self.env._(
                    "The source %(name)s has %(amount)s: it cannot be allocated %(allocated)s.",
                    name=source.name,
                    amount=fmt_amount(self.env, source.amount, source.currency_id),
                    allocated=fmt_amount(self.env, allocated, source.currency_id)))

    def write(self, vals):
        if "amount" in vals:
            lock_rows(self, "lock_count")
        res = super().write(vals)
        if "amount" in vals:
            self._check_allocations()
        return res
