"""The Board of companies for operators: a step (contacted, joined, left) on its real
date, and the registration of a company IXL has contacted."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import local_today, require_group

from ..models.board_tools import OPERATOR
from ..models.res_partner import COMPANY_SIZES

BOARD_STEPS = [
    ("contacted", "Contacted"),
    ("join", "Joins the Board"),
    ("leave", "Leaves the Board"),
]


class IxlBoardStep(models.TransientModel):
    _name = "ixl.board.step"
    _description = "Board of companies: a step on its date"

    partner_ids = fields.Many2many("res.partner", string="Companies", required=True)
    step = fields.Selection(BOARD_STEPS, required=True, readonly=True)
    date = fields.Date(required=True, default=lambda self: local_today(),
                       help="The day it happened (today by default; never in the future).")

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids._ixl_board_step(self.step, self.date)
        return {"type": "ir.actions.act_window_close"}


class IxlCompanyRegister(models.TransientModel):
    """Registering a company is an operator's step: operators have no right to create
    partners in general, so the company is created as superuser after the group check,
    with only the fields of this form."""

    _name = "ixl.company.register"
    _description = "Register a company contacted by IXL"

    name = fields.Char(string="Company name", required=True)
    vat = fields.Char(string="VAT number")
    email = fields.Char()
    phone = fields.Char()
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    industry_id = fields.Many2one("res.partner.industry", string="Sector")
    ixl_company_size = fields.Selection(COMPANY_SIZES, string="Company size")
    ixl_employee_count = fields.Integer(string="Staff size (employees)")
    ixl_municipality_id = fields.Many2one("ixl.municipality", string="Territory")
    ixl_hiring_capacity = fields.Integer(string="Hiring capacity")
    contact_date = fields.Date(string="First contacted on", required=True,
                               default=lambda self: local_today())

    @api.model
    def _ixl_company_fields(self):
        return ("name", "vat", "email", "phone", "street", "zip", "city", "industry_id",
                "ixl_company_size", "ixl_employee_count", "ixl_municipality_id",
                "ixl_hiring_capacity")

    def _ixl_check_duplicate(self):
        name = (self.name or "").strip()
        if not name:
            raise UserError(self.env._("The company name is required."))
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        same = [("name", "=ilike", name)]
        if self.vat:
            same = ["|", ("vat", "=", self.vat.strip()), *same]
        existing = Partner.search([("is_company", "=", True), *same], limit=1)
        if existing:
            raise UserError(self.env._(
                "%(name)s is already registered: open its sheet instead.",
                name=existing.name))

    def action_confirm(self):
        self.ensure_one()
        require_group(self, OPERATOR)
        self._ixl_check_duplicate()
        self.env["res.partner"]._ixl_check_step_date(self.contact_date)
        values = self._convert_to_write(
            {name: self[name] for name in self._ixl_company_fields()})
        values.update(name=self.name.strip(), is_company=True)
        company = self.env["res.partner"].sudo().create(values).sudo(False)
        company._ixl_board_step("contacted", self.contact_date)
        return {"type": "ir.actions.act_window", "res_model": "res.partner",
                "res_id": company.id, "view_mode": "form",
                "views": [(False, "form")]}
