"""Print the year: the programme in numbers of a year as a PDF, in Italian, with the
sections each user may see; its charts drawn as SVG on the server.

The HTML of the report is checked here (tests render reports as HTML unless forced);
tests/test_report_2020.py renders the real PDF with wkhtmltopdf."""
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models import dashboard_tools as dt
from ..report import dashboard_svg
from .test_dashboard import DashboardCase

REPORT = "ixl_beneficiary.action_report_dashboard_year"


@tagged("post_install", "-at_install")
class TestPrintYear(DashboardCase):

    def render(self, user, year=2024):
        wizard = self.env["ixl.dashboard.print"].with_user(user).create({"year": year})
        html, kind = self.env["ir.actions.report"].with_user(user)._render_qweb_html(
            REPORT, wizard.ids)
        self.assertEqual(kind, "html")
        return html.decode()

    @staticmethod
    def printed_sections(html):
        return set(re.findall(r"o_ixl_print_section o_ixl_print_(\w+)", html))

    def test_operator_prints_the_year_in_italian_whatever_their_language(self):
        self.assertEqual(self.operator.lang, "en_US")
        html = self.render(self.operator)
        self.assertIn("Insieme per il lavoro: l'anno in numeri", html)
        self.assertIn("Iscrizioni nel periodo", html)
        self.assertIn("Periodo: 01/01/2024 - 31/12/2024", html)
        self.assertNotIn("Registrations in the period", html)
        # 4 registrations in 2024: the headline and the table, Italian formatting.
        self.assertIn("Media mensile", html)
        # the monthly average, with the previous year's under it
        self.assertRegex(html, r">\s*0,3\s*<div class=\"o_ixl_prev\">2023: 0,2<")
        expected = {s["key"] for s in self.dashboard(self.operator)["sections"]}
        self.assertEqual(self.printed_sections(html), expected)

    def test_finance_prints_only_the_funds(self):
        html = self.render(self.finance)
        self.assertNotIn("Iscrizioni nel periodo", html)
        expected = {s["key"] for s in self.dashboard(self.finance)["sections"]}
        self.assertEqual(self.printed_sections(html), expected)
        self.assertFalse(expected & {"registrations", "interviews", "placements"})

    def test_other_users_cannot_print(self):
        wizard = self.env["ixl.dashboard.print"].create({"year": 2024})
        for groups in ("base.group_user", "base.group_portal"):
            user = new_test_user(self.env, login=f"ixl_print_{groups}", groups=groups)
            with self.subTest(groups=groups):
                with self.assertRaises(AccessError):
                    self.env["ixl.dashboard.print"].with_user(user).create({"year": 2024})
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        REPORT, wizard.ids)
                with self.assertRaises(AccessError):
                    self.env["ixl.dashboard"].with_user(user).action_print_year(2024)

    def test_dashboard_button_and_wizard_give_the_report(self):
        action = self.env["ixl.dashboard"].with_user(self.operator).action_print_year(2024)
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "ixl_beneficiary.report_dashboard_year")
        wizard = self.env["ixl.dashboard.print"].browse(action["context"]["active_ids"])
        self.assertEqual(wizard.year, 2024)
        form = Form(self.env["ixl.dashboard.print"].with_user(self.operator))
        form.year = 2020
        wizard = form.save()
        self.assertEqual((str(wizard.date_from), str(wizard.date_to)),
                         ("2020-01-01", "2020-12-31"))
        self.assertEqual(wizard.action_print()["report_name"],
                         "ixl_beneficiary.report_dashboard_year")

    def test_impossible_year_is_refused(self):
        Print = self.env["ixl.dashboard.print"].with_user(self.operator)
        for year in (0, 1800, 3000):
            with self.subTest(year=year), self.assertRaisesRegex(UserError, "between 1990"):
                Print.create({"year": year})
        self.assertFalse(Print.search([("year", "in", (0, 1800, 3000))]))
        with self.assertRaisesRegex(UserError, "between 1990"):
            self.env["ixl.dashboard"].with_user(self.operator).action_print_year("abc")


@tagged("post_install", "-at_install")
class TestChartsSvg(DashboardCase):
    """Each hint drawn from the first column of the rows not marked total."""

    def fmt(self, cell):
        lang = self.env["res.lang"]._lang_get("it_IT")
        return self.env["report.ixl_beneficiary.report_dashboard_year"]._format_cell(lang, cell)

    def block(self, chart, counts, total=True):
        rows = [dt.row(label, dt.count_cell(count), dt.pct_cell(dt.percent(count, 1062)))
                for label, count in counts]
        if total:
            rows.append(dt.row("Totale", dt.count_cell(sum(c for _l, c in counts)), total=True))
        return dt.block("Blocco", ["N", "%"], rows, chart=chart)

    def test_bars_leave_the_total_row_out(self):
        block = self.block("bar", [("gennaio", 1062), ("febbraio", 0), ("marzo", 40)])
        data = dashboard_svg.chart_data(block)
        self.assertEqual(data["labels"], ["gennaio", "febbraio", "marzo"])
        self.assertEqual(data["values"], [1062, 0, 40])
        svg = dashboard_svg.chart_svg(block, self.fmt)
        self.assertEqual(svg.count("<rect"), 3)
        self.assertIn(">1.062<", svg)
        self.assertNotIn("Totale", svg)

    def test_doughnut_draws_a_slice_per_value(self):
        block = self.block("doughnut", [("Maschio", 3), ("Femmina", 1), ("Altro", 0)])
        svg = dashboard_svg.chart_svg(block, self.fmt)
        self.assertEqual(svg.count("<path"), 2)  # no slice for 0
        self.assertEqual(svg.count("<rect"), 3)  # the legend lists all three
        whole = dashboard_svg.chart_svg(self.block("doughnut", [("Tutti", 5)]), self.fmt)
        self.assertEqual(whole.count("<circle"), 3)  # background, the full ring, the hole

    def test_hbar_ranking_and_trend_line(self):
        ranking = dashboard_svg.chart_svg(
            self.block("hbar", [("Impresa & figli", 30), ("Beta", 24)], total=False),
            self.fmt)
        self.assertEqual(ranking.count("<rect"), 2)
        self.assertIn("Impresa &amp; figli", ranking)
        trend = dt.block("Andamento", ["Inserimenti", "%"], [
            dt.row(str(year), dt.count_cell(count), dt.pct_cell(pct))
            for year, count, pct in [(2017, 300, 5.0), (2018, 320, None), (2019, 340, 8.8)]],
            chart="trend")
        self.assertEqual(dashboard_svg.chart_data(trend)["line"], [5.0, None, 8.8])
        svg = dashboard_svg.chart_svg(trend, self.fmt)
        self.assertEqual(svg.count("<rect"), 3)
        self.assertEqual(svg.count("<circle"), 2)
        self.assertIn("<polyline", svg)
        self.assertIn(">8,8 %<", svg)

    def test_ranking_draws_the_placements_not_the_rank(self):
        # The Board's ranking (ixl_board): "Placements" then "Rank" (a text).
        block = dt.block("Classifica", ["Inserimenti", "Posizione"], [
            dt.row(name, dt.count_cell(placements), dt.text_cell(rank))
            for name, rank, placements in [("Alfa", "1", 30), ("Beta", "2", 24)]],
            chart="hbar")
        self.assertEqual(dashboard_svg.chart_data(block)["values"], [30, 24])
        self.assertIn(">30<", dashboard_svg.chart_svg(block, self.fmt))

    def test_no_hint_no_chart(self):
        self.assertEqual(dashboard_svg.chart_svg(self.block(None, [("a", 1)]), self.fmt), "")
        self.assertIsNone(dashboard_svg.chart_data(self.block(None, [("a", 1)])))
        self.assertEqual(dashboard_svg.chart_svg(self.block("bar", [], total=False),
                                                 self.fmt), "")


@tagged("post_install", "-at_install")
class TestPrintYearHttp(HttpCase):
    """The download the button triggers: /report/pdf/<report>/<wizard id>."""

    def test_download_for_staff_only(self):
        operator = new_test_user(self.env, login="ixl_print_http_op",
                                 groups="ixl_beneficiary.group_ixl_operator")
        portal = new_test_user(self.env, login="ixl_print_http_portal",
                               groups="base.group_portal")
        wizard = self.env["ixl.dashboard.print"].with_user(operator).create({"year": 2020})
        url = f"/report/pdf/ixl_beneficiary.report_dashboard_year/{wizard.id}"
        self.authenticate(operator.login, operator.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        # Tests render reports as HTML (no wkhtmltopdf): the page is in Italian.
        self.assertIn("Iscrizioni nel periodo", response.text)
        self.authenticate(portal.login, portal.login)
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
