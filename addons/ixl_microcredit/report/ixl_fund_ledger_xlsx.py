from odoo import fields, models

from odoo.addons.ixl_beneficiary.report.xlsx_tools import house_formats, write_heading


class IxlFundLedgerXlsx(models.AbstractModel):
    """Every move of each fund on its date (deposits, guarantees, releases, calls,
    recoveries): the ledger finance reconciles with the bank."""

    _name = "report.ixl_microcredit.fund_ledger_xlsx"
    _description = "Guarantee fund ledger (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, funds):
        fmt = house_formats(workbook)
        types = dict(self.env["ixl.fund.move"]._fields["move_type"]._description_selection(
            self.env))
        for fund in funds:
            sheet = workbook.add_worksheet(fund.name[:31])
            sheet.set_column(0, 1, 14)
            sheet.set_column(2, 3, 40)
            sheet.set_column(4, 4, 16)
            write_heading(self.env, sheet, fmt,
                          self.env._("Ledger of %(fund)s", fund=fund.name),
                          [self.env._("Date"), self.env._("Type"), self.env._("Description"),
                           self.env._("Loan"), self.env._("Amount")])
            moves = fund.move_ids.sorted(lambda m: (m.date, m.id))
            for row, move in enumerate(moves, 4):
                sheet.write_datetime(row, 0, fields.Datetime.to_datetime(move.date), fmt["day"])
                sheet.write(row, 1, types[move.move_type], fmt["cell"])
                sheet.write(row, 2, move.name or "", fmt["cell"])
                sheet.write(row, 3, move.loan_id.name or "", fmt["cell"])
                sheet.write_number(row, 4, move.amount, fmt["money"])
