"""The steps of an internship that need a few values: close, extend, suspend, and the
payment of a month's indemnity. Each one calls the model's transition, which checks the
rule and the group."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group

from ..models.board_tools import COORDINATOR, OPERATOR
from ..models.ixl_internship import CLOSE_OUTCOMES, HIRE_CONTRACTS, OUTCOMES, SUSPEND_STATES


class IxlInternshipClose(models.TransientModel):
    _name = "ixl.internship.close"
    _description = "Close an internship"

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade")
    outcome = fields.Selection(
        [(key, label) for key, label in OUTCOMES if key in CLOSE_OUTCOMES], required=True,
        default="ended")
    date_end = fields.Date(string="Last day", required=True, compute="_compute_date_end",
                           store=True, readonly=False, precompute=True,
                           help="The planned end, or an earlier day if the internship "
                                "ended early.")
    hire_start = fields.Date(string="Hire starts on", compute="_compute_hire_start",
                             store=True, readonly=False,
                             help="The day after the last day of the internship, by default.")
    is_hire = fields.Boolean(compute="_compute_is_hire")

    @api.depends("internship_id")
    def _compute_date_end(self):
        for wizard in self:
            wizard.date_end = wizard.internship_id.date_end

    @api.depends("outcome")
    def _compute_is_hire(self):
        for wizard in self:
            wizard.is_hire = wizard.outcome in HIRE_CONTRACTS

    @api.depends("date_end", "outcome")
    def _compute_hire_start(self):
        for wizard in self:
            if wizard.date_end and wizard.is_hire:
                wizard.hire_start = wizard.date_end + timedelta(days=1)

    def action_confirm(self):
        self.ensure_one()
        self.internship_id.action_close(
            self.outcome, hire_start=self.is_hire and self.hire_start or None,
            date_end=self.date_end)
        return {"type": "ir.actions.act_window_close"}


class IxlInternshipExtend(models.TransientModel):
    _name = "ixl.internship.extend"
    _description = "Extend an internship"

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade")
    current_end = fields.Date(related="internship_id.date_end", string="Current end")
    date_end = fields.Date(string="New end date", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.internship_id.action_extend(self.date_end)
        return {"type": "ir.actions.act_window_close"}


class IxlInternshipSuspend(models.TransientModel):
    _name = "ixl.internship.suspend"
    _description = "Suspend an internship"

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    reason = fields.Char(help="Why the internship is suspended (illness, closure...).")
    indemnity_due = fields.Boolean(
        string="Keep paying the indemnity",
        help="By default the suspended days are not paid. Keeping the indemnity paid is a "
             "coordinator's decision, with its reason.")
    indemnity_reason = fields.Char(string="Why the indemnity is paid")

    def action_confirm(self):
        self.ensure_one()
        require_group(self, OPERATOR)
        if self.indemnity_due:
            require_group(self, COORDINATOR)
        internship = self.internship_id
        internship.check_access("write")
        if internship.state not in SUSPEND_STATES:
            raise UserError(self.env._(
                "Only a draft or ongoing internship can be suspended."))
        self.env["ixl.internship.suspension"]._ixl_transition().create({
            "internship_id": internship.id, "date_from": self.date_from,
            "date_to": self.date_to, "reason": self.reason,
            "indemnity_due": self.indemnity_due,
            "indemnity_reason": self.indemnity_due and self.indemnity_reason or False,
        })
        return {"type": "ir.actions.act_window_close"}


class IxlInternshipPayment(models.TransientModel):
    _name = "ixl.internship.payment"
    _description = "Record the payment of an internship indemnity"

    month_id = fields.Many2one("ixl.internship.month", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="month_id.currency_id")
    amount_due = fields.Monetary(related="month_id.amount", string="Indemnity due")
    date = fields.Date(string="Paid on", required=True, default=lambda self: local_today())
    amount = fields.Monetary(string="Amount paid", required=True, compute="_compute_amount",
                             store=True, readonly=False, precompute=True,
                             help="The indemnity due, unless another amount was paid.")

    @api.depends("month_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.month_id.amount

    def action_confirm(self):
        self.ensure_one()
        require_group(self, COORDINATOR)
        self.month_id.check_access("read")
        self.month_id.sudo()._record_payment(self.date, self.amount)
        return {"type": "ir.actions.act_window_close"}
