from odoo import models

from odoo.addons.ixl_beneficiary.report.xlsx_tools import house_formats, write_heading


class IxlCallFinanceXlsx(models.AbstractModel):
    """Finance of the selected calls: per call, per funding source (pro rata to the
    allocations) and per applicant: budget, granted, paid, available."""

    _name = "report.ixl_calls.call_finance_xlsx"
    _description = "Calls finance (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, calls):
        _ = self.env._
        formats = house_formats(workbook)
        sources = calls.allocation_ids.source_id
        grants = calls.grant_ids
        applicants = grants.partner_id
        sheets = [
            (_("Calls"), [_("Call"), _("Budget"), _("Granted"), _("Paid"), _("Available")],
             [(c.name, c.budget, c.granted, c.paid, c.available) for c in calls]),
            (_("Sources"), [_("Source"), _("Amount"), _("Allocated"), _("Granted"), _("Paid"),
                            _("Available")],
             [(s.name, s.amount, s.allocated, s.granted, s.paid, s.available)
              for s in sources]),
            (_("Applicants"), [_("Applicant"), _("Granted"), _("Paid"), _("Still to pay")],
             [(p.name, *self._applicant_sums(grants.filtered(lambda g, p=p: g.partner_id == p)))
              for p in applicants]),
        ]
        for name, headers, rows in sheets:
            self._write_sheet(workbook, formats, name, headers, rows)

    @staticmethod
    def _applicant_sums(grants):
        granted = sum(grants.mapped("amount"))
        paid = sum(grants.mapped("paid"))
        return granted, paid, granted - paid

    def _write_sheet(self, workbook, formats, name, headers, rows):
        sheet = workbook.add_worksheet(name)
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, len(headers), 16)
        write_heading(self.env, sheet, formats, name, headers)
        for row, values in enumerate(rows, 4):
            sheet.write(row, 0, values[0], formats["cell"])
            for col, value in enumerate(values[1:], 1):
                sheet.write_number(row, col, value, formats["money"])
