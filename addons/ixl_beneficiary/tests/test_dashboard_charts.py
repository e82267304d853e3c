import re
import zipfile
from io import BytesIO
from itertools import pairwise

import openpyxl

from odoo.tests import new_test_user, tagged

from ..report.ixl_dashboard_xlsx_charts import data_runs
from .common import IxlCase
from .dashboard_charts_common import only_chart_test_section
from .dashboard_common import DashboardMixin

SHEET = "'Chart test'"


@tagged("post_install", "-at_install")
class TestDashboardXlsxCharts(DashboardMixin, IxlCase):
    """An operator extracts the programme in numbers: the blocks with a chart hint come
    with a native Excel chart of their rows (totals left out) next to their table."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = new_test_user(cls.env, login="charts_xlsx_operator",
                                     groups="ixl_beneficiary.group_ixl_operator")

    def extract(self):
        with only_chart_test_section(self.env):
            wizard = self.env["ixl.dashboard.export"].with_user(self.operator).create(
                {"date_from": "2024-01-01", "date_to": "2024-12-31"})
            content, kind = self.env["ir.actions.report"].with_user(
                self.operator)._render_xlsx(
                "ixl_beneficiary.action_report_dashboard_xlsx", wizard.ids, {})
        self.assertEqual(kind, "xlsx")
        return content

    def charts_by_title(self, content):
        """{chart title: chart XML} of the workbook, and the labels' Excel rows."""
        charts = {}
        with zipfile.ZipFile(BytesIO(content)) as book:
            names = book.namelist()
            for name in names:
                if name.startswith("xl/charts/chart"):
                    xml = book.read(name).decode()
                    title = re.search(r"<a:t>([^<]*)</a:t>", xml).group(1)
                    charts[title] = xml
            self.assertIn("xl/drawings/drawing1.xml", names)
            rels = book.read("xl/worksheets/_rels/sheet2.xml.rels").decode()
            self.assertIn("../drawings/drawing1.xml", rels)  # on the section's sheet
        sheet = openpyxl.load_workbook(BytesIO(content))["Chart test"]
        rows = {}
        for cells in sheet.iter_rows(min_col=1, max_col=1):
            if cells[0].value:
                rows.setdefault(cells[0].value, []).append(cells[0].row)
        return charts, rows

    def formulas(self, xml):
        return re.findall(r"<c:f>([^<]*)</c:f>", xml)

    @staticmethod
    def cells(column, first, last=None):
        """The sheet's reference of ``column`` from row ``first`` to row ``last``."""
        return f"{SHEET}!${column}${first}" + (f":${column}${last}" if last else "")

    def test_each_hint_gets_its_native_chart(self):
        charts, rows = self.charts_by_title(self.extract())
        self.assertEqual(set(charts), {"Per month", "Split", "Ranking", "Four years",
                                       "Cut by a subtotal"})  # not "No chart"

        # bar: a column per month, the total row left out
        jan, mar = rows["Jan"][0], rows["Mar"][0]
        self.assertEqual(rows["Total"][0], mar + 1)
        bar = charts["Per month"]
        self.assertIn('<c:barDir val="col"/>', bar)
        self.assertEqual(self.formulas(bar), [
            self.cells("B", jan - 1), self.cells("A", jan, mar), self.cells("B", jan, mar)])

        # doughnut: the split without its total (first row)
        women, men = rows["Women"][0], rows["Men"][0]
        self.assertEqual(men, women + 1)
        doughnut = charts["Split"]
        self.assertIn("<c:doughnutChart>", doughnut)
        self.assertEqual(self.formulas(doughnut)[1:],
                         [self.cells("A", women, men), self.cells("B", women, men)])

        # hbar: horizontal bars, first company on top
        first, last = rows["Company 1"][0], rows["Company 4"][0]
        ranking = charts["Ranking"]
        self.assertIn('<c:barDir val="bar"/>', ranking)
        self.assertIn('<c:orientation val="maxMin"/>', ranking)
        self.assertEqual(self.formulas(ranking)[1:],
                         [self.cells("A", first, last), self.cells("B", first, last)])

        # trend: placements as columns, the % permanent (4th column, D) as a line on a
        # second axis
        y2021, y2024 = rows["2021"][0], rows["2024"][0]
        trend = charts["Four years"]
        self.assertIn('<c:barDir val="col"/>', trend)
        self.assertIn("<c:lineChart>", trend)
        self.assertEqual(trend.count("<c:valAx>"), 2)
        self.assertEqual(self.formulas(trend), [
            self.cells("B", y2021 - 1), self.cells("A", y2021, y2024),
            self.cells("B", y2021, y2024),
            self.cells("D", y2021 - 1), self.cells("A", y2021, y2024),
            self.cells("D", y2021, y2024)])

        # a subtotal in the middle: the series skips it
        jan2, mar2, sub = rows["Jan"][1], rows["Mar"][1], rows["Subtotal"][0]
        self.assertEqual((sub, mar2), (jan2 + 2, jan2 + 3))
        self.assertEqual(self.formulas(charts["Cut by a subtotal"])[2], (
            f"({SHEET}!$B${jan2}:$B${jan2 + 1},{SHEET}!$B${mar2})"))

    def test_charts_do_not_cover_the_tables(self):
        """A chart is taller than a short table: the next block starts below it; all
        charts stand right of the widest table, a column apart (A-D here: the label and
        three figures, so from F; further right if the tables get more columns)."""
        content = self.extract()
        with zipfile.ZipFile(BytesIO(content)) as book:
            drawing = book.read("xl/drawings/drawing1.xml").decode()
        starts = re.findall(r"<xdr:from><xdr:col>(\d+)</xdr:col>", drawing)
        sheet = openpyxl.load_workbook(BytesIO(content))["Chart test"]
        self.assertGreaterEqual(sheet.max_column, 4)
        self.assertEqual(starts, [str(sheet.max_column + 1)] * 5)  # 0-based: F is 5
        titles = [cell.row for (cell,) in sheet.iter_rows(min_col=1, max_col=1)
                  if cell.value in ("Per month", "Split", "Ranking", "Four years")]
        self.assertTrue(all(b - a >= 16 for a, b in pairwise(titles)), titles)

    def test_data_runs(self):
        self.assertEqual(data_runs([3, 4, 5, 7, 9, 10]), [(3, 5), (7, 7), (9, 10)])
        self.assertEqual(data_runs([]), [])
