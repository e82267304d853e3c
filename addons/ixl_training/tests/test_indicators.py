from freezegun import freeze_time

from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestIndicators(TrainingCase):
    def test_oss_2020_example(self):
        """22 participants, 41 placements, 20 people employed: 186.4% and 90.9%."""
        edition = self.make_edition("OSS 2020")
        people = self.enrol(edition, 22)
        for index, person in enumerate(people[:20]):
            first = self.place(person, "2025-02-01")
            second = self.place(person, "2025-05-01", previous=first,
                                contract="permanent" if index < 5 else "fixed_term")
            if index == 0:
                self.place(person, "2025-08-01", previous=second)
        self.assertRecordValues(edition, [{
            "participant_count": 22, "placement_count": 41, "employed_count": 20,
            "placement_rate": 186.4, "employment_rate": 90.9, "permanent_count": 5,
            "permanent_rate": 25.0}])

    def test_qualified_subpopulation(self):
        edition = self.make_edition()
        qualified = self.enrol(edition, 4, outcome="qualified")
        others = self.enrol(edition, 4, outcome="dropped")
        self.place(qualified[0], "2025-04-01", contract="permanent")
        self.place(qualified[1], "2025-04-01")
        self.place(others[0], "2025-04-01")
        self.assertRecordValues(edition, [{
            "qualified_count": 4, "employment_rate": 37.5, "qualified_employment_rate": 50.0,
            "qualified_placement_rate": 50.0, "qualified_permanent_rate": 50.0,
            "permanent_rate": 33.3}])

    def test_window_boundaries(self):
        """From the first day of the edition to end + window months, both included."""
        edition = self.make_edition()  # 2025-01-01 - 2025-03-31, window 6 months
        self.assertEqual(str(edition.window_end), "2025-09-30")
        before, first_day, last_day, after = self.enrol(edition, 4)
        with freeze_time("2026-01-15"):
            self.place(before, "2024-12-31")
            self.place(first_day, "2025-01-01")
            self.place(last_day, "2025-09-30")
            self.place(after, "2025-10-01")
            self.assertEqual(edition.placement_count, 2)
            self.assertEqual(edition.employment_rate, 50.0)
        # A longer window takes the later placement in.
        edition.window_months = 7
        self.assertEqual(edition.placement_count, 3)

    def test_no_participants(self):
        edition = self.make_edition()
        self.assertEqual((edition.participant_count, edition.placement_rate,
                          edition.permanent_rate), (0, 0.0, 0.0))

    def test_query_count_independent_of_editions(self):
        small = self.env["ixl.course.edition"]
        for index in range(200):
            small |= self.make_edition(f"Edition {index}")
        people = self.enrol(small[0], 3)
        self.place(people[0], "2025-02-01")
        Edition = self.env["ixl.course.edition"]
        ten = Edition.browse(small[:10].ids)
        two_hundred = Edition.browse(small.ids)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            ten.mapped("placement_rate")
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            rates = two_hundred.mapped("employment_rate")
        self.assertEqual(len(rates), 200)
        self.assertEqual(two_hundred.browse(small[0].id).employment_rate, 33.3)

    def test_edition_xlsx_export(self):
        import io

        from openpyxl import load_workbook

        edition = self.make_edition("XLSX 2025")
        for person in self.enrol(edition, 4):
            self.place(person, "2025-02-01")
        content, fmt = self.env["ir.actions.report"].with_user(self.finance)._render(
            "ixl_training.action_report_edition_xlsx", edition.ids)
        self.assertEqual(fmt, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
        self.assertIn("XLSX 2025", " ".join(str(v) for v in values))
        self.assertTrue(any(v in (100, 100.0, "100.0%", 1.0) for v in values), values)
