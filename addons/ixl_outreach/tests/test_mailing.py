from ast import literal_eval

from odoo.tests import tagged
from odoo.tools import email_normalize

from odoo.addons.ixl_beneficiary.tests.common import IxlCase
from odoo.addons.mail.tests.common import MockEmail


@tagged("post_install", "-at_install")
class TestMailing(IxlCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        make = cls.make_beneficiary
        cls.ready = make("active", readiness="ready", birthdate_date="2000-03-01")
        cls.ready_old = make("active", readiness="ready", birthdate_date="1960-03-01",
                             municipality_id=cls.imola.id)
        cls.not_ready = make("active", readiness="not_ready")
        cls.blacklisted = make("active", readiness="ready")
        cls.withdrawn = make("active", readiness="ready")
        cls.list_opt_out = make("active", readiness="ready")
        cls.withdrawn.communication_consent = False
        cls.env["mail.blacklist"]._add(cls.blacklisted.email)
        cls.mailing_list = cls.env["mailing.list"].create({"name": "Newsletter IXL"})
        contact = cls.env["mailing.contact"].create({
            "name": cls.list_opt_out.name, "email": cls.list_opt_out.email})
        cls.env["mailing.subscription"].create({
            "contact_id": contact.id, "list_id": cls.mailing_list.id, "opt_out": True})
        cls.model_id = cls.env["ir.model"]._get_id("ixl.beneficiary")

    def _mailing(self, domain, **vals):
        return self.env["mailing.mailing"].with_user(self.operator).create({
            "subject": "Job fair",
            "body_html": "<p>Come to the job fair</p>",
            "mailing_type": "mail",
            "mailing_model_id": self.model_id,
            "mailing_domain": repr(domain),
            **vals,
        })

    def _send(self, mailing):
        """Send for real (SMTP mocked); return the beneficiaries who got an email."""
        with self.mock_mail_gateway():
            mailing.with_user(self.operator).action_send_mail()
            self.env["mail.mail"].sudo().process_email_queue()
        emails = {email_normalize(to) for mail in self._mails for to in mail["email_to"]}
        traces = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        people = self.env["ixl.beneficiary"].browse(traces.mapped("res_id"))
        return people.filtered(lambda p: p.email_normalized in emails)

    def test_model_is_mailable(self):
        self.assertTrue(self.env["ir.model"].browse(self.model_id).is_mailing_enabled)
        mailing = self.env["mailing.mailing"].create({
            "subject": "x", "mailing_type": "mail", "mailing_model_id": self.model_id})
        self.assertIn("communication_consent", mailing.mailing_domain)
        self.assertIn("is_blacklisted", mailing.mailing_domain)

    def test_segment_skips_opted_out_blacklisted_and_withdrawn(self):
        """Even when staff drop the consent filter from the domain, people who withdrew
        their consent, blacklisted emails and list opt-outs get nothing."""
        mailing = self._mailing([("readiness", "=", "ready")],
                                contact_list_ids=[(6, 0, self.mailing_list.ids)])
        reached = self._send(mailing)
        mine = self.ready | self.ready_old | self.not_ready | self.blacklisted | self.withdrawn
        self.assertEqual(reached & (mine | self.list_opt_out), self.ready | self.ready_old)
        opt_out = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id),
                                                    ("res_id", "=", self.list_opt_out.id)])
        self.assertEqual(opt_out.failure_type, "mail_optout")
        self.assertFalse(self.env["mailing.trace"].search_count([
            ("mass_mailing_id", "=", mailing.id),
            ("res_id", "in", (self.withdrawn | self.blacklisted).ids)]))

    def test_send_to_selected(self):
        selected = self.ready | self.withdrawn | self.not_ready
        action = selected.with_user(self.operator).action_ixl_mailing_selected()
        mailing = self.env["mailing.mailing"].browse(action["res_id"])
        self.assertEqual(mailing.mailing_model_real, "ixl.beneficiary")
        mailing.body_html = "<p>Hello</p>"
        self.assertEqual(self._send(mailing), self.ready | self.not_ready)

    def test_segments(self):
        beneficiaries = self.env["ixl.beneficiary"]
        mine = self.ready | self.ready_old | self.not_ready
        self.assertEqual(beneficiaries.search([("id", "in", mine.ids),
                                               ("age_band", "=", "lt30")]), self.ready)
        self.assertEqual(beneficiaries.search([("id", "in", mine.ids),
                                               ("age_band", "in", ["lt30", "50_plus"])]),
                         self.ready | self.ready_old)
        self.assertEqual(beneficiaries.search([("id", "in", mine.ids),
                                               ("age_band", "!=", "lt30")]),
                         self.ready_old | self.not_ready)
        self.assertEqual(self.ready.age_band, "lt30")
        self.assertEqual(beneficiaries.search([("id", "in", mine.ids),
                                               ("municipality_id", "=", self.imola.id)]),
                         self.ready_old)
        saved = self.env.ref("ixl_outreach.mailing_filter_active_ready")
        mailing = self._mailing(literal_eval(saved.mailing_domain))
        found = beneficiaries.search(mailing._get_recipients_domain())
        self.assertIn(self.ready, found)
        self.assertNotIn(self.not_ready, found)
        self.assertNotIn(self.withdrawn, found)

    def test_consent_withdrawal_and_bounce(self):
        person = self.make_beneficiary("active")
        self.assertTrue(person.communication_consent)
        person.communication_consent = False
        self.assertTrue(person.consent_withdrawn_date)
        person.communication_consent = True
        self.assertFalse(person.consent_withdrawn_date)
        person.partner_id._message_receive_bounce(person.email, person.partner_id)
        self.assertEqual(person.message_bounce, 1)

    def test_withdrawal_from_the_privacy_link_takes_effect_at_once(self):
        """Withdrawing through the privacy hooks (privacy page, office) leaves a proof and
        the next mailing skips the person; anonymisation clears the mailing traces."""
        self.ready._privacy_set_consent("communications", False, channel="link")
        self.assertFalse(self.ready.communication_consent)
        self.assertTrue(self.ready.consent_withdrawn_date)
        proof = self.ready.consent_ids
        self.assertEqual((proof.purpose, proof.given, proof.channel),
                         ("communications", False, "link"))
        reached = self._send(self._mailing([("readiness", "=", "ready")]))
        self.assertNotIn(self.ready, reached)
        self.assertIn(self.ready_old, reached)
        traces = self.env["mailing.trace"].search([("res_id", "=", self.ready_old.id),
                                                   ("model", "=", "ixl.beneficiary")])
        self.assertTrue(traces.email)
        related = self.ready_old._privacy_related_records()
        self.assertTrue(any(traces == records for records in related
                            if records._name == "mailing.trace"))
        self.ready_old._privacy_anonymise_related()
        self.assertFalse(traces.email)
