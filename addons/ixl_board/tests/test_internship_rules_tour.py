from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import new_person


@tagged("post_install", "-at_install", "is_tour")
class TestInternshipRulesTour(HttpCase):
    def test_operator_records_internship_and_attendance(self):
        new_test_user(self.env, login="rules_tour_operator",
                      groups="ixl_beneficiary.group_ixl_operator")
        person = new_person(self.env, "Tiziana", "Tourini", state="active")
        host = self.env["res.partner"].create({
            "name": "Tour Officina Srl", "is_company": True, "ixl_employee_count": 12})
        self.start_tour("/odoo/action-ixl_board.ixl_internship_action",
                        "ixl_internship_rules_tour", login="rules_tour_operator")
        internship = self.env["ixl.internship"].search([("partner_id", "=", host.id)])
        self.assertRecordValues(internship, [{"beneficiary_id": person.id,
                                              "state": "ongoing", "monthly_indemnity": 500}])
        first = internship.month_ids[0]
        self.assertRecordValues(first, [{"attendance_percent": 65.0,
                                         "below_threshold": True, "amount": 0.0}])
