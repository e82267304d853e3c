from odoo.tests import HttpCase, new_test_user, tagged

from .common import make_fiscal_code, new_person
from .dashboard_charts_common import hinted, with_placement_tour_section


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def _make_operator_and_people(self):
        operator = new_test_user(self.env, login="dash_tour_operator",
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

    def test_operator_opens_a_slice_and_a_point(self):
        """A section of placements by type (doughnut) and per year (trend: bars + the %
        permanent as a line): the slice of the internships opens the internships, the 2024
        point of "% permanent" the permanent placements of 2024."""
        operator = self._make_operator_and_people()
        employer = self.env["res.partner"].create({"name": "Chart Employer", "is_company": True})
        for pos, (first, ptype, contract, start) in enumerate([
            ("Anna", "hire", "permanent", "2024-03-05"),
            ("Bruno", "internship", False, "2024-04-05"),
            ("Carla", "hire", "fixed_term", "2023-05-05"),
            ("Dario", "hire", "permanent", "2023-06-01"),
        ]):
            person = new_person(self.env, first, "Look", f"198{pos}-03-10", town=f"B{pos:03d}",
                                state="in_target")
            self.env["ixl.placement"].create({
                "beneficiary_id": person.id, "employer_id": employer.id,
                "placement_type": ptype, "contract_type": contract, "date_start": start,
                "weekly_hours": 30})
        with with_placement_tour_section(self.env):
            self.start_tour("/odoo/action-ixl_beneficiary.ixl_dashboard_action",
                            "ixl_dashboard_charts_slice_point_tour", login=operator.login)
