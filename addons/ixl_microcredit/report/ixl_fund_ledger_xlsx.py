from odoo import fields, models


class IxlFundLedgerXlsx(models.AbstractModel):
    _name = "report.ixl_microcredit.fund_ledger_xlsx"
    _description = "Guarantee fund ledger (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, funds):
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        cell = workbook.add_format({"border": 1})
        money = workbook.add_format({"border": 1, "num_format": "#,##0.00"})
        day = workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd"})
        types = dict(self.env["ixl.fund.move"]._fields["move_type"]._description_selection(
            self.env))
        for fund in funds:
            sheet = workbook.add_worksheet(fund.name[:31])
            sheet.set_column(0, 1, 14)
            sheet.set_column(2, 3, 40)
            sheet.set_column(4, 4, 16)
            sheet.write(0, 0, self.env._("Ledger of %(fund)s", fund=fund.name), title)
            sheet.write(1, 0, self.env._("Extracted on %(date)s", date=fields.Datetime.to_string(
                fields.Datetime.now())))
            headers = [self.env._("Date"), self.env._("Type"), self.env._("Description"),
                       self.env._("Loan"), self.env._("Amount")]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            moves = fund.move_ids.sorted(lambda m: (m.date, m.id))
            for row, move in enumerate(moves, 4):
                sheet.write_datetime(row, 0, fields.Datetime.to_datetime(move.date), day)
                sheet.write(row, 1, types[move.move_type], cell)
                sheet.write(row, 2, move.name or "", cell)
                sheet.write(row, 3, move.loan_id.name or "", cell)
                sheet.write_number(row, 4, move.amount, money)
