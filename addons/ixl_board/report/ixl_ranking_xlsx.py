from odoo import models

from odoo.addons.ixl_beneficiary.report.xlsx_tools import house_formats, write_heading


class IxlRankingXlsx(models.AbstractModel):
    _name = "report.ixl_board.ranking_xlsx"
    _description = "Company ranking (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        fmt = house_formats(workbook, cell={"border": 1, "text_wrap": True, "valign": "top"})
        for wizard in wizards:
            sheet = workbook.add_worksheet(str(wizard.year))
            sheet.set_column(0, 1, 14)
            sheet.set_column(2, 2, 80)
            write_heading(
                self.env, sheet, fmt,
                self.env._("Companies by placements through IXL, %s", wizard.year),
                [self.env._("Rank"), self.env._("Placements"), self.env._("Companies")])
            for row, (rank, count, names) in enumerate(wizard._get_ranking(wizard.year), 4):
                sheet.write_number(row, 0, rank, fmt["cell"])
                sheet.write_number(row, 1, count, fmt["cell"])
                sheet.write(row, 2, ", ".join(names), fmt["cell"])
