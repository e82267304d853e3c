from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LOAN_STATES = [
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("disbursed", "Disbursed"),
    ("repaying", "Repaying"),
    ("repaid", "Repaid"),
    ("defaulted", "Defaulted"),
    ("cancelled", "Cancelled"),
]
# Fields that can change only in the listed states.
LOCKED_FIELDS = {
    "amount_requested": ("requested",),
    "amount_approved": ("requested",),
    "product_id": ("requested",),
    "fund_id": ("requested",),
    "amount_disbursed": ("requested", "approved"),
}


class IxlLoan(models.Model):
    """A Credito Sociale loan granted by the bank and guaranteed by the fund.

    Amounts requested, approved (by the bank) and disbursed are kept apart. Approving
    commits approved x coverage in the ledger (refused when it does not fit the free
    capacity); disbursing a smaller amount releases the difference; each repayment
    releases guarantee x repaid / disbursed (the last one what is left); a default
    calls the remaining guarantee (a loss); recoveries reduce the loss.
    """

    _name = "ixl.loan"
    _description = "Credito Sociale loan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_request desc, id desc"

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
                               default=fields.Date.context_today)
    date_approved = fields.Date(string="Approval date", readonly=True, copy=False)
    date_disbursed = fields.Date(string="Disbursement date", copy=False)
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

    @api.depends("beneficiary_id")
    def _compute_partner_id(self):
        for loan in self.filtered("beneficiary_id"):
            loan.partner_id = loan.beneficiary_id.partner_id

    @api.depends("amount_disbursed", "instalment_ids.paid_amount", "state")
    def _compute_amounts(self):
        for loan in self:
            loan.amount_repaid = sum(loan.instalment_ids.mapped("paid_amount"))
            active = loan.state in ("disbursed", "repaying")
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

    def write(self, vals):
        for field, states in LOCKED_FIELDS.items():
            if field in vals and any(loan.state not in states for loan in self):
                raise UserError(self.env._(
                    "%(field)s cannot be changed any more on a loan in this state.",
                    field=self._fields[field].get_description(self.env)["string"]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_requested(self):
        if any(loan.state != "requested" for loan in self):
            raise UserError(self.env._("Only a loan still requested can be deleted."))

    def _check_state(self, *states):
        for loan in self:
            if loan.state not in states:
                raise UserError(self.env._(
                    "Loan %(loan)s is %(state)s: this operation is not possible.",
                    loan=loan.name, state=dict(self._fields["state"]._description_selection(
                        self.env))[loan.state]))

    def _post(self, move_type, amount, date=None, label=None):
        self.ensure_one()
        return self.fund_id._post([{
            "date": date or fields.Date.context_today(self), "move_type": move_type,
            "amount": amount, "loan_id": self.id, "name": label or self.name}])

    def action_approve(self):
        """Commit the guarantee (approved amount x coverage), under the fund's lock."""
        self._check_state("requested")
        for loan in self:
            if loan.currency_id.compare_amounts(loan.amount_approved, 0) <= 0:
                raise UserError(self.env._(
                    "Enter the amount approved by the bank for %(loan)s.", loan=loan.name))
            rate = loan.product_id.coverage_rate
            guarantee = loan.currency_id.round(loan.amount_approved * rate / 100)
            loan.fund_id._lock()
            free = loan.fund_id._ledger_figures()[loan.fund_id.id]["free_capacity"]
            if loan.currency_id.compare_amounts(guarantee, free) > 0:
                raise UserError(self.env._(
                    "Loan %(loan)s cannot be approved: its guarantee of %(guarantee)s does "
                    "not fit in the free capacity of the fund (%(free)s).", loan=loan.name,
                    guarantee=loan.fund_id._fmt(guarantee), free=loan.fund_id._fmt(free)))
            if guarantee:
                loan._post("committed", guarantee)
            loan.write({"state": "approved", "coverage_rate": rate,
                        "date_approved": fields.Date.context_today(self)})
        return True

    def action_disburse(self):
        """Disburse (the approved amount unless another one was entered), build the
        schedule and release the guarantee of what was not disbursed."""
        self._check_state("approved")
        for loan in self:
            if not loan.amount_disbursed:
                loan.amount_disbursed = loan.amount_approved
            if not loan.date_disbursed:
                loan.date_disbursed = fields.Date.context_today(self)
            target = loan.currency_id.round(loan.amount_disbursed * loan.coverage_rate / 100)
            excess = loan.currency_id.round(loan.guarantee_amount - target)
            if excess > 0:
                loan._post("released", -excess, label=self.env._(
                    "%(loan)s: amount disbursed below the amount approved", loan=loan.name))
            loan._make_schedule()
            loan.state = "disbursed"
        return True

    def _make_schedule(self):
        self.ensure_one()
        count = self.term_months
        base = self.currency_id.round(self.amount_disbursed / count)
        last = self.currency_id.round(self.amount_disbursed - base * (count - 1))
        self.env["ixl.loan.instalment"].sudo().create([{
            "loan_id": self.id, "sequence": i + 1,
            "due_date": self.date_disbursed + relativedelta(months=i + 1),
            "amount": last if i == count - 1 else base,
        } for i in range(count)])

    def register_repayment(self, amount, date=None):
        """Record a repayment: pays the oldest instalments and releases the guarantee
        in proportion (guarantee at disbursement x amount / disbursed)."""
        self.ensure_one()
        self._check_state("disbursed", "repaying")
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        cmp = self.currency_id.compare_amounts
        if cmp(amount, 0) <= 0:
            raise UserError(self.env._("A repayment must be a positive amount."))
        if cmp(amount, self.amount_outstanding) > 0:
            raise UserError(self.env._(
                "The repayment of %(amount)s is above what is outstanding (%(outstanding)s).",
                amount=self.fund_id._fmt(amount),
                outstanding=self.fund_id._fmt(self.amount_outstanding)))
        done = cmp(amount, self.amount_outstanding) == 0
        self._allocate(amount, date)
        base = self.amount_disbursed * self.coverage_rate / 100
        release = self.guarantee_amount if done else min(
            self.currency_id.round(base * amount / self.amount_disbursed), self.guarantee_amount)
        if release > 0:
            self._post("released", -release, date)
        self.state = "repaid" if done else "repaying"
        return True

    def _allocate(self, amount, date):
        left = amount
        posting = self.env["ixl.loan.instalment"].sudo().with_context(ixl_fund_posting=True)
        for instalment in self.instalment_ids.filtered(lambda i: not i.is_paid):
            part = min(left, self.currency_id.round(instalment.amount - instalment.paid_amount))
            if part <= 0:
                break
            posting.browse(instalment.id).write({
                "paid_amount": instalment.paid_amount + part, "paid_date": date})
            left = self.currency_id.round(left - part)
        self.invalidate_recordset(["amount_repaid", "amount_outstanding", "instalment_ids"])

    def action_default(self):
        """Declare the default: the remaining guarantee is called (paid to the bank)."""
        self._check_state("disbursed", "repaying")
        for loan in self:
            if loan.guarantee_amount > 0:
                loan._post("called", -loan.guarantee_amount)
            loan.state = "defaulted"
        return True

    def register_recovery(self, amount, date=None):
        """Money recovered on a defaulted loan and paid back to the fund."""
        self.ensure_one()
        self._check_state("defaulted")
        cmp = self.currency_id.compare_amounts
        if cmp(amount, 0) <= 0:
            raise UserError(self.env._("A recovery must be a positive amount."))
        if cmp(amount, self.loss_amount) > 0:
            raise UserError(self.env._(
                "The recovery of %(amount)s is above the loss of the loan (%(loss)s).",
                amount=self.fund_id._fmt(amount), loss=self.fund_id._fmt(self.loss_amount)))
        self._post("recovery", amount, fields.Date.to_date(date))
        return True

    def action_cancel(self):
        """Cancel a loan not disbursed; its guarantee is released."""
        self._check_state("requested", "approved")
        for loan in self:
            if loan.guarantee_amount > 0:
                loan._post("released", -loan.guarantee_amount, label=self.env._(
                    "%(loan)s: cancelled", loan=loan.name))
            loan.state = "cancelled"
        return True

    def _open_payment(self, kind, name):
        return {
            "type": "ir.actions.act_window", "name": name, "res_model": "ixl.loan.payment",
            "view_mode": "form", "target": "new",
            "context": {"default_loan_id": self.id, "default_kind": kind},
        }

    def action_repayment(self):
        return self._open_payment("repayment", self.env._("Register a repayment"))

    def action_recovery(self):
        return self._open_payment("recovery", self.env._("Register a recovery"))
