from odoo import models

from odoo.addons.ixl_beneficiary.report.xlsx_tools import house_formats, write_heading

from ..models.indicators import COUNTS, rate_of

XLSX_RATES = ["placement_rate", "employment_rate", "permanent_rate",
              "qualified_employment_rate"]


class IxlTrainingXlsxMixin(models.AbstractModel):
    _name = "report.ixl_training.xlsx_mixin"
    _description = "Training XLSX helpers"
    _inherit = "report.report_xlsx.abstract"

    def _headers(self, first):
        return [first,
                self.env._("Participants"), self.env._("Placements"),
                self.env._("People employed"), self.env._("Placement rate (%)"),
                self.env._("Employment rate (%)"), self.env._("Permanent start rate (%)"),
                self.env._("Employment rate of the qualified (%)"),
                self.env._("Total cost"), self.env._("Guaranteed to the provider"),
                self.env._("Earned from the at-risk part"), self.env._("Retained by IXL")]

    def _settled(self, settlements):
        """Totals of the confirmed settlements and reversals (drafts excluded)."""
        done = settlements.filtered(lambda s: s.state != "draft")
        return [sum(done.mapped(name)) for name in
                ("amount_guaranteed", "amount_earned", "amount_retained")]

    def _write_sheet(self, workbook, title, first, rows):
        fmt = house_formats(workbook, head={"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                            "text_wrap": True})
        sheet = workbook.add_worksheet(title[:31])
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 11, 14)
        write_heading(self.env, sheet, fmt, title, self._headers(first))
        for row, (name, counts, money) in enumerate(rows, 4):
            sheet.write(row, 0, name, fmt["cell"])
            for col, key in enumerate(("participants", "placements", "employed"), 1):
                sheet.write_number(row, col, counts[key], fmt["cell"])
            for col, field in enumerate(XLSX_RATES, 4):
                sheet.write_number(row, col, rate_of(counts, field) or 0.0, fmt["pct"])
            for col, amount in enumerate(money, 8):
                sheet.write_number(row, col, amount, fmt["money"])


class IxlEditionXlsx(models.AbstractModel):
    _name = "report.ixl_training.edition_xlsx"
    _description = "Course edition indicators and settlements (XLSX)"
    _inherit = "report.ixl_training.xlsx_mixin"

    def generate_xlsx_report(self, workbook, data, editions):
        counts = editions._get_indicator_counts()
        rows = [(edition.display_name, counts[edition.id],
                 [edition.total_cost, *self._settled(edition.settlement_ids)])
                for edition in editions]
        self._write_sheet(workbook, self.env._("Course editions"), self.env._("Edition"), rows)


class IxlProviderXlsx(models.AbstractModel):
    _name = "report.ixl_training.provider_xlsx"
    _description = "Training provider indicators and settlements (XLSX)"
    _inherit = "report.ixl_training.xlsx_mixin"

    def generate_xlsx_report(self, workbook, data, partners):
        providers = partners.filtered("is_training_provider")
        editions = self.env["ixl.course.edition"].search([("provider_id", "in", providers.ids)])
        counts = editions._get_indicator_counts()
        rows = []
        for provider in providers:
            own = editions.filtered(lambda e, p=provider: e.provider_id == p)
            totals = {key: sum(counts[e.id][key] for e in own) for key in COUNTS}
            rows.append((provider.display_name, totals,
                         [sum(own.mapped("total_cost")), *self._settled(own.settlement_ids)]))
        self._write_sheet(workbook, self.env._("Training providers"),
                          self.env._("Training provider"), rows)
