from odoo import models

from odoo.addons.ixl_beneficiary.report.xlsx_tools import house_formats, write_heading

FIGURES = ["ceiling", "committed", "free_capacity", "losses_paid", "recovered",
           "utilisation", "outstanding", "outstanding_at_risk", "portfolio_at_risk"]


class IxlFundLoansXlsx(models.AbstractModel):
    _name = "report.ixl_microcredit.fund_loans_xlsx"
    _description = "Loans by state and fund usage (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, funds):
        fmt = house_formats(workbook)
        for fund in funds:
            self._write_usage(workbook, fund, fmt)
            self._write_loans(workbook, fund, fmt)

    def _write_usage(self, workbook, fund, fmt):
        sheet = workbook.add_worksheet(self.env._("Fund usage"))
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 1, 16)
        write_heading(self.env, sheet, fmt, self.env._("Usage of %(fund)s", fund=fund.name))
        for row, name in enumerate(FIGURES, 3):
            sheet.write(row, 0, fund._fields[name].get_description(self.env)["string"],
                        fmt["cell"])
            sheet.write_number(row, 1, fund[name], fmt["money"])

    def _write_loans(self, workbook, fund, fmt):
        sheet = workbook.add_worksheet(self.env._("Loans by state"))
        sheet.set_column(0, 7, 18)
        states = dict(self.env["ixl.loan"]._fields["state"]._description_selection(self.env))
        headers = [self.env._("Status"), self.env._("Loan"), self.env._("Borrower"),
                   self.env._("Product"), self.env._("Requested"), self.env._("Approved"),
                   self.env._("Disbursed"), self.env._("Outstanding")]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, fmt["head"])
        loans = fund.loan_ids.sorted(lambda loan: (list(states).index(loan.state), loan.name))
        for row, loan in enumerate(loans, 1):
            texts = [states[loan.state], loan.name, loan.partner_id.name, loan.product_id.name]
            for col, text in enumerate(texts):
                sheet.write(row, col, text or "", fmt["cell"])
            amounts = [loan.amount_requested, loan.amount_approved, loan.amount_disbursed,
                       loan.amount_outstanding]
            for col, amount in enumerate(amounts, 4):
                sheet.write_number(row, col, amount, fmt["money"])
