"""Regression tests of the defects make fuzz found in the application form of the calls
portal: a NUL character made PostgreSQL fail (HTTP 500), 1 MB titles were saved."""

from odoo import http
from odoo.tests import HttpCase, tagged

from .test_portal import make_applicant_user, make_calls


@tagged("post_install", "-at_install")
class TestCallsPortalMalformed(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.org, cls.user = make_applicant_user(
            cls.env, "Cooperativa Fuzz", "Franca Fuzz", "ixl_applicant_fuzz")
        cls.apl = make_calls(cls.env).filtered(lambda c: c.name == "Portal APL projects")

    def setUp(self):
        super().setUp()
        self.authenticate(self.user.login, self.user.login)

    def _apply(self, files=None, **changes):
        form = {"project_title": "Kitchen\x00 lab", "project_description": "Cooking\x00",
                "project_budget": "1000", "amount_requested": "500",
                "date_start": "2030-01-01", "date_end": "2030-12-31",
                "csrf_token": http.Request.csrf_token(self), **changes}
        return self.url_open(f"/my/ixl/calls/{self.apl.id}/apply", data=form, files=files,
                             allow_redirects=False)

    def _applications(self):
        return self.env["ixl.call.application"].search([("partner_id", "=", self.org.id)])

    def test_nul_characters_dropped(self):
        files = {"attachments": ("../../etc/pass\x00wd", b"%PDF-1.4 x", "application/pdf")}
        self.assertEqual(self._apply(files=files).status_code, 303)
        application = self._applications()
        self.assertEqual(application.project_title, "Kitchen lab")
        self.assertNotIn("\x00", application.sudo().attachment_ids.name)

    def test_too_long_texts_refused(self):
        for changes in ({"project_title": "x" * 201},
                        {"project_description": "x" * 10001}):
            response = self._apply(**changes)
            self.assertEqual(response.status_code, 400, changes.keys())
            self.assertIn("is too long", response.text)
        self.assertFalse(self._applications())
