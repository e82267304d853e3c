from odoo import api, fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today

# operation: (model, method, whether it takes an amount)
OPERATIONS = {
    "loan_approve": ("ixl.loan", "action_approve", False),
    "loan_disburse": ("ixl.loan", "action_disburse", True),
    "loan_default": ("ixl.loan", "action_default", False),
    "loan_cancel": ("ixl.loan", "action_cancel", False),
    "project_start": ("ixl.selfemployment.project", "action_start", False),
}


class IxlDatedOperation(models.TransientModel):
    """An operation of a loan or a project on the day it really happened (today by
    default, never in the future): staff enter past records with their real dates.
    The operation itself checks the rules and the group."""

    _name = "ixl.dated.operation"
    _description = "Operation on its real date"

    operation = fields.Selection([
        ("loan_approve", "Approve the loan"),
        ("loan_disburse", "Disburse the loan"),
        ("loan_default", "Declare the default"),
        ("loan_cancel", "Cancel the loan"),
        ("project_start", "Start the project"),
    ], required=True)
    res_id = fields.Integer(string="Record ID", required=True)
    record_name = fields.Char(string="Record", compute="_compute_record")
    currency_id = fields.Many2one("res.currency", compute="_compute_record")
    takes_amount = fields.Boolean(string="With an amount", compute="_compute_record")
    date = fields.Date(required=True, default=lambda self: local_today(),
                       help="The day it happened: today by default, never in the future.")
    amount = fields.Monetary(string="Amount disbursed", compute="_compute_amount",
                             store=True, readonly=False,
                             help="Default: the amount entered on the loan, else the amount "
                             "approved.")

    def _record(self):
        return self.env[OPERATIONS[self.operation][0]].browse(self.res_id)

    @api.depends("operation", "res_id")
    def _compute_record(self):
        for wizard in self:
            record = wizard._record() if wizard.operation and wizard.res_id else None
            wizard.record_name = record.display_name if record else False
            wizard.currency_id = record.currency_id if record and record._name == "ixl.loan" \
                else False
            wizard.takes_amount = bool(wizard.operation) and OPERATIONS[wizard.operation][2]

    @api.depends("operation", "res_id")
    def _compute_amount(self):
        for wizard in self:
            if wizard.operation == "loan_disburse" and wizard.res_id:
                loan = wizard._record()
                wizard.amount = loan.amount_disbursed or loan.amount_approved

    def action_confirm(self):
        self.ensure_one()
        _model, method, takes_amount = OPERATIONS[self.operation]
        options = {"date": self.date}
        if takes_amount:
            options["amount"] = self.amount
        getattr(self._record(), method)(**options)
        return {"type": "ir.actions.act_window_close"}
