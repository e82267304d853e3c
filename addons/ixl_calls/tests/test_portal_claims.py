"""Issue 14: the hire form of the applicant portal, its attachments, and the portal base
class. Pages fetched and forms posted as the applicants do."""

import re
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.ixl_beneficiary.controllers.portal_tools import IxlPortal
from odoo.addons.ixl_beneficiary.tests.common import make_fiscal_code
from odoo.addons.portal.controllers.portal import CustomerPortal

from .test_portal import CallsPortalCase

HIRES_TABLE = re.compile(r'<table[^>]*id="ixl_application_hires".*?</table>', re.S)
TOKEN_LINK = re.compile(r'href="(/web/content/(\d+)\?access_token=[^"&]+)&amp;download=true"')


@tagged("post_install", "-at_install")
class TestHireClaims(CallsPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a well-formed fiscal code of nobody in the programme
        cls.nobody = make_fiscal_code("NESSUNO", "ERNESTO", "1960-02-02", town="B111")
        cls.staff = new_test_user(cls.env, login="ixl_calls_staff",
                                  groups="ixl_beneficiary.group_ixl_operator")

    def _claim(self, code, day="2025-09-01"):
        """Submit a hire claim as the logged-in applicant: (response, application)."""
        Hire = self.env["ixl.call.hire"]
        before = Hire.search([])
        response = self._post(f"/my/ixl/calls/{self.hiring.id}/apply", {
            "hire_fiscal_code_0": code, "hire_date_0": day, "hire_contract_0": "permanent",
            "hire_job_0": "Porter"}, allow_redirects=False)
        return response, (Hire.search([]) - before).application_id

    def _page_shape(self, app, code):
        """The hires of the application page, the claimed code and dates masked."""
        table = HIRES_TABLE.search(self._get(f"/my/ixl/applications/{app.id}").text)[0]
        return table.replace(code, "<code>")

    def _placements(self, person):
        return self.env["ixl.placement"].search([("beneficiary_id", "=", person.id)])

    def test_same_answer_whoever_the_code_is(self):
        """Admitted and 55+, admitted and under 55, not admitted, unknown: one answer,
        the same page, the same queries; nothing is written on anybody."""
        self._login_a()
        people = {"55+": self.free.fiscal_code, "under 55": self.young.fiscal_code,
                  "not admitted": self.waiting.fiscal_code, "unknown": self.nobody}
        self._claim(make_fiscal_code("RISCALDA", "MENTO", "1961-01-01", town="B112"))
        shapes, queries = set(), set()
        for label, code in people.items():
            with self.subTest(label):
                count = self.env.cr.sql_log_count
                response, app = self._claim(code)
                queries.add(self.env.cr.sql_log_count - count)
                self.assertEqual(response.status_code, 303)
                self.assertEqual((app.hire_ids.state, app.hire_ids.beneficiary_id.id),
                                 ("claimed", False))
                shapes.add(self._page_shape(app, code))
        self.assertEqual(len(shapes), 1, shapes)
        self.assertIn("To be verified", shapes.pop())
        self.assertEqual(len(queries), 1, queries)
        for person in (self.free, self.young, self.waiting):
            self.assertFalse(self._placements(person))

    def test_claim_verified_by_staff_before_anything_on_the_person(self):
        self._login_a()
        _response, app = self._claim(self.free.fiscal_code)
        hire = app.hire_ids
        self.assertFalse(self._placements(self.free))
        self.assertFalse(hire.beneficiary_id)
        hire.with_user(self.staff).action_verify()
        self.assertEqual((hire.state, hire.beneficiary_id, hire.verified_by_id),
                         ("verified", self.free, self.staff))
        self.assertEqual(self._placements(self.free), hire.placement_id)
        self.assertIn("Franco L.", self._page_shape(app, self.free.fiscal_code))

    def test_second_organisation_flagged_to_staff(self):
        """A and B claim the same person on the same day: B gets the same answer and
        its claim is flagged; only one active claim can be verified."""
        self._login_a()
        response_a, app_a = self._claim(self.free.fiscal_code)
        shape_a = self._page_shape(app_a, self.free.fiscal_code)
        self.authenticate(self.user_b.login, self.user_b.login)
        response_b, app_b = self._claim(self.free.fiscal_code)
        self.assertEqual((response_a.status_code, response_b.status_code), (303, 303))
        self.assertEqual(self._page_shape(app_b, self.free.fiscal_code), shape_a)
        self.assertEqual((app_a.hire_ids.state, app_b.hire_ids.state), ("claimed", "conflict"))
        self.assertEqual(self.env["ixl.call.hire"].search_count([
            ("fiscal_code", "=", self.free.fiscal_code), ("claim_active", "=", True)]), 1)
        with self.assertRaisesRegex(UserError, app_a.name):
            app_b.hire_ids.with_user(self.staff).action_verify()
        app_a.hire_ids.with_user(self.staff).action_verify()
        self.assertEqual(self._placements(self.free).employer_id, self.org_a)

    def test_withdrawn_claims_leave_nothing_on_the_person(self):
        self._login_a()
        _response, app_a = self._claim(self.free.fiscal_code)
        self.authenticate(self.user_b.login, self.user_b.login)
        _response, app_b = self._claim(self.free.fiscal_code)
        for user, app in ((self.user_b, app_b), (self.user_a, app_a)):
            self.authenticate(user.login, user.login)
            response = self._post(f"/my/ixl/applications/{app.id}/withdraw", {},
                                  allow_redirects=False)
            self.assertEqual(response.status_code, 303)
        self.assertEqual((app_a.hire_ids | app_b.hire_ids).mapped("state"),
                         ["withdrawn", "withdrawn"])
        self.assertFalse(self._placements(self.free))


@tagged("post_install", "-at_install")
class TestApplicationAttachments(CallsPortalCase):
    def _apply_with_file(self):
        self._login_a()
        response = self._post(f"/my/ixl/calls/{self.apl.id}/apply", {
            "project_title": "Alfa plan", "project_description": "Coaching",
            "project_budget": "1000", "amount_requested": "500",
            "date_start": "2030-01-01", "date_end": "2030-12-31"},
            files={"attachments": ("plan.pdf", b"%PDF-1.4 plan", "application/pdf")},
            allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        return self._get(response.headers["Location"]).text

    def test_applicant_downloads_own_attachment_only(self):
        link, attachment_id = TOKEN_LINK.search(self._apply_with_file()).groups()
        response = self._get(link.replace("&amp;", "&"))
        self.assertEqual(response.content, b"%PDF-1.4 plan")
        self.authenticate(self.user_b.login, self.user_b.login)
        for url in (f"/web/content/{attachment_id}",
                    f"/web/content/{attachment_id}?access_token=forged&download=true"):
            with self.subTest(url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(b"%PDF-1.4 plan", response.content)

    def test_record_pages_go_through_document_check_access(self):
        self._login_a()
        original = CustomerPortal._document_check_access
        with patch.object(CustomerPortal, "_document_check_access", autospec=True,
                          side_effect=original) as check:
            self._get(f"/my/ixl/applications/{self.app_a.id}")
            self._get(f"/my/ixl/applications/{self.app_b.id}", 404)
        self.assertEqual([call.args[1:] for call in check.call_args_list],
                         [("ixl.call.application", self.app_a.id),
                          ("ixl.call.application", self.app_b.id)])
        controllers = {cls.__name__ for cls in IxlPortal.__subclasses__()}
        self.assertIn("IxlCallsPortal", controllers)
