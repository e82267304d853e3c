from odoo.tests import HttpCase, new_test_user, tagged

from .common import new_person


@tagged("post_install", "-at_install")
class TestRefusalTour(HttpCase):
    def _operator_and_person(self, summary):
        operator = new_test_user(self.env, login="refusal_tour_operator",
                                 groups="ixl_beneficiary.group_ixl_operator")
        person = new_person(self.env, "Rita", "Rifiuto", "1988-06-02", female=True,
                            state="active", user_id=operator.id)
        person.activity_schedule("mail.mail_activity_data_todo", user_id=operator.id,
                                 summary=summary)
        return operator, person

    def test_operator_marks_did_not_come_and_records_a_refusal(self):
        operator, person = self._operator_and_person("Colloquio di orientamento")
        self.start_tour(f"/odoo/action-ixl_beneficiary.ixl_beneficiary_action/{person.id}",
                        "ixl_refusal_tour", login=operator.login)
        self.assertEqual(person.missed_appointment_count, 1)
        self.assertEqual((person.refusal_ids.kind, person.refusal_ids.reason),
                         ("proposal", "distance"))

    def test_did_not_come_from_the_list(self):
        operator, person = self._operator_and_person("Colloquio di verifica")
        self.start_tour("/odoo/action-ixl_beneficiary.ixl_beneficiary_action",
                        "ixl_did_not_come_list_tour", login=operator.login)
        self.assertEqual(person.missed_appointment_ids.summary, "Colloquio di verifica")
        self.assertNotIn("Colloquio di verifica", person.activity_ids.mapped("summary"))
