from datetime import datetime
from io import BytesIO

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..report.ixl_dashboard_xlsx import sheet_name
from .test_dashboard import PERIOD, DashboardCase


@tagged("post_install", "-at_install")
class TestDashboardXlsx(DashboardCase):

    def render(self, report, ids, user):
        content, kind = self.env["ir.actions.report"].with_user(user)._render_xlsx(
            report, ids, {})
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(BytesIO(content), read_only=True)

    def export(self, user, funds_only=False):
        wizard = self.env["ixl.dashboard.export"].with_user(user).create({
            "date_from": PERIOD[0], "date_to": PERIOD[1], "funds_only": funds_only})
        return self.render("ixl_beneficiary.action_report_dashboard_xlsx", wizard.ids, user)

    def titles(self, user, **kwargs):
        data = self.env["ixl.dashboard"].with_user(user).get_dashboard(*PERIOD, **kwargs)
        return [sheet_name(section["title"]) for section in data["sections"]]

    def test_operator_gets_a_sheet_per_section(self):
        book = self.export(self.operator)
        self.assertEqual(book.sheetnames, ["Period", *self.titles(self.operator)])
        rows = list(book["Registrations"].values)
        self.assertEqual(rows[0][0], "Registrations")
        self.assertIn("01/01/2024", rows[1][0])  # the period
        self.assertIn("12/31/2024", rows[1][0])  # en_US dates
        self.assertTrue(rows[2][0].startswith("Extracted on"))
        values = {row[0]: row[1:] for row in rows if row and row[0]}
        self.assertEqual(values["Registrations in the period"][0], 4)
        self.assertEqual(values["Monthly average"][0], 0.3)
        # issue 18: the previous period in a column of its own next to each figure
        header = next(row for row in rows if len(row) > 2 and row[1] == "Value")
        self.assertEqual(header[1:3], ("Value", "Value, previous period"))
        self.assertEqual(values["Registrations in the period"][:2], (4, 2))
        placements = {row[0]: row[1:] for row in book["Placements"].values if row and row[0]}
        self.assertEqual(placements["Hire"][:2], (3, 50.0))

    def test_finance_gets_the_funds_only(self):
        book = self.export(self.finance)
        self.assertEqual(book.sheetnames, ["Period", *self.titles(self.finance)])
        for name in ("Registrations", "First interviews", "Placements"):
            self.assertNotIn(name, book.sheetnames)
        coordinator = self.export(self.coordinator, funds_only=True)
        self.assertEqual(coordinator.sheetnames,
                         ["Period", *self.titles(self.coordinator, kinds=["funds"])])
        self.assertNotIn("Registrations", coordinator.sheetnames)

    def test_portal_gets_nothing(self):
        portal = new_test_user(self.env, login="dash_xlsx_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.env["ixl.dashboard.export"].with_user(portal).create({
                "date_from": PERIOD[0], "date_to": PERIOD[1]})
        with self.assertRaises(AccessError):
            self.env["ixl.dashboard"].with_user(portal).action_export_xlsx(*PERIOD)

    def test_list_exports_stream(self):
        people = self.env["ixl.beneficiary"].search([("id", ">", self.last_id_before)],
                                                    order="id")
        book = self.render("ixl_beneficiary.action_report_beneficiary_list_xlsx", people.ids,
                           self.operator)
        rows = list(book.worksheets[0].values)
        self.assertEqual(len(rows), len(people) + 1)
        self.assertEqual(rows[0][:2], ("IXL code", "Name"))
        first = people[0]
        self.assertEqual(rows[1][:4], (first.reference, first.name, first.fiscal_code,
                                       "Registered"))
        self.assertEqual(rows[1][11], first.municipality_id.name)
        # registered 2023-12-31 23:30 UTC: the sheet shows Bologna time
        self.assertEqual(rows[1][4], datetime(2024, 1, 1, 0, 30))
        placements = self.env["ixl.placement"].search([])
        book = self.render("ixl_beneficiary.action_report_placement_list_xlsx",
                           placements.ids, self.finance)
        self.assertEqual(len(list(book.worksheets[0].values)), len(placements) + 1)
        report = self.env["report.ixl_beneficiary.beneficiary_list_xlsx"]
        self.assertTrue(report.get_workbook_options()["constant_memory"])
