from odoo.tests import HttpCase, new_test_user, tagged

from .common import make_fiscal_code


@tagged("post_install", "-at_install")
class TestInterviewTour(HttpCase):
    def test_operator_records_interview_outcome(self):
        operator = new_test_user(self.env, login="tour_operator", password="tour_operator_pw",
                                 groups="ixl_beneficiary.group_ixl_operator")
        person = self.env["ixl.beneficiary"].create({
            "first_name": "Teresa", "last_name": "Tour",
            "fiscal_code": make_fiscal_code("Tour", "Teresa", "1985-04-20", female=True),
            "birthdate_date": "1985-04-20", "email": "teresa@example.com",
            "municipality_id": self.env.ref("ixl_beneficiary.municipality_bologna").id,
        })
        self.start_tour("/odoo", "ixl_interview_tour", login=operator.login)
        self.assertEqual(person.state, "in_target")
        self.assertEqual((person.vulnerability_score, person.profile_type, person.readiness),
                         (7, "strong", "ready"))
        self.assertEqual(person.interviewer_id, operator)
        self.assertTrue(person.interview_held_date)
