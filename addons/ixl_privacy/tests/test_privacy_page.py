from odoo.tests import HttpCase, tagged

from odoo.addons.ixl_beneficiary.tests.common import make_fiscal_code


@tagged("post_install", "-at_install")
class TestPrivacyPage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["ixl.beneficiary"].create({
            "first_name": "Rosa", "last_name": "Quispe", "birthdate_date": "1988-09-09",
            "fiscal_code": make_fiscal_code("QUISPE", "ROSA", "1988-09-09", female=True),
            "email": "rosa@example.com", "cv_sharing_consent": True,
        })
        cls.url = cls.person.privacy_url

    def _csrf(self, html):
        marker = 'name="csrf_token" value="'
        start = html.index(marker) + len(marker)
        return html[start:html.index('"', start)]

    def test_withdraw_and_give_from_the_link(self):
        self.assertIn("/ixl/privacy/", self.url)
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Sharing the CV with companies", page.text)
        self.assertNotIn("Quispe", page.text, "the page shows the first name only")
        response = self.url_open(f"{self.url}/consent", data={
            "csrf_token": self._csrf(page.text), "purpose": "cv_sharing", "given": "0"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your choice was saved", response.text)
        self.person.invalidate_recordset()
        self.assertFalse(self.person.cv_sharing_consent)
        proof = self.person.consent_ids[:1]
        self.assertEqual((proof.purpose, proof.given, proof.channel),
                         ("cv_sharing", False, "link"))
        self.assertTrue(proof.notice_version)
        response = self.url_open(f"{self.url}/consent", data={
            "csrf_token": self._csrf(response.text), "purpose": "cv_sharing", "given": "1"})
        self.person.invalidate_recordset()
        self.assertTrue(self.person.cv_sharing_consent)

    def test_bad_token_or_csrf(self):
        self.assertEqual(self.url_open("/ixl/privacy/" + "0" * 64).status_code, 404)
        response = self.url_open(f"{self.url}/consent",
                                 data={"purpose": "cv_sharing", "given": "0"})
        self.assertEqual(response.status_code, 400)
        self.person.invalidate_recordset()
        self.assertTrue(self.person.cv_sharing_consent)
        self.person._privacy_anonymise()
        self.assertEqual(self.url_open(self.url).status_code, 404)
