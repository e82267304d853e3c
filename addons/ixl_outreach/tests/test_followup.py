from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

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

    def test_campaign_state_only_through_its_actions(self):
        """Issue 14: the state of a campaign is written by its buttons only."""
        Campaign = self.env["ixl.followup.campaign"]
        for user in (self.operator, self.coordinator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.campaign.with_user(user).write({"state": "closed"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Campaign.with_user(user).create({"name": "Sent already", "state": "sent"})
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.finance).action_send()
        mine = self.campaign.with_user(self.operator)
        mine.action_send()
        with self.assertRaises(AccessError):
            mine.write({"survey_id": self.env["survey.survey"].create({"title": "Other"}).id})
        mine.action_close()
        self.assertEqual(self.campaign.state, "closed")
        with self.assertRaises(AccessError):
            mine.write({"beneficiary_ids": [(4, self.make_beneficiary("out_of_protocol").id)]})
        for action in (mine.action_send, mine.action_remind, mine.action_close):
            with self.subTest(action=action.__name__), self.assertRaises(UserError):
                action()

    def test_answers_written_only_by_the_answer(self):
        """An operator cannot write somebody's answers (on the answer or on the person),
        nor attach an answer to another person or campaign."""
        self.campaign.action_send()
        answer = self._answer_of(self.anna)
        for user in (self.operator, self.coordinator, self.finance):
            for vals in ({"ixl_working": "yes"}, {"ixl_comment": "made up"},
                         {"beneficiary_id": self.bruno.id}, {"ixl_reminder_count": 5}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    answer.with_user(user).write(vals)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["survey.user_input"].with_user(user).create({
                    "survey_id": self.survey.id, "beneficiary_id": self.bruno.id,
                    "ixl_campaign_id": self.campaign.id})
            for vals in ({"followup_working": "yes"}, {"followup_comment": "made up"},
                         {"followup_date": "2026-01-01"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    self.anna.with_user(user).write(vals)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.beneficiary"].with_user(user).create({
                    "first_name": "Carla", "last_name": "Bianchi", "followup_working": "yes"})
        self.answer(answer, {"working": "yes"}, "Found a job")
        self.assertEqual((self.anna.followup_working, self.anna.followup_comment),
                         ("yes", "Found a job"))

    def test_comments_not_for_finance(self):
        """Issue 14: finance read the free-text comments of the follow-up survey."""
        self.campaign.action_send()
        self.answer(self._answer_of(self.anna), {"working": "no"}, "Depressed, no money")
        finance = new_test_user(self.env, login="ixl_finance_export", name="Franco Finance",
                                groups="ixl_beneficiary.group_ixl_finance,base.group_allow_export")
        People = self.env["ixl.beneficiary"].with_user(finance)
        anna = self.anna.with_user(finance)
        self.assertNotIn("followup_comment", People.fields_get())
        self.assertEqual(anna.read(["followup_working"])[0]["followup_working"], "no")
        for call in (lambda: anna.read(["followup_comment"]),
                     lambda: People.search_read([("id", "=", anna.id)], ["followup_comment"]),
                     lambda: People.read_group([], ["followup_comment"], ["followup_comment"]),
                     lambda: People.search([("followup_comment", "ilike", "money")]),
                     lambda: anna.export_data(["followup_comment"]),
                     lambda: self.campaign.with_user(finance).read(["answer_ids"])):
            with self.assertRaises(AccessError):
                call()
        # the campaign's figures stay readable by finance
        self.assertEqual(self.campaign.with_user(finance).read(["response_rate"])[0],
                         {"id": self.campaign.id, "response_rate": 50.0})
        self.assertEqual(self.anna.with_user(self.operator).followup_comment,
                         "Depressed, no money")

    def test_answer_date_is_the_bologna_date(self):
        """Answered at 00:30 on 1 April in Bologna (22:30 UTC on 31 March)."""
        self.campaign.action_send()
        with freeze_time("2026-03-31 22:30:00"):
            self.answer(self._answer_of(self.anna), {"working": "yes"})
        self.assertEqual(str(self.anna.followup_date), "2026-04-01")

    def test_buttons_follow_the_actions(self):
        """Issue 19: the Close button showed on sent campaigns only, while the action
        also closes a draft; both now read the same states."""
        mine = self.campaign.with_user(self.operator)
        self.assertEqual((mine.state, mine.is_not_closed, mine.can_remind),
                         ("draft", True, False))
        mine.action_close()
        self.assertEqual((mine.state, mine.is_not_closed), ("closed", False))

