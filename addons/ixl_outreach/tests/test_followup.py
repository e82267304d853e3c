from odoo.tests import tagged

from .common import FollowupCase


@tagged("post_install", "-at_install")
class TestFollowup(FollowupCase):
    def _answer_of(self, person):
        return self.campaign.answer_ids.filtered(lambda a: a.beneficiary_id == person)

    def test_invitations_are_personal(self):
        self.campaign.with_user(self.operator).action_send()
        self.assertEqual(self.campaign.state, "sent")
        self.assertEqual(len(self.campaign.answer_ids), 2)
        anna, bruno = self._answer_of(self.anna), self._answer_of(self.bruno)
        self.assertEqual(anna.partner_id, self.anna.partner_id)
        self.assertEqual(bruno.partner_id, self.bruno.partner_id)
        self.assertNotEqual(anna.access_token, bruno.access_token)
        mails = self.env["mail.mail"].search([("body_html", "like", anna.access_token)])
        self.assertEqual(mails.recipient_ids, self.anna.partner_id)
        # sending again invites nobody twice
        self.campaign.action_send()
        self.assertEqual(len(self.campaign.answer_ids), 2)

    def test_answers_map_to_the_right_person_with_a_shared_email(self):
        self.campaign.action_send()
        self.answer(self._answer_of(self.anna),
                    {"working": "yes", "contract_type": "permanent", "offers": "2"}, "All good")
        self.answer(self._answer_of(self.bruno), {"working": "no", "offers": "3+"})
        self.assertEqual(
            (self.anna.followup_working, self.anna.followup_contract_type,
             self.anna.followup_offers, self.anna.followup_comment),
            ("yes", "permanent", "2", "All good"))
        self.assertTrue(self.anna.followup_date)
        self.assertEqual(
            (self.bruno.followup_working, self.bruno.followup_contract_type,
             self.bruno.followup_offers, self.bruno.followup_comment),
            ("no", False, "3+", False))
        campaign = self.campaign
        self.assertEqual((campaign.invited_count, campaign.answered_count), (2, 2))
        self.assertEqual(campaign.response_rate, 100.0)
        self.assertEqual(campaign.working_rate, 50.0)
        self.assertIn("Permanent: 1", campaign.contract_split)
        self.assertIn("3 or more: 1", campaign.offers_split)

    def test_reminders_only_to_who_has_not_answered(self):
        self.campaign.action_send()
        self.answer(self._answer_of(self.anna), {"working": "yes", "offers": "0"})
        self.campaign.action_remind()
        self.assertEqual(self._answer_of(self.anna).ixl_reminder_count, 0)
        self.assertEqual(self._answer_of(self.bruno).ixl_reminder_count, 1)
        model = self.env["ixl.followup.campaign"]
        model._cron_send_reminders()
        model._cron_send_reminders()
        self.assertEqual(self._answer_of(self.bruno).ixl_reminder_count, 2,
                         "at most two automatic reminders")
        self.assertEqual(self.campaign.response_rate, 50.0)

    def test_withdrawn_consent_is_not_invited(self):
        self.bruno.communication_consent = False
        self.campaign.action_send()
        self.assertEqual(self.campaign.answer_ids.beneficiary_id, self.anna)

    def test_campaign_from_the_beneficiary_list(self):
        active = self.make_beneficiary("active")
        action = (self.anna | active).with_user(self.operator).action_ixl_followup_campaign()
        self.assertEqual(action["context"]["default_beneficiary_ids"], self.anna.ids)
