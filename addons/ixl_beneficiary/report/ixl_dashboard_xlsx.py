import re

from odoo import fields, models
from odoo.tools.misc import format_date, format_datetime

from .ixl_dashboard_xlsx_charts import add_block_chart, chart_rows
from .xlsx_tools import house_formats

NUMBER_FORMATS = {"int": "#,##0", "float": "#,##0.0", "pct": "0.0", "money": "#,##0.00"}

FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title):
    """An Excel sheet name: no []:*?/\\ and at most 31 characters."""
    return re.sub(r"\s+", " ", FORBIDDEN_IN_SHEET_NAMES.sub(" ", title)).strip()[:31]


class IxlDashboardXlsx(models.AbstractModel):
    """The programme in numbers as a workbook: a cover sheet with the period and the
    extraction time, then one sheet per section, written from the same dicts the web
    client shows (get_dashboard), so every addon's section comes for free. The blocks
    with a ``chart`` hint get a native Excel chart next to their table."""

    _name = "report.ixl_beneficiary.dashboard_xlsx"
    _description = "Programme in numbers (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        wizard.ensure_one()
        dashboard = wizard._dashboard_data()
        styles = self._styles(workbook)
        heading = self._heading(wizard)
        self._write_cover(workbook, styles, heading, dashboard)
        for section in dashboard["sections"]:
            self._write_section(workbook, styles, heading, section)

    def _styles(self, workbook):
        numbers = {kind: {"border": 1, "num_format": num_format}
                   for kind, num_format in NUMBER_FORMATS.items()}
        return house_formats(workbook, subtitle={"italic": True, "font_color": "#555555"},
                             block={"bold": True, "font_size": 12}, **numbers)

    def _heading(self, wizard):
        now = fields.Datetime.now()
        return [
            self.env._("Period: %(from)s - %(to)s", **{
                "from": format_date(self.env, wizard.date_from),
                "to": format_date(self.env, wizard.date_to)}),
            self.env._("Extracted on %(when)s by %(who)s",
                       when=format_datetime(self.env, now), who=self.env.user.name),
        ]

    def _write_cover(self, workbook, styles, heading, dashboard):
        sheet = workbook.add_worksheet(self.env._("Period"))
        sheet.set_column(0, 0, 60)
        sheet.write(0, 0, self.env._("Programme in numbers"), styles["title"])
        for pos, line in enumerate(heading, 1):
            sheet.write(pos, 0, line, styles["subtitle"])
        sheet.write(4, 0, self.env._("Sheets"), styles["block"])
        for pos, section in enumerate(dashboard["sections"], 5):
            sheet.write(pos, 0, section["title"])

    def _write_section(self, workbook, styles, heading, section):
        sheet = workbook.add_worksheet(sheet_name(section["title"]))
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, 6, 16)
        sheet.write(0, 0, section["title"], styles["title"])
        for pos, line in enumerate(heading, 1):
            sheet.write(pos, 0, line, styles["subtitle"])
        line = 4
        charts = []
        for block in section["blocks"]:
            start = line
            line = self._write_block(sheet, styles, block, line)
            charts.append((block, range(start + 2, line), start + 1))
            line = max(line, start + chart_rows(block)) + 1
        # the charts right of the widest table of the sheet
        chart_col = (sheet.dim_colmax or 0) + 2
        for block, lines, header_line in charts:
            add_block_chart(workbook, sheet, block, lines, header_line, chart_col)

    def _write_block(self, sheet, styles, block, line):
        sheet.write(line, 0, block["title"], styles["block"])
        line += 1
        sheet.write(line, 0, "", styles["head"])
        # the previous period's value of each compared column, after the block's columns
        compared = [pos for pos in range(len(block["columns"])) if any(
            "previous" in row["cells"][pos] for row in block["rows"] if pos < len(row["cells"]))]
        columns = list(block["columns"]) + [self.env._(
            "%(column)s, previous period", column=block["columns"][pos]) for pos in compared]
        for col, column in enumerate(columns, 1):
            sheet.write(line, col, column, styles["head"])
        for row in block["rows"]:
            line += 1
            sheet.write(line, 0, row["label"], styles["cell"])
            cells = row["cells"] + [
                {"type": row["cells"][pos]["type"], "value": row["cells"][pos].get("previous")}
                for pos in compared if pos < len(row["cells"])]
            for col, cell in enumerate(cells, 1):
                value = cell["value"]
                if value is None:
                    sheet.write_blank(line, col, None, styles["cell"])
                elif cell["type"] == "text":
                    sheet.write_string(line, col, str(value), styles["cell"])
                else:
                    sheet.write_number(line, col, value, styles[cell["type"]])
        return line + 1
