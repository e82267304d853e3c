from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)


@tagged("post_install", "-at_install")
class TestFollowupDashboard(DashboardMixin, IxlCase):
    """Follow-up survey section of 2024: the answers recorded on the people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = cls.env["ixl.beneficiary"]
        for day, working, contract, offers in [
            ("2024-01-01", "yes", "permanent", "0"),
            ("2024-12-31", "yes", "fixed_term", "1"),
            ("2024-03-01", "yes", "permanent", "3+"),
            ("2024-04-01", "no", False, "2"),
            ("2024-05-01", False, False, False),  # answered nothing structured
            ("2023-12-31", "yes", "on_call", "1"),  # the day before
            ("2025-01-01", "no", False, "0"),  # the day after
        ]:
            person = cls.make_beneficiary("out_of_protocol")
            person.write({"followup_date": day, "followup_working": working,
                          "followup_contract_type": contract, "followup_offers": offers})
            cls.people |= person

    def test_followup(self):
        section = get_section(self.env(user=self.operator), "followup")
        values = figures(section)
        self.assertEqual(values["Follow-up survey answers"], {
            "Answers received in the period": [5, 100.0], "Yes": [3, 60.0],
            "No": [1, 20.0], "No answer": [1, 20.0]})
        self.assertEqual(values["Working: contract"], {
            "Fixed-term": [1, 33.3], "Permanent": [2, 66.7], "On call": [0, 0.0],
            "Own account": [0, 0.0], "Other": [0, 0.0], "No answer": [0, 0.0]})
        self.assertEqual(values["Job offers received"], {
            "0": [1, 20.0], "1": [1, 20.0], "2": [1, 20.0], "3 or more": [1, 20.0],
            "No answer": [1, 20.0]})
        check_drilldowns(self, section)
        self.assertIsNone(get_section(self.env(user=self.finance), "followup"))

    def test_archived_people_still_counted(self):
        """Issue 14: archiving people who answered does not change the past figures."""
        before = figures(get_section(self.env(user=self.operator), "followup"))
        self.people[:3].action_archive()
        section = get_section(self.env(user=self.operator), "followup")
        self.assertEqual(figures(section), before)
        check_drilldowns(self, section)
