from odoo import fields, models


class IxlRankingXlsx(models.AbstractModel):
    _name = "report.ixl_board.ranking_xlsx"
    _description = "Company ranking (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        for wizard in wizards:
            sheet = workbook.add_worksheet(str(wizard.year))
            sheet.set_column(0, 1, 14)
            sheet.set_column(2, 2, 80)
            sheet.write(0, 0, self.env._("Companies by placements through IXL, %s", wizard.year),
                        title)
            sheet.write(1, 0, self.env._("Extracted on %s",
                                         fields.Datetime.to_string(fields.Datetime.now())))
            headers = [self.env._("Rank"), self.env._("Placements"), self.env._("Companies")]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            for row, (rank, count, names) in enumerate(wizard._get_ranking(wizard.year), 4):
                sheet.write_number(row, 0, rank, cell)
                sheet.write_number(row, 1, count, cell)
                sheet.write(row, 2, ", ".join(names), cell)
