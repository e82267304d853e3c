from odoo.tests import HttpCase, new_test_user, tagged

from .common import make_fiscal_code
from .dashboard_charts_common import hinted


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def _make_operator_and_people(self):
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
        return operator

    def test_operator_opens_figures(self):
        operator = self._make_operator_and_people()
        self.start_tour("/odoo/action-ixl_beneficiary.ixl_dashboard_action",
                        "ixl_dashboard_tour", login=operator.login)

    def test_operator_opens_a_bar(self):
        """The registrations per month hinted as bars: the bar of May opens the people
        registered in May (the console stays clean: a console error fails the tour)."""
        operator = self._make_operator_and_people()
        with hinted(self.env, "_dashboard_registrations", {"Registrations per month": "bar"}):
            self.start_tour("/odoo/action-ixl_beneficiary.ixl_dashboard_action",
                            "ixl_dashboard_charts_tour", login=operator.login)
