from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PrivacyCase

SPEC = {"interview_notes": {}, "fragility_notes": {}}


@tagged("post_install", "-at_install")
class TestSensitiveData(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_person()
        cls.Log = cls.env["ixl.sensitive.access.log"]

    def _logs(self):
        return self.Log.search([("beneficiary_id", "=", self.person.id)])

    def test_opening_the_notes_is_logged(self):
        main_form = self.person.with_user(self.operator).get_views([(False, "form")])
        arch = main_form["views"]["form"]["arch"]
        self.assertNotIn('name="fragility_notes"', arch, "the main form does not load them")
        self.assertIn("action_show_sensitive_notes", arch)
        self.assertFalse(self._logs())
        self.person.with_user(self.operator).web_read({"name": {}, "state": {}})
        self.assertFalse(self._logs(), "reading the rest of the form is not logged")
        action = self.person.with_user(self.operator).action_show_sensitive_notes()
        values = self.person.with_user(self.operator).web_read(SPEC)[0]
        self.assertIn("Health condition X", values["fragility_notes"])
        log = self._logs()
        self.assertEqual((log.user_id, log.reference), (self.operator, self.person.reference))
        self.assertIn("Health and fragility notes", log.what)
        view = self.env["ir.ui.view"].browse(action["views"][0][0])
        self.assertIn('name="fragility_notes"', view.arch)

    def test_finance_reads_no_sensitive_notes(self):
        with self.assertRaises(AccessError):
            self.person.with_user(self.finance).web_read(SPEC)
        with self.assertRaises(AccessError):
            self.person.with_user(self.finance).read(["fragility_notes"])
        self.assertFalse(self._logs())

    def test_log_is_read_only(self):
        self.person.with_user(self.operator).web_read(SPEC)
        log = self._logs()
        admin = new_test_user(self.env, login="ixl_priv_admin",
                              groups="ixl_beneficiary.group_ixl_admin")
        for user in (self.coordinator, admin):
            with self.subTest(user=user.login):
                self.assertTrue(log.with_user(user).has_access("read"))
                for operation in ("write", "unlink"):
                    self.assertFalse(log.with_user(user).has_access(operation))
                self.assertFalse(self.Log.with_user(user).has_access("create"))
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login):
                self.assertFalse(log.with_user(user).has_access("read"))

    def test_opening_ips_notes_is_logged(self):
        """IPS notes (health data, ixl_training) are logged too when that addon is here."""
        if "ixl.ips.path" not in self.env:
            self.skipTest("ixl_training is not installed")
        employee = self.env["hr.employee"].create({"name": "Ivo IPS", "is_ips_operator": True})
        path = self.env["ixl.ips.path"].create({
            "beneficiary_id": self.person.id, "employee_id": employee.id,
            "notes": "<p>Therapy on Tuesdays</p>"})
        path.with_user(self.coordinator).web_read({"date_start": {}})
        self.assertFalse(self._logs())
        values = path.with_user(self.coordinator).web_read({"notes": {}})[0]
        self.assertIn("Therapy", values["notes"])
        self.assertEqual(self._logs().user_id, self.coordinator)
        self.assertIn("IPS notes", self._logs().what)
