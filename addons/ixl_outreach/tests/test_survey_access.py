from odoo.tests import HttpCase, tagged

from .common import FollowupCase


@tagged("post_install", "-at_install")
class TestSurveyAccess(FollowupCase, HttpCase):
    def test_a_link_shows_only_its_own_answers(self):
        self.campaign.action_send()
        answers = {a.beneficiary_id: a for a in self.campaign.answer_ids}
        anna, bruno = answers[self.anna], answers[self.bruno]
        self.answer(anna, {"working": "yes"}, "Secret of Anna", done=False)
        self.answer(bruno, {"working": "no"}, "Secret of Bruno", done=False)
        token = self.survey.access_token
        page = self.url_open(f"/survey/{token}/{anna.access_token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Secret of Anna", page.text)
        self.assertNotIn("Secret of Bruno", page.text)
        page = self.url_open(f"/survey/{token}/{bruno.access_token}")
        self.assertIn("Secret of Bruno", page.text)
        self.assertNotIn("Secret of Anna", page.text)
        # a guessed token or the survey token alone show nobody's answers
        for url in (f"/survey/{token}/not-a-token", f"/survey/start/{token}",
                    f"/survey/print/{token}"):
            page = self.url_open(url)
            self.assertNotIn("Secret of", page.text, url)
