import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import make_fiscal_code

LINK = re.compile(r"https?://[^\"'<> ]+/ixl/privacy/[\w-]+")


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
        cls.operator = new_test_user(cls.env, login="privacy_operator",
                                     groups="ixl_beneficiary.group_ixl_operator")
        cls.finance = new_test_user(cls.env, login="privacy_finance",
                                    groups="ixl_beneficiary.group_ixl_finance")
        cls.url = cls.person._privacy_new_link()[0]

    def _csrf(self, html):
        marker = 'name="csrf_token" value="'
        start = html.index(marker) + len(marker)
        return html[start:html.index('"', start)]

    def _send_link(self):
        """The operator's button; returns the link found in the email to the person."""
        self.person.with_user(self.operator).action_send_privacy_link()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.person.partner_id.ids)], order="id desc", limit=1)
        return LINK.search(mail.body_html).group(0), mail

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

    def test_each_sending_makes_a_new_link_kept_out_of_the_chatter(self):
        link, mail = self._send_link()
        self.assertIn("Rosa", mail.body_html)
        self.assertEqual(self.url_open(link).status_code, 200)
        self.assertEqual(self.url_open(self.url).status_code, 404, "the old link is replaced")
        token = link.rsplit("/", 1)[1]
        # the chatter says that a link was sent, never the link
        note = self.person.message_ids[:1]
        self.assertIn("Link to the privacy page sent by email", note.body)
        Message = self.env["mail.message"].sudo()
        self.assertFalse(Message.search([("model", "=", "ixl.beneficiary"),
                                         ("res_id", "=", self.person.id),
                                         ("body", "ilike", token)]))
        self.assertNotIn(token, str(self.person.sudo().read()[0].values()))
        # finance neither reads the link nor uses it to act as the person
        self.assertTrue(Message.search([("body", "ilike", token)]), "the email is queued")
        self.assertFalse(self.env["mail.message"].with_user(self.finance).search(
            [("body", "ilike", token)]))
        self.assertFalse(self.env["mail.mail"].with_user(self.finance).has_access("read"))
        second, _mail = self._send_link()
        self.assertNotEqual(second, link)
        self.assertEqual(self.url_open(link).status_code, 404)
        self.assertEqual(self.url_open(second).status_code, 200)

    def test_links_expire(self):
        self.assertEqual(self.url_open(self.url).status_code, 200)
        expiry = self.person.sudo().privacy_token_expiry
        self.assertAlmostEqual(expiry, fields.Datetime.now() + timedelta(days=30),
                               delta=timedelta(minutes=5))
        self.person.sudo().privacy_token_expiry = fields.Datetime.now() - timedelta(seconds=1)
        self.assertEqual(self.url_open(self.url).status_code, 404)
        self.env["ir.config_parameter"].sudo().set_param("ixl_privacy.link_validity_days", "7")
        self.person._privacy_new_link()
        self.assertAlmostEqual(self.person.sudo().privacy_token_expiry,
                               fields.Datetime.now() + timedelta(days=7),
                               delta=timedelta(minutes=5))

    def test_only_operators_send_links_to_people_with_an_email(self):
        with self.assertRaises(AccessError):  # finance does not write people
            self.person.with_user(self.finance).action_send_privacy_link()
        self.person.partner_id.email = False
        with self.assertRaises(UserError):
            self.person.with_user(self.operator).action_send_privacy_link()
