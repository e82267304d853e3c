from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestCaps(CallsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.senior, cls.app, cls.hire = cls.make_approved_hire("2025-07-01")

    def test_unit_cap_pro_rata(self):
        call = self.hiring
        self.assertEqual(call._unit_cap(2025, date(2025, 7, 1)), 5041.10)  # 184/365
        self.assertEqual(call._unit_cap(2026, date(2025, 7, 1)), 10000)
        self.assertEqual(call._unit_cap(2024, date(2025, 7, 1)), 0)
        self.assertEqual(call._unit_cap(2024, date(2024, 1, 1)), 10000)
        self.assertEqual(call._unit_cap(2024, date(2024, 12, 31)), 27.32)  # 1/366
        self.assertEqual(call._unit_cap(2025, date(2025, 1, 1)), 10000)
        self.assertEqual(call._unit_cap(2025, date(2025, 1, 1), date(2025, 3, 31)), 2465.75)
        self.assertEqual(call._unit_cap(2026, date(2025, 1, 1), date(2025, 12, 31)), 0)
        self.assertEqual(self.apl._unit_cap(2025), 40000)

    @freeze_time("2025-12-31 12:00:00")
    def test_first_year_pro_rata(self):
        with self.assertRefused("above the cap"):
            self.grant(self.app, 5041.11, 2025, self.hire)
        grant = self.grant(self.app, 5041.10, 2025, self.hire)
        self.assertEqual(grant.cap, 5041.10)
        with self.assertRefused("above the cap"):
            self.grant(self.app, 0.01, 2025, self.hire)
        with self.assertRefused("above the cap"):
            self.grant(self.app, 1, 2024, self.hire)
        # 2026 has not begun: no grant for it yet
        with self.assertRefused("current one"):
            self.grant(self.app, 1000, 2026, self.hire)

    @freeze_time("2026-01-01 08:00:00")
    def test_full_year_after_boundary(self):
        self.grant(self.app, 5041.10, 2025, self.hire)
        self.grant(self.app, 10000, 2026, self.hire)
        with self.assertRefused("above the cap"):
            self.grant(self.app, 0.01, 2026, self.hire)

    @freeze_time("2025-12-31 12:00:00")
    def test_write_above_cap_refused(self):
        """Changed (issue 14): a grant's amount is never written directly, only reduced
        (a raise is a new grant, checked against the cap)."""
        grant = self.grant(self.app, 4000, 2025, self.hire)
        with self.assertRaises(AccessError):
            grant.with_user(self.coordinator).amount = 6000
        with self.assertRefused("above the cap"):
            self.grant(self.app, 2000, 2025, self.hire)
        with self.assertRefused("not negative", UserError):
            grant.action_reduce(-5, "Typo")

    def test_negative_and_zero_refused(self):
        for amount in (-1, 0):
            with self.subTest(amount=amount), self.assertRaises(ValidationError):
                self.grant(self.app, amount, 2025, self.hire)

    def test_hiring_grant_needs_hire(self):
        with self.assertRefused("one hire"):
            self.grant(self.app, 100, 2025)
        other = self.make_apl_application()
        with self.assertRefused("one hire"):
            self.grant(other, 100, 2025, self.hire)

    @freeze_time("2026-06-01 12:00:00")
    def test_apl_per_project_per_year(self):
        app = self.make_apl_application()
        self.grant(app, 40000, 2025)
        with self.assertRefused("above the cap"):
            self.grant(app, 1, 2025)
        self.grant(app, 40000, 2026)

    def test_per_project_cap(self):
        social = self.make_call("Test social innovation", "social", 40000, "project",
                                {self.fund: 100000})
        app = self.make_apl_application(call=social)
        self.grant(app, 30000, 2025)
        with self.assertRefused("above the cap"):
            self.grant(app, 10000.01, 2026)
        self.grant(app, 10000, 2026)

    def test_not_approved_refused(self):
        app = self.make_apl_application(approve=False)
        with self.assertRefused("approved"):
            self.grant(app, 100, 2025)

    def test_caps_follow_the_kind(self):
        """Issue 19: the usual cap of the kind was set by an onchange, so a call created
        without a cap (import, RPC) got the hiring incentive's and was refused."""
        call = self.env["ixl.call"].with_user(self.coordinator).create(
            {"name": "APL 2027", "kind": "apl"})
        self.assertEqual((call.cap_amount, call.cap_basis), (40000.0, "project_year"))
        call.write({"kind": "social"})
        self.assertEqual((call.cap_amount, call.cap_basis), (40000.0, "project"))
        call.write({"cap_amount": 35000.0})
        self.assertEqual(call.cap_amount, 35000.0, "staff's own cap is kept")

