from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models.tools import (
    fmt_amount,
    local_today,
    lock_rows,
)

from .operations import MONEY_GROUPS, operation_date, require_group

LOAN_STATES = [
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("disbursed", "Disbursed"),
    ("repaying", "Repaying"),
    ("repaid", "Repaid"),
    ("defaulted", "Defaulted"),
    ("cancelled", "Cancelled"),
]
# The states each operation accepts (the buttons' flags use the same tuples).
APPROVE_STATES = ("requested",)
DISBURSE_STATES = ("approved",)
RUNNING_STATES = ("disbursed", "repaying")  # repayments and the default
RECOVER_STATES = ("defaulted",)
CANCEL_STATES = ("requested", "approved")
# Fields written only by the loan's operations (action_*, register_*).
LOCKED_FIELDS = ("state", "coverage_rate", "date_approved", "date_disbursed", "date_closed",
                 "instalment_ids", "move_ids")
# Fields that can change only in the listed states (the bank's decision, the schedule).
EDITABLE_IN = [
    (("requested",), ("amount_requested", "amount_approved", "product_id", "fund_id",
                      "borrower_type", "beneficiary_id", "partner_id", "date_request")),
    (("requested", "approved"), ("amount_disbursed", "term_months")),
]


class IxlLoan(models.Model):
    """A Credito Sociale loan granted by the bank and guaranteed by the fund.

    Amounts requested, approved (by the bank) and disbursed are kept apart. Approving
    commits approved x coverage in the ledger (refused when it does not fit the free
    capacity); disbursing a smaller amount releases the difference; each repayment
    releases guarantee x repaid / disbursed (the last one what is left); a default
    calls the remaining guarantee (a loss); recoveries reduce the loss.

    Every operation has its day (default today in Bologna, never in the future, never
    before the previous step): the ledger lines are dated on it, so that loans of past
    years can be entered with their real dates.
    """

    _name = "ixl.loan"
    _description = "Credito Sociale loan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "date_request desc, id desc"
    _ixl_locked_fields = LOCKED_FIELDS
    _ixl_action_states = {"can_approve": APPROVE_STATES, "can_disburse": DISBURSE_STATES,
                          "is_running": RUNNING_STATES, "can_recover": RECOVER_STATES,
                          "can_cancel": CANCEL_STATES}

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    fund_id = fields.Many2one("ixl.guarantee.fund", string="Guarantee fund", required=True,
                              index=True, ondelete="restrict", tracking=True,
                              default=lambda self: self.env["ixl.guarantee.fund"].search(
                                  [], limit=1))
    currency_id = fields.Many2one(related="fund_id.currency_id", store=True)
    product_id = fields.Many2one("ixl.loan.product", required=True, ondelete="restrict",
                                 tracking=True)
    borrower_type = fields.Selection(
        [("beneficiary", "Beneficiary"), ("organisation", "Organisation")],
        required=True, default="beneficiary")
    beneficiary_id = fields.Many2one("ixl.beneficiary", index="btree_not_null",
                                     ondelete="restrict", tracking=True)
    partner_id = fields.Many2one("res.partner", string="Borrower", required=True, index=True,
                                 compute="_compute_partner_id", store=True, readonly=False,
                                 precompute=True,
                                 ondelete="restrict", tracking=True)
    selfemployment_project_id = fields.Many2one("ixl.selfemployment.project",
                                                string="Self-employment project",
                                                index="btree_not_null")
    social_project_id = fields.Many2one("ixl.social.project", string="Social project",
                                        index="btree_not_null")
    amount_requested = fields.Monetary(required=True, tracking=True)
    amount_approved = fields.Monetary(tracking=True, copy=False)
    amount_disbursed = fields.Monetary(tracking=True, copy=False)
    coverage_rate = fields.Float(string="Coverage (%)", readonly=True, copy=False,
                                 help="Coverage of the product when the loan was approved.")
    date_request = fields.Date(string="Request date", required=True,
                               default=lambda self: local_today())
    date_approved = fields.Date(string="Approval date", readonly=True, copy=False)
    date_disbursed = fields.Date(string="Disbursement date", readonly=True, copy=False)
    date_closed = fields.Date(string="Closing date", readonly=True, copy=False,
                              help="Day the loan was repaid in full, declared defaulted or "
                              "cancelled.")
    term_months = fields.Integer(string="Term (months)", required=True, default=36)
    instalment_ids = fields.One2many("ixl.loan.instalment", "loan_id", string="Instalments",
                                     readonly=True)
    amount_repaid = fields.Monetary(compute="_compute_amounts", store=True)
    amount_outstanding = fields.Monetary(string="Outstanding", compute="_compute_amounts",
                                         store=True)
    guarantee_amount = fields.Monetary(string="Guarantee committed",
                                       compute="_compute_guarantee")
    loss_amount = fields.Monetary(string="Net loss", compute="_compute_guarantee")
    move_ids = fields.One2many("ixl.fund.move", "loan_id", string="Ledger lines",
                               readonly=True)
    state = fields.Selection(LOAN_STATES, default="requested", required=True, readonly=True,
                             tracking=True, index=True, copy=False)
    note = fields.Html()
    can_approve = fields.Boolean(compute="_compute_ixl_action_flags")
    can_disburse = fields.Boolean(compute="_compute_ixl_action_flags")
    is_running = fields.Boolean(compute="_compute_ixl_action_flags",
                                help="Disbursed and not closed: repayments or the default.")
    can_recover = fields.Boolean(compute="_compute_ixl_action_flags")
    can_cancel = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("beneficiary_id")
    def _compute_partner_id(self):
        for loan in self.filtered("beneficiary_id"):
            loan.partner_id = loan.beneficiary_id.partner_id

    @api.depends("amount_disbursed", "instalment_ids.paid_amount", "state")
    def _compute_amounts(self):
        for loan in self:
            loan.amount_repaid = sum(loan.instalment_ids.mapped("paid_amount"))
            active = loan.state in RUNNING_STATES
            loan.amount_outstanding = (loan.amount_disbursed - loan.amount_repaid
                                       if active else 0.0)

    @api.depends("move_ids.amount")
    def _compute_guarantee(self):
        sums = defaultdict(float)
        for loan, effect, amount in self.env["ixl.fund.move"].sudo()._read_group(
                [("loan_id", "in", self.filtered("id").ids)], ["loan_id", "effect_type"],
                ["amount:sum"]):
            sums[loan.id, effect] = amount
        for loan in self:
            def total(effect, loan_id=loan.id):
                return sums.get((loan_id, effect), 0.0)
            loan.guarantee_amount = loan.currency_id.round(
                total("committed") + total("released") + total("called"))
            loan.loss_amount = loan.currency_id.round(-total("called") - total("recovery"))

    @api.constrains("amount_requested", "amount_approved", "amount_disbursed", "term_months")
    def _check_amounts(self):
        for loan in self:
            cmp = loan.currency_id.compare_amounts
            if cmp(loan.amount_requested, 0) <= 0:
                raise ValidationError(self.env._("The amount requested must be positive."))
            if cmp(loan.amount_approved, 0) < 0 or cmp(loan.amount_disbursed, 0) < 0:
                raise ValidationError(self.env._("Loan amounts cannot be negative."))
            if cmp(loan.amount_approved, loan.amount_requested) > 0:
                raise ValidationError(self.env._(
                    "The amount approved cannot be above the amount requested."))
            if cmp(loan.amount_disbursed, loan.amount_approved) > 0:
                raise ValidationError(self.env._(
                    "The amount disbursed cannot be above the amount approved."))
            if loan.term_months <= 0:
                raise ValidationError(self.env._("The term must be at least one month."))

    @api.constrains("borrower_type", "beneficiary_id")
    def _check_borrower(self):
        for loan in self:
            if loan.borrower_type == "beneficiary" and not loan.beneficiary_id:
                raise ValidationError(self.env._("Choose the beneficiary who borrows."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ixl.loan") or "/"
        return super().create(vals_list)

    def _ixl_frozen_fields(self):
        frozen = set()
        for states, names in EDITABLE_IN:
            if any(loan.state not in states for loan in self):
                frozen.update(names)
        return frozen

    @api.ondelete(at_uninstall=False)
    def _unlink_only_requested(self):
        if any(loan.state != "requested" for loan in self):
            raise UserError(self.env._("Only a loan still requested can be deleted."))

    # OPERATIONS ----------------------------------------------------------------

    def _check_state(self, *states):
        require_group(self, *MONEY_GROUPS)
        for loan in self:
            if loan.state not in states:
                raise UserError(self.env._(
                    "Loan %(loan)s is %(state)s: this operation is not possible.",
                    loan=loan.name, state=dict(self._fields["state"]._description_selection(
                        self.env))[loan.state]))

    def _post(self, move_type, amount, date, label=None):
        self.ensure_one()
        return self.fund_id._post([{
            "date": date, "move_type": move_type, "amount": amount, "loan_id": self.id,
            "name": label or self.name}])

    def _set(self, values):
        """Write what an operation changes (after its checks)."""
        return self._ixl_transition().write(values)

    def _last_payment_date(self):
        paid = self.instalment_ids.filtered("paid_date").mapped("paid_date")
        return max(paid, default=self.date_disbursed)

    def _guarantee_to_commit(self):
        """(coverage, guarantee) of the loan at approval: approved amount x coverage."""
        if self.currency_id.compare_amounts(self.amount_approved, 0) <= 0:
            raise UserError(self.env._(
                "Enter the amount approved by the bank for %(loan)s.", loan=self.name))
        rate = self.product_id.coverage_rate
        guarantee = self.currency_id.round(self.amount_approved * rate / 100)
        if self.currency_id.compare_amounts(guarantee, 0) <= 0:
            raise UserError(self.env._(
                "Loan %(loan)s would have no guarantee (coverage %(rate)s%%): the fund "
                "only takes loans it guarantees.", loan=self.name, rate=rate))
        return rate, guarantee

    def action_approve(self, date=None):
        """Record the bank's approval on ``date``: commit the guarantee (approved amount x
        coverage), refused unless it fits in the free capacity of the fund on that day
        and on every later day (under the fund's lock)."""
        self._check_state(*APPROVE_STATES)
        for loan in self:
            day = operation_date(loan, date, loan.date_request, self.env._("the request date"))
            rate, guarantee = loan._guarantee_to_commit()
            lock_rows(loan.fund_id, "posting_count")
            free, when = loan.fund_id._lowest_free(day)
            if loan.currency_id.compare_amounts(guarantee, free) > 0:
                raise UserError(self.env._(
                    "Loan %(loan)s cannot be approved: its guarantee of %(guarantee)s does "
                    "not fit in the free capacity of the fund (%(free)s on %(date)s).",
                    loan=loan.name, guarantee=fmt_amount(self.env, guarantee, loan.currency_id),
                    free=fmt_amount(self.env, free, loan.currency_id),
                    date=format_date(self.env, when)))
            loan._post("committed", guarantee, day)
            loan._set({"state": "approved", "coverage_rate": rate, "date_approved": day})
        return True

    def action_disburse(self, date=None, amount=None):
        """Disburse on ``date`` ``amount`` (default the amount entered, else the amount
        approved), build the schedule and release the guarantee of what was not
        disbursed."""
        self._check_state(*DISBURSE_STATES)
        for loan in self:
            day = operation_date(loan, date, loan.date_approved,
                                 self.env._("the approval date"))
            disbursed = amount or loan.amount_disbursed or loan.amount_approved
            if loan.currency_id.compare_amounts(disbursed, 0) <= 0:
                raise UserError(self.env._("The amount disbursed must be positive."))
            loan._set({"amount_disbursed": disbursed, "date_disbursed": day})
            target = loan.currency_id.round(disbursed * loan.coverage_rate / 100)
            excess = loan.currency_id.round(loan.guarantee_amount - target)
            if excess > 0:
                loan._post("released", -excess, day, label=self.env._(
                    "%(loan)s: amount disbursed below the amount approved", loan=loan.name))
            loan._make_schedule()
            loan._set({"state": "disbursed"})
        return True

    def _make_schedule(self):
        self.ensure_one()
        count = self.term_months
        base = self.currency_id.round(self.amount_disbursed / count)
        last = self.currency_id.round(self.amount_disbursed - base * (count - 1))
        self.env["ixl.loan.instalment"].sudo()._ixl_transition().create([{
            "loan_id": self.id, "sequence": i + 1,
            "due_date": self.date_disbursed + relativedelta(months=i + 1),
            "amount": last if i == count - 1 else base,
        } for i in range(count)])

    def register_repayment(self, amount, date=None):
        """Record a repayment on ``date``: pays the oldest instalments and releases the
        guarantee in proportion (guarantee at disbursement x amount / disbursed)."""
        self.ensure_one()
        self._check_state(*RUNNING_STATES)
        day = operation_date(self, date, self._last_payment_date(),
                             self.env._("the disbursement or the last repayment"))
        done = self._check_payment_amount(
            amount, self.amount_outstanding,
            self.env._("A repayment must be a positive amount."),
            self.env._("The repayment of %(amount)s is above what is outstanding (%(limit)s)."))
        self._allocate(amount, day)
        base = self.amount_disbursed * self.coverage_rate / 100
        release = self.guarantee_amount if done else min(
            self.currency_id.round(base * amount / self.amount_disbursed), self.guarantee_amount)
        if release > 0:
            self._post("released", -release, day)
        self._set({"state": "repaid", "date_closed": day} if done else {"state": "repaying"})
        return True

    def _check_payment_amount(self, amount, limit, not_positive, above):
        """Refuse a payment of ``amount`` unless 0 < amount <= ``limit``, with the
        translated messages ``not_positive`` and ``above`` (which names %(amount)s and
        %(limit)s); True when it pays exactly ``limit``."""
        cmp = self.currency_id.compare_amounts
        if cmp(amount, 0) <= 0:
            raise UserError(not_positive)
        if cmp(amount, limit) > 0:
            raise UserError(above % {
                "amount": fmt_amount(self.env, amount, self.currency_id),
                "limit": fmt_amount(self.env, limit, self.currency_id)})
        return cmp(amount, limit) == 0

    def _allocate(self, amount, date):
        left = amount
        posting = self.env["ixl.loan.instalment"].sudo()._ixl_transition()
        for instalment in self.instalment_ids.filtered(lambda i: not i.is_paid):
            part = min(left, self.currency_id.round(instalment.amount - instalment.paid_amount))
            if part <= 0:
                break
            posting.browse(instalment.id).write({
                "paid_amount": instalment.paid_amount + part, "paid_date": date})
            left = self.currency_id.round(left - part)
        self.invalidate_recordset(["amount_repaid", "amount_outstanding", "instalment_ids"])

    def action_default(self, date=None):
        """Declare the default on ``date``: the remaining guarantee is called (paid to the
        bank)."""
        self._check_state(*RUNNING_STATES)
        for loan in self:
            day = operation_date(loan, date, loan._last_payment_date(),
                                 self.env._("the disbursement or the last repayment"))
            if loan.guarantee_amount > 0:
                loan._post("called", -loan.guarantee_amount, day)
            loan._set({"state": "defaulted", "date_closed": day})
        return True

    def register_recovery(self, amount, date=None):
        """Money recovered on a defaulted loan and paid back to the fund on ``date``."""
        self.ensure_one()
        self._check_state(*RECOVER_STATES)
        day = operation_date(self, date, self.date_closed, self.env._("the default"))
        self._check_payment_amount(
            amount, self.loss_amount, self.env._("A recovery must be a positive amount."),
            self.env._("The recovery of %(amount)s is above the loss of the loan (%(limit)s)."))
        self._post("recovery", amount, day)
        return True

    def action_cancel(self, date=None):
        """Cancel on ``date`` a loan not disbursed; its guarantee is released."""
        self._check_state(*CANCEL_STATES)
        for loan in self:
            day = operation_date(loan, date, loan.date_approved or loan.date_request,
                                 self.env._("the approval or request date"))
            if loan.guarantee_amount > 0:
                loan._post("released", -loan.guarantee_amount, day, label=self.env._(
                    "%(loan)s: cancelled", loan=loan.name))
            loan._set({"state": "cancelled", "date_closed": day})
        return True
