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
