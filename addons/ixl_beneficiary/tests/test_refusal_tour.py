from odoo.tests import HttpCase, new_test_user, tagged

from .common import new_person


@tagged("post_install", "-at_install")
class TestRefusalTour(HttpCase):
    def test_operator_marks_did_not_come_and_records_a_refusal(self):
        operator = new_test_user(self.env, login="refusal_tour_operator",
                                 password="refusal_tour_operator",
                                 groups="ixl_beneficiary.group_ixl_operator")
        person = new_person(self.env, "Rita", "Rifiuto", "1988-06-02", female=True,
                            state="active", user_id=operator.id)
        person.activity_schedule("mail.mail_activity_data_todo", user_id=operator.id,
                                 summary="Colloquio di orientamento")
        self.start_tour(f"/odoo/action-ixl_beneficiary.ixl_beneficiary_action/{person.id}",
                        "ixl_refusal_tour", login=operator.login)
        self.assertEqual(person.missed_appointment_count, 1)
        self.assertEqual((person.refusal_ids.kind, person.refusal_ids.reason),
                         ("proposal", "distance"))
