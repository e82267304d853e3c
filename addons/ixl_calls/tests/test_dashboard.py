from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestCallsDashboard(DashboardMixin, CallsCase):
    """Calls section of 2024 (both calls of CallsCase open on 1 January 2024)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_senior()
        hiring_app = cls.make_hiring_application([(cls.person, "2024-02-01")])
        apl_app = cls.make_apl_application()
        Grant, Payment = cls.env["ixl.call.grant"], cls.env["ixl.call.payment"]
        hire_grant = Grant.create({"application_id": hiring_app.id, "amount": 6000,
                                   "year": 2024, "date": "2024-03-01",
                                   "hire_id": hiring_app.hire_ids.id})
        apl_grant = Grant.create({"application_id": apl_app.id, "amount": 30000,
                                  "year": 2024, "date": "2024-12-31"})
        Grant.create({"application_id": apl_app.id, "amount": 5000, "year": 2025,
                      "date": "2025-01-01"})  # the day after
        cls.payments = Payment
        for grant, day, amount in [(hire_grant, "2024-04-01", 2000),
                                   (hire_grant, "2025-01-01", 1000),
                                   (apl_grant, "2024-12-31", 10000)]:
            cls.payments |= Payment.create({"grant_id": grant.id, "date": day,
                                            "amount": amount})
        cls.env["ixl.call"].create({"name": "Draft call", "cap_amount": 1000,
                                    "date_open": "2024-01-01"})  # a draft: not shown

    def test_calls(self):
        section = get_section(self.env(user=self.finance), "calls")
        self.assertEqual(figures(section)["Calls open in the period"], {
            "Test hiring incentive": [50000.0, 6000.0, 2000.0, 44000.0],
            "Test APL projects": [100000.0, 30000.0, 10000.0, 70000.0],
            "Total": [150000.0, 36000.0, 12000.0, 114000.0],
        })
        check_drilldowns(self, section)

    def test_operators_do_not_see_the_funds(self):
        self.assertIsNone(get_section(self.env(user=self.operator), "calls"))
        self.assertIsNotNone(get_section(self.env(user=self.coordinator), "calls"))

    def test_later_changes_keep_past_figures(self):
        """Archiving the applicants and the hired person, closing a call, reversing a
        2024 payment in 2025: the figures of 2024 stay; the reversal counts in 2025."""
        finance = self.env(user=self.finance)
        before = figures(get_section(finance, "calls"))
        paid_2025 = figures(get_section(finance, "calls", "2025-01-01", "2025-12-31"))
        (self.applicant | self.agency).action_archive()
        self.person.action_archive()
        self.payments[-1].with_user(self.finance).action_reverse()
        self.apl.action_close()
        self.assertEqual(figures(get_section(finance, "calls")), before)
        after = figures(get_section(finance, "calls", "2025-01-01", "2025-12-31"))
        block = "Calls open in the period"
        self.assertEqual(after[block]["Test APL projects"][2],
                         paid_2025[block]["Test APL projects"][2] - 10000)
        check_drilldowns(self, get_section(finance, "calls"))
