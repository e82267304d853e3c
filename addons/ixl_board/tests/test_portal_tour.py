from odoo.tests import HttpCase, tagged

from .test_portal import make_company_user


@tagged("post_install", "-at_install", "is_tour")
class TestBoardPortalTour(HttpCase):
    def test_company_user_creates_request(self):
        company, _contact, user = make_company_user(
            self.env, "Tour Trasporti Srl", "Tina Tourreferente", "ixl_portal_tour")
        self.start_tour("/my", "ixl_portal_request_tour", login=user.login)
        new = self.env["ixl.job.request"].search([("partner_id", "=", company.id)])
        self.assertEqual(len(new), 1)
        self.assertEqual(new.name, "Tour forklift driver")
        self.assertEqual(new.positions, 2)
        self.assertTrue(new.from_portal)
        self.assertEqual(new.municipality_id,
                         self.env.ref("ixl_beneficiary.municipality_casalecchio_di_reno"))
        self.assertEqual(new.skill_ids.skill_id,
                         self.env.ref("ixl_beneficiary.skill_forklift_operation"))
