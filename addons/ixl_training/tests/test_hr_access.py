from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase

from .common import new_ips_operator


@tagged("post_install", "-at_install")
class TestOdooAccessDesign(IxlCase):
    """Issue 14: hr's own TestSelfAccessProfile.test_employee_fields_groups
    (hr/tests/test_self_user_access.py) failed with ixl_training installed: an internal
    user reads employees through the public profile, and ``is_ips_operator`` was a field
    of hr.employee only, without groups. The same check, with an IPS operator among the
    employees, and who still sees the flag."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.worker = cls.env["hr.employee"].create({"name": "Irene IPS", "is_ips_operator": True})
        cls.ips_user = new_ips_operator(cls.env, "ixl_ips_hr")

    def test_employee_fields_groups(self):
        # Exactly hr's test: any internal user reads all the employees' fields it may.
        internal_user = new_test_user(self.env, login="mireille", groups="base.group_user",
                                      name="Mireille", email="mireille@example.com")
        self.env["hr.employee"].with_user(internal_user).search([]).read([])

    def test_ixl_staff_read_employees(self):
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login):
                employees = self.env["hr.employee"].with_user(user).search([])
                self.assertIn(self.worker, employees)
                employees.read([])
                self.assertEqual(employees.browse(self.worker.id).read(["name"])[0]["name"],
                                 "Irene IPS")
                with self.assertRaises(AccessError):
                    employees.read(["is_ips_operator"])
        for user in (self.ips_user, self.coordinator):
            with self.subTest(user=user.login):
                self.assertTrue(self.worker.with_user(user).is_ips_operator)
                operators = self.env["hr.employee"].with_user(user).search(
                    [("is_ips_operator", "=", True)])
                self.assertIn(self.worker, operators)

    def test_partner_links_to_training_only_for_staff(self):
        """The same design on res.partner: the links to agreements and editions are not
        read for internal users outside IXL nor for portal users (their own partner)."""
        provider = self.env["res.partner"].create(
            {"name": "Ente", "is_company": True, "is_training_provider": True})
        agreement = self.env["ixl.training.agreement"].create(
            {"name": "Agreement", "provider_id": provider.id})
        internal = new_test_user(self.env, login="ixl_internal_hr", groups="base.group_user")
        portal = new_test_user(self.env, login="ixl_portal_hr", groups="base.group_portal")
        for user, partner in ((internal, provider), (portal, portal.partner_id)):
            with self.subTest(user=user.login):
                fields = partner.with_user(user).fields_get()
                self.assertFalse({"training_agreement_ids", "training_agreement_id",
                                  "course_edition_ids"} & set(fields))
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login):
                self.assertEqual(provider.with_user(user).training_agreement_id, agreement)
