from odoo.tests import HttpCase, new_test_user, tagged

from .common import make_fiscal_code


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_operator_opens_figures(self):
        operator = new_test_user(self.env, login="dash_tour_operator",
                                 password="dash_tour_operator_pw",
                                 groups="ixl_beneficiary.group_ixl_operator")
        bologna = self.env.ref("ixl_beneficiary.municipality_bologna")
        for first, last, born, registered in [
            ("Dora", "Dashboard", "1985-04-20", "2023-05-10 09:00:00"),
            ("Ugo", "Other", "1979-02-11", "2024-05-10 09:00:00"),
        ]:
            self.env["ixl.beneficiary"].create({
                "first_name": first, "last_name": last, "birthdate_date": born,
                "fiscal_code": make_fiscal_code(last, first, born),
                "email": f"{first.lower()}@example.com", "municipality_id": bologna.id,
                "registration_date": registered,
            })
        self.start_tour("/odoo/action-ixl_beneficiary.ixl_dashboard_action",
                        "ixl_dashboard_tour", login=operator.login)
