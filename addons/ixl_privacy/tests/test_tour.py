from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import new_person


@tagged("post_install", "-at_install")
class TestSensitiveNotesTour(HttpCase):
    def test_show_sensitive_notes_is_logged(self):
        operator = new_test_user(self.env, login="tour_privacy_op",
                                 groups="ixl_beneficiary.group_ixl_operator")
        person = new_person(self.env, "Silvia", "Tour", "1984-05-21", female=True,
                            fragility_notes="<p>Needs a quiet workplace</p>")
        Log = self.env["ixl.sensitive.access.log"]
        self.start_tour(f"/odoo/ixl.beneficiary/{person.id}", "ixl_sensitive_notes_tour",
                        login=operator.login)
        log = Log.search([("beneficiary_id", "=", person.id)])
        self.assertEqual(len(log), 1, "opening the form logs nothing, the dialog once")
        self.assertEqual(log.user_id, operator)
