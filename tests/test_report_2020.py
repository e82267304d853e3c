"""The year 2020 in the programme in numbers and in the printed report (cross-addon:
ixl_board, ixl_training and ixl_microcredit installed).

The dataset (tests/report2020.py) has the figures of the 2020 annual report. The
assertions are grouped by dashboard section; the details of each addon's figures are
in its own 2020 tests (ixl_board, ixl_training, ixl_microcredit). Then the charts (every block
with a ``chart`` hint) and the PDF: rendered by the report engine with wkhtmltopdf,
its text read back with PyPDF2, figures formatted in Italian as on the dashboard.

With IXL_DOCS_DIR set (``make docs``) and pdftoppm installed, the PDF's first pages are
also saved as PNG images for the manual (docs/manuale/12-cruscotto.md).
"""
import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from PyPDF2 import PdfReader
from report2020 import FIGURES, REGISTRATIONS_BY_MONTH, build_2020

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.ixl_beneficiary.report import dashboard_svg
from odoo.addons.ixl_beneficiary.tests.dashboard_common import column, figures

PERIOD = ("2020-01-01", "2020-12-31")
REPORT = "ixl_beneficiary.action_report_dashboard_year"
MANUAL_PAGES = 2
# The ten companies with most placements in 2020: their hires (report2020.TOP_HIRES)
# and the other placements the dataset gives them.
TOP_PLACEMENTS = [32, 26, 22, 19, 17, 15, 13, 12, 11, 10]
PNG_COLOURS = 256


@tagged("post_install", "-at_install")
class TestReport2020(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = build_2020(cls.env)
        cls.coordinator = new_test_user(
            cls.env, login="ixl_2020_coordinator", lang="en_US", name="Chiara Coordinatrice",
            groups="ixl_beneficiary.group_ixl_coordinator")
        cls.data = cls.env["ixl.dashboard"].with_user(cls.coordinator).with_context(
            lang="en_US").get_dashboard(*PERIOD)
        cls.sections = {section["key"]: section for section in cls.data["sections"]}

    def values(self, key):
        return figures(self.sections[key])

    def cell(self, key, block_title, label, pos=0):
        block = next(b for b in self.sections[key]["blocks"] if b["title"] == block_title)
        return next(row["cells"][pos] for row in block["rows"] if row["label"] == label)

    # ------------------------------------------------------------------ people
    def test_registrations(self):
        values = self.values("registrations")["Registrations"]
        self.assertEqual(values["Registrations in the period"], [1062])
        self.assertEqual(values["Monthly average"], [88.5])
        # 2019 next to 2020, as the report compares them: 1,440 registrations, -26.3%
        cell = self.cell("registrations", "Registrations", "Registrations in the period")
        self.assertEqual((cell["previous"], cell["change"]), (1440, -26.3))
        self.assertEqual(column(self.sections["registrations"], "Registrations per month"),
                         REGISTRATIONS_BY_MONTH)

    def test_interviews(self):
        values = self.values("interviews")["First interviews held"]
        self.assertEqual(values["Interviewed"], [788, 100.0])
        self.assertEqual(values["In target"], [610, 77.4])
        self.assertEqual(values["Not in target"], [178, 22.6])

    def test_placements(self):
        values = self.values("placements")
        self.assertEqual(values["Placements"]["Placements in the period"], [354])
        self.assertEqual(values["Placements"]["Permanent contracts"], [31])
        self.assertEqual(values["People placed"]["People placed in the period"], [160])
        by_type = {label: cells[0] for label, cells in values["By type"].items()}
        self.assertEqual(by_type, {"Hire": 271, "Internship": 65, "Traineeship": 0,
                                   "Mini job": 12, "Self-employment": 6})
        self.assertEqual(sum(column(self.sections["placements"], "Placements per month")), 354)

    def test_board(self):
        values = self.values("board")
        board = values["Board of companies"]
        self.assertEqual(board["Companies contacted in the period"], [252])
        self.assertEqual(board["Companies contacted (all time)"], [252])
        self.assertEqual(board["Board members today"], [103])
        self.assertEqual(board["Board members at the end of the period"], [103])
        self.assertEqual(board["New members in the period"], [103])
        # the report's ranking counts all placements (hires, internships, mini jobs...)
        self.assertEqual(values["Top companies by placements"], {
            f"Impresa {rank:03d}": [count, str(rank)]
            for rank, count in enumerate(TOP_PLACEMENTS, 1)})
        Placement = self.env["ixl.placement"]
        counted = sorted((count for _employer, count in Placement._read_group(
            [("date_start", ">=", PERIOD[0]), ("date_start", "<=", PERIOD[1])],
            ["employer_id"], ["__count"])), reverse=True)
        self.assertEqual(counted[:10], TOP_PLACEMENTS)

    def test_internships(self):
        values = self.values("internships")["Internships"]
        self.assertEqual(values["Activated in the period"], [FIGURES["internships"]])
        self.assertEqual(values["Ended in the period"], [FIGURES["internships_ended"]])

    def test_training_and_the_oss_course(self):
        values = self.values("training")
        packages = values["Training packages delivered in the period (course started), by "
                          "category"]
        self.assertEqual(packages["Total"], [374, 100.0])
        # the OSS qualification is rolled up into the report's technical-specific courses
        self.assertEqual(packages["Technical-specific (with qualifications and cleaning)"][0],
                         52)
        indicators = values["Course indicators (editions ended in the period)"]
        # participants, placements, people employed, employment %, placement %
        self.assertEqual(indicators["OSS 2020"], [22, 41, 20, 90.9, 186.4])

    def test_projects(self):
        values = self.values("projects")
        se = values["Self-employment projects proposed in the period, by state"]
        self.assertEqual(se["Total"][0], FIGURES["selfemployment"])
        social = values["Social-innovation projects evaluated in the period, by state"]
        self.assertEqual(social["Total"][0], FIGURES["social_2020"])
        self.assertEqual(self.env["ixl.social.project"].search_count(
            [("evaluation_date", ">=", "2017-01-01"), ("evaluation_date", "<=", "2020-12-31")]),
            FIGURES["social_projects"])

    # ------------------------------------------------------------------ charts
    def expected_charts(self):
        """What the charts of the known blocks must draw, by block title."""
        return {
            "Registrations per month": REGISTRATIONS_BY_MONTH,
            "By type": [271, 65, 0, 12, 6],
            "Main figures over the last four years": [0, 0, 1440, 1062],
            "Top companies by placements": TOP_PLACEMENTS,
        }

    def test_every_chart_draws_its_block(self):
        """Each block with a chart hint: the chart draws its rows (totals left out) and
        shows their values; the blocks of expected_charts draw the dataset's figures."""
        expected = self.expected_charts()
        lang = self.env["res.lang"]._lang_get("en_US")

        def fmt(cell):
            return self.env["report.ixl_beneficiary.report_dashboard_year"]._format_cell(
                lang, cell)

        checked = set()
        for section in self.data["sections"]:
            for block in section["blocks"]:
                data = dashboard_svg.chart_data(block)
                if not data or not data["values"]:  # no hint, or no rows to draw
                    continue
                with self.subTest(section=section["key"], block=block["title"]):
                    rows = [row for row in block["rows"] if not row.get("total")]
                    self.assertEqual(data["labels"], [row["label"] for row in rows])
                    self.assertEqual(data["values"],
                                     [row["cells"][0]["value"] or 0 for row in rows])
                    if block["title"] in expected:
                        self.assertEqual(data["values"], expected[block["title"]])
                        checked.add(block["title"])
                    svg = dashboard_svg.chart_svg(block, fmt)
                    self.assertTrue(svg.startswith("<svg"))
                    for cell in data["cells"]:
                        self.assertIn(f">{fmt(cell)}<", svg)
        self.assertEqual(checked, set(expected))

    # ------------------------------------------------------------------ the PDF
    def test_printed_year_in_italian(self):
        wizard = self.env["ixl.dashboard.print"].with_user(self.coordinator).create(
            {"year": 2020})
        Report = self.env["ir.actions.report"].with_user(self.coordinator).with_context(
            force_report_rendering=True)
        # Debian's wkhtmltopdf (unpatched Qt) warns that it ignores headers and footers.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = Report._render_qweb_pdf(REPORT, wizard.ids)
        self.assertEqual(kind, "pdf")
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
        for expected in [
            "Insieme per il lavoro: l'anno in numeri 2020",
            "Iscrizioni nel periodo 1.062", "Media mensile 88,5",
            "Iscrizioni nel periodo 1.062 2019: 1.440",
            "Inserimenti nel periodo 354", "Contratti a tempo indeterminato 31",
            "Aziende contattate nel periodo 252", "Aziende del Board oggi 103",
            "OSS 2020 22 41 20 90,9 % 186,4 %",
        ]:
            self.assertIn(expected, text)
        self.save_for_the_manual(pdf)

    def save_for_the_manual(self, pdf):
        """make docs: the first pages as docs/manuale/img/stampa-anno-<n>.png."""
        out, pdftoppm = os.environ.get("IXL_DOCS_DIR"), shutil.which("pdftoppm")
        if not out or not pdftoppm:
            return
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp, "anno.pdf")
            source.write_bytes(pdf)
            subprocess.run([pdftoppm, "-png", "-r", "70", "-l", str(MANUAL_PAGES),
                            str(source), str(Path(tmp, "stampa-anno"))], check=True)
            for pos, image in enumerate(sorted(Path(tmp).glob("stampa-anno-*.png")), 1):
                with Image.open(image) as page:
                    page.quantize(PNG_COLOURS).save(Path(out, f"stampa-anno-{pos}.png"),
                                                    optimize=True)
