from odoo.tests import HttpCase, new_test_user, tagged

from .common import new_person


@tagged("post_install", "-at_install")
class TestInterviewTour(HttpCase):
    def test_operator_records_interview_outcome(self):
        operator = new_test_user(self.env, login="tour_operator",
                                 groups="ixl_beneficiary.group_ixl_operator")
        person = new_person(self.env, "Teresa", "Tour", "1985-04-20", female=True)
        self.start_tour("/odoo", "ixl_interview_tour", login=operator.login)
        self.assertEqual(person.state, "in_target")
        self.assertEqual((person.vulnerability_score, person.profile_type, person.readiness),
                         (7, "strong", "ready"))
        self.assertEqual(person.interviewer_id, operator)
        self.assertTrue(person.interview_held_date)
