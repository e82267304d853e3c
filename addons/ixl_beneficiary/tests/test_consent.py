from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import IxlCase


@tagged("post_install", "-at_install")
class TestConsent(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary(state="active")
        cls.env["ir.config_parameter"].set_param(
            "ixl_beneficiary.privacy_notice_version", "2026-07")

    def test_opt_in_by_default(self):
        self.assertFalse(self.person.cv_sharing_consent)
        self.assertFalse(self.person.consent_ids)

    def test_give_and_withdraw_with_proof(self):
        person = self.person.with_user(self.operator)
        person.action_give_cv_consent()
        self.assertTrue(person.cv_sharing_consent)
        self.assertTrue(person.cv_sharing_consent_date)
        person.action_withdraw_cv_consent()
        self.assertFalse(person.cv_sharing_consent)
        proofs = person.consent_ids.sorted("id")
        self.assertEqual(proofs.mapped("given"), [True, False])
        self.assertEqual(set(proofs.mapped("purpose")), {"cv_sharing"})
        self.assertEqual(set(proofs.mapped("channel")), {"office"})
        self.assertEqual(set(proofs.mapped("notice_version")), {"2026-07"})
        self.assertEqual(proofs.user_id, self.operator)
        # withdrawing again changes nothing and proves nothing new
        person.action_withdraw_cv_consent()
        self.assertEqual(len(person.consent_ids), 2)

    def test_channel_and_consent_at_creation(self):
        person = self.make_beneficiary(cv_sharing_consent=True)
        self.assertEqual(person.consent_ids.channel, "office")
        self.person._privacy_set_consent("cv_sharing", True, channel="paper")
        self.assertEqual(self.person.consent_ids.channel, "paper")

    def test_proofs_cannot_be_changed(self):
        self.person.action_give_cv_consent()
        proof = self.person.consent_ids
        for user in (self.operator, self.coordinator):
            with self.subTest(user=user.login):
                self.assertTrue(proof.with_user(user).has_access("read"))
                self.assertFalse(proof.with_user(user).has_access("write"))
                self.assertFalse(proof.with_user(user).has_access("unlink"))
        with self.assertRaises(AccessError):
            self.person.with_user(self.finance).action_give_cv_consent()
        self.assertFalse(proof.with_user(self.finance).has_access("read"))

    def test_operators_cannot_forge_proofs(self):
        """A proof back-dated to 2019, in a colleague's name, on paper; or a proof saying
        the person used the privacy page: the server decides date, author and channel."""
        Consent = self.env["ixl.consent"].with_user(self.operator)
        with self.assertRaises(AccessError):
            Consent.create({"beneficiary_id": self.person.id, "purpose": "cv_sharing",
                            "given": True, "date": "2019-03-01 10:00:00",
                            "user_id": self.coordinator.id, "channel": "paper"})
        person = self.person.with_user(self.operator)
        with self.assertRaises(AccessError):
            person.write({"cv_sharing_consent": True,
                          "cv_sharing_consent_date": "2019-03-01 10:00:00"})
        person.with_context(ixl_consent_channel="link").action_give_cv_consent()
        person.with_context(ixl_consent_channel="paper").write({"cv_sharing_consent": False})
        proofs = self.person.consent_ids.sorted("id")
        self.assertEqual(proofs.mapped("channel"), ["office", "office"])
        self.assertEqual(proofs.user_id, self.operator)
        now = fields.Datetime.now()
        for proof in proofs:
            self.assertAlmostEqual(proof.date, now, delta=timedelta(minutes=5))
        self.assertAlmostEqual(self.person.cv_sharing_consent_date, now,
                               delta=timedelta(minutes=5))
        with self.assertRaises(AccessError):
            self.person.consent_ids[:1].with_user(self.coordinator).write({"channel": "paper"})

    def test_consents_and_sensitive_notes_live_here(self):
        """Issue 19: the list of consent proofs, its menu and the sensitive notes' dialog
        are the base's (they were ixl_privacy's); its form opens the notes from a button."""
        menu = self.env.ref("ixl_beneficiary.menu_ixl_privacy_consent")
        self.assertEqual(menu.parent_id, self.env.ref("ixl_beneficiary.menu_ixl_people"))
        self.assertEqual(menu.action, self.env.ref("ixl_beneficiary.ixl_consent_action"))
        self.assertEqual(menu.groups_id, self.env.ref("ixl_beneficiary.group_ixl_coordinator"))
        form = self.env.ref("ixl_beneficiary.ixl_beneficiary_view_form").arch
        self.assertIn('name="action_show_sensitive_notes"', form)
        self.assertNotIn('name="fragility_notes"', form)
        action = self.person.with_user(self.operator).action_show_sensitive_notes()
        self.assertEqual(action["views"][0][0],
                         self.env.ref("ixl_beneficiary.ixl_beneficiary_view_form_sensitive").id)

