from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import new_person


@tagged("post_install", "-at_install", "is_tour")
class TestJobOfferTour(HttpCase):
    def test_operator_records_and_sends_an_offer(self):
        operator = new_test_user(self.env, login="offer_tour_op",
                                 groups="ixl_beneficiary.group_ixl_operator",
                                 email="op@example.com")
        logistics = self.env.ref("ixl_beneficiary.job_area_logistics_and_warehouse")
        person = new_person(self.env, "Tina", "Tourperson", "1990-02-02", female=True,
                            state="active", readiness="ready",
                            municipality_id=self.env.ref("ixl_beneficiary.municipality_imola").id,
                            job_area_ids=[(6, 0, logistics.ids)])
        self.start_tour("/odoo/action-ixl_board.ixl_job_offer_action", "ixl_job_offer_tour",
                        login=operator.login)
        offer = self.env["ixl.job.offer"].search([("name", "=", "Tour forklift driver")])
        self.assertEqual(offer.line_ids.beneficiary_id, person)
        self.assertEqual(offer.line_ids.service_id.service_type, "job_offer")
        self.assertEqual(offer.line_ids.user_id, operator)
