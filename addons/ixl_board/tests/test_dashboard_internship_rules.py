from datetime import date

from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    column,
    get_section,
)

from .common import InternshipCase

TITLE = "Indemnity due and paid, attendance per month"


@tagged("post_install", "-at_install")
class TestInternshipRulesDashboard(DashboardMixin, InternshipCase):
    """A traineeship of 2024 (15 January - 10 April, 600 EUR): February attended 65%,
    March 80% and paid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        internship = cls.env["ixl.internship"].create({
            "partner_id": cls.employer.id, "beneficiary_id": cls.person.id,
            "date_start": "2024-01-15", "date_end": "2024-04-10", "monthly_indemnity": 600})
        internship.action_start()
        lines = internship.month_ids
        lines[1]._record_attendance(100, 65)
        lines[2]._record_attendance(100, 80)
        lines[2]._record_payment(date(2024, 4, 5), 600)
        cls.internship = internship

    def test_figures_per_month(self):
        section = get_section(self.env(user=self.operator), "internship_rules")
        self.assertEqual(column(section, TITLE, 0)[:4], [329.03, 0.0, 600.0, 200.0])
        self.assertEqual(column(section, TITLE, 0)[-1], 1129.03)  # total
        self.assertEqual(column(section, TITLE, 1)[-1], 600.0)
        self.assertEqual(column(section, TITLE, 2)[:4] + column(section, TITLE, 2)[-1:],
                         [0, 1, 1, 0, 2])
        self.assertEqual(column(section, TITLE, 3)[:4] + column(section, TITLE, 3)[-1:],
                         [0, 1, 0, 0, 1])
        check_drilldowns(self, section)

    def test_query_count_does_not_grow_with_the_period(self):
        Dashboard = self.env["ixl.dashboard"]

        def rules(date_from):
            return lambda: Dashboard._dashboard_internship_rules(
                dt.Period(date_from, date(2024, 12, 31)))

        self.assertSameQueries(rules(date(2024, 1, 1)), rules(date(2015, 1, 1)))
