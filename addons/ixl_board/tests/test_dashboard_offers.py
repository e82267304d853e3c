from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    column,
    figures,
    get_section,
)

from .common import BoardCase


@tagged("post_install", "-at_install")
class TestOffersDashboard(DashboardMixin, BoardCase):
    """Job offers found online in the programme in numbers, 2024: offers signalled, people
    reached, answers and placements, per month, each figure opening its records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Offer = cls.env["ixl.job.offer"]
        cls.offer_a, cls.offer_b, cls.offer_c = Offer.create([{
            "name": name, "employer_name": "Agenzia", "url": "https://example.com/" + name,
            "municipality_id": cls.imola.id} for name in ("a", "b", "c")])
        cls.anna, cls.bruno, cls.carla = (cls.make_ready([], cls.imola) for _i in range(3))
        cls.placement = cls.env["ixl.placement"].create({
            "beneficiary_id": cls.anna.id, "employer_id": cls.employer.id,
            "placement_type": "hire", "contract_type": "permanent",
            "date_start": "2024-02-01"})
        for offer, person, sent, answer in [
                (cls.offer_a, cls.anna, "2024-01-10", "hired"),
                (cls.offer_a, cls.bruno, "2024-01-10", "not_interested"),
                (cls.offer_b, cls.anna, "2024-01-31", "interested"),
                (cls.offer_b, cls.carla, "2024-03-05", "applied"),
                (cls.offer_c, cls.bruno, "2023-12-31", "interested"),  # out: 2023
                (cls.offer_c, cls.carla, "2025-01-01", "none")]:  # out: 2025
            cls._sending(offer, person, sent, answer)

    @classmethod
    def _sending(cls, offer, person, sent, answer):
        return cls.env["ixl.job.offer.line"]._ixl_transition().create({
            "offer_id": offer.id, "beneficiary_id": person.id, "date_sent": sent,
            "answer": answer, "answer_date": sent if answer != "none" else False,
            "placement_id": cls.placement.id if answer == "hired" else False})

    def test_figures_and_drilldowns(self):
        section = get_section(self.env(user=self.operator), "job_offers")
        values = figures(section)
        self.assertEqual(values["Job offers found online"], {
            "Offers signalled": [2], "Sendings": [4], "People reached": [3],
            "Placements from the offers": [1]})
        self.assertEqual(values["Answers to the offers sent in the period"], {
            "No answer yet": [0, 0.0], "Interested": [1, 25.0], "Applied": [1, 25.0],
            "Hired": [1, 25.0], "Not interested": [1, 25.0]})
        monthly = values["Job offers per month"]
        self.assertEqual(len(monthly), 12)
        self.assertEqual(monthly["January 2024"], [3, 2, 2, 1, 1, 1])
        self.assertEqual(monthly["March 2024"], [1, 1, 1, 1, 0, 0])
        self.assertEqual(column(section, "Job offers per month")[1], 0)  # February
        check_drilldowns(self, section)

    def test_archived_people_keep_the_figures(self):
        env = self.env(user=self.operator)
        before = figures(get_section(env, "job_offers"))
        (self.anna | self.bruno).write({"active": False})
        section = get_section(env, "job_offers")
        self.assertEqual(figures(section), before)
        check_drilldowns(self, section)

    def test_finance_does_not_see_it(self):
        self.assertIsNone(get_section(self.env(user=self.finance), "job_offers"))

    def test_queries_do_not_grow_with_the_period_or_the_data(self):
        Dashboard = self.env["ixl.dashboard"].with_user(self.operator)

        def offers(date_from):
            return lambda: Dashboard._dashboard_job_offers(
                Dashboard._dashboard_period(date_from, "2024-12-31"))

        def add_data():
            for year in range(2015, 2024):
                self._sending(self.offer_c, self.make_ready([], self.imola), f"{year}-05-02",
                              "interested")

        self.assertSameQueries(offers("2024-01-01"), offers("2015-01-01"), add_data)
