from odoo import api, fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today

# operation: (model, method, the wizard's values the method takes besides the date)
OPERATIONS = {
    "loan_approve": ("ixl.loan", "action_approve", ()),
    "loan_disburse": ("ixl.loan", "action_disburse", ("amount",)),
    "loan_repayment": ("ixl.loan", "register_repayment", ("amount",)),
    "loan_default": ("ixl.loan", "action_default", ()),
    "loan_recovery": ("ixl.loan", "register_recovery", ("amount",)),
    "loan_cancel": ("ixl.loan", "action_cancel", ()),
    "project_start": ("ixl.selfemployment.project", "action_start", ()),
    "fund_ceiling": ("ixl.guarantee.fund", "change_ceiling", ("amount", "reference")),
    "fund_deposit": ("ixl.guarantee.fund", "record_deposit", ("amount", "reference")),
}


class IxlDatedOperation(models.TransientModel):
    """Every operation of the microcredit on the day it really happened (today by
    default): a step of a loan or of a project, a repayment or a recovery, a ceiling
    change or a deposit of the fund. Staff enter past records with their real dates;
    the operation itself checks the rules, the date and the group."""

    _name = "ixl.dated.operation"
    _description = "Operation on its real date"

    operation = fields.Selection([
        ("loan_approve", "Approve the loan"),
        ("loan_disburse", "Disburse the loan"),
        ("loan_repayment", "Register a repayment"),
        ("loan_default", "Declare the default"),
        ("loan_recovery", "Register a recovery"),
        ("loan_cancel", "Cancel the loan"),
        ("project_start", "Start the project"),
        ("fund_ceiling", "Change the ceiling"),
        ("fund_deposit", "Record a deposit"),
    ], required=True)
    res_id = fields.Integer(string="Record ID", required=True)
    record_name = fields.Char(string="Record", compute="_compute_record")
    currency_id = fields.Many2one("res.currency", compute="_compute_record")
    takes_amount = fields.Boolean(string="With an amount", compute="_compute_record")
    takes_reference = fields.Boolean(string="With a reference", compute="_compute_record")
    date = fields.Date(required=True, default=lambda self: local_today(),
                       help="The day it happened: today by default, never in the future "
                       "(a ceiling change may apply from a later day).")
    amount = fields.Monetary(compute="_compute_amount", store=True, readonly=False,
                             help="A disbursement: the amount entered on the loan, else the "
                             "amount approved. A ceiling change: the new ceiling.")
    reference = fields.Char(string="Decision / reference")

    def _record(self):
        return self.env[OPERATIONS[self.operation][0]].browse(self.res_id)

    @api.depends("operation", "res_id")
    def _compute_record(self):
        for wizard in self:
            record = wizard._record() if wizard.operation and wizard.res_id else None
            values = OPERATIONS[wizard.operation][2] if wizard.operation else ()
            wizard.record_name = record.display_name if record else False
            wizard.currency_id = record.currency_id \
                if record and "currency_id" in record._fields else False
            wizard.takes_amount = "amount" in values
            wizard.takes_reference = "reference" in values

    @api.depends("operation", "res_id")
    def _compute_amount(self):
        for wizard in self:
            if wizard.operation == "loan_disburse" and wizard.res_id:
                loan = wizard._record()
                wizard.amount = loan.amount_disbursed or loan.amount_approved

    def action_confirm(self):
        self.ensure_one()
        _model, method, names = OPERATIONS[self.operation]
        getattr(self._record(), method)(date=self.date, **{name: self[name] for name in names})
        return {"type": "ir.actions.act_window_close"}
