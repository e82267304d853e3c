from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)

from .common import without_demo_board


@tagged("post_install", "-at_install")
class TestBoardDashboard(DashboardMixin, IxlCase):
    """Board and internships sections of 2024 on a hand-built dataset."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        without_demo_board(cls.env)

        def company(name, state, contacted, joined=False):
            return Partner.create({"name": name, "is_company": True, "ixl_board_state": state,
                                   "ixl_contact_date": contacted,
                                   "ixl_board_join_date": joined})

        cls.alfa = company("Alfa", "member", "2024-01-01", "2024-12-31")  # both in
        cls.beta = company("Beta", "member", "2023-12-31", "2023-12-31")  # day before: out
        cls.gamma = company("Gamma", "contacted", "2025-01-01")  # day after: out
        cls.delta = company("Delta", "left", "2024-01-20", "2024-02-01")
        cls.delta.ixl_board_leave_date = "2024-09-01"
        for employer, start in [(cls.alfa, "2024-01-01"), (cls.alfa, "2024-05-01"),
                                (cls.alfa, "2024-12-31"), (cls.beta, "2024-03-01"),
                                (cls.beta, "2024-04-01"), (cls.delta, "2024-07-01"),
                                (cls.delta, "2023-12-31"), (cls.gamma, "2025-01-01")]:
            cls._place(employer, "hire", start, "fixed_term")
        cls._place(cls.gamma, "internship", "2024-08-01")
        # The figures are counted here, not checked: the regional rule (durations, quotas)
        # is tested in test_internship_rules.
        cls.env.ref("ixl_board.internship_rule_er_2019").active = False
        cls._internship(cls.alfa, "2024-01-01", "2024-03-31", "continued")
        cls._internship(cls.beta, "2023-10-01", "2024-01-31", "hired_permanent")  # hire 1/2
        cls._internship(cls.alfa, "2024-11-01", "2025-02-28", None)  # ongoing
        cls._internship(cls.delta, "2024-12-31", "2025-01-31", False)  # draft
        cls._internship(cls.beta, "2024-06-01", "2024-12-31", "hired_fixed_term")  # 2025
        cls._internship(cls.alfa, "2023-12-31", "2024-01-15", "ended")
        # Extended from 1 June 2024: an extension in the period, still ongoing.
        cls._internship(cls.gamma, "2024-03-01", "2024-05-31", None).action_extend("2024-08-31")

    @classmethod
    def _place(cls, employer, ptype, start, contract=False):
        person = cls.make_beneficiary("active")
        return cls.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": employer.id,
            "placement_type": ptype, "contract_type": contract, "date_start": start})

    @classmethod
    def _internship(cls, company, start, end, outcome):
        internship = cls.env["ixl.internship"].create({
            "partner_id": company.id, "beneficiary_id": cls.make_beneficiary("active").id,
            "tutor_name": "Tina", "date_start": start, "date_end": end,
            "monthly_indemnity": 500})
        if outcome is not False:
            internship.action_start()
        if outcome == "continued":  # closed so before the Extend action existed
            internship.write({"state": "done", "outcome": outcome})
        elif outcome:
            internship.action_close(outcome)
        return internship

    def test_board(self):
        section = get_section(self.env["ixl.dashboard"].with_user(self.operator).env, "board")
        values = figures(section)
        self.assertEqual(values["Board of companies"], {
            "Companies contacted in the period": [2],  # Alfa, Delta
            "Companies contacted (all time)": [4],
            "Board members at the end of the period": [2],  # Alfa, Beta (Delta left)
            "Board members today": [2],  # Alfa, Beta
            "New members in the period": [2],  # Alfa (31 Dec), Delta
        })
        # issue 18: ALL the placements of 2024, as the ranking wizard counts them.
        # Alfa: 3 hires + 2 internships started (its 2023 one is out); Beta: 2 hires,
        # the internship hired on 1 February, the internship of June; Gamma: 2
        # internships and the extension of one; Delta: 1 hire (its 2023 hire is out).
        self.assertEqual(values["Top companies by placements"], {
            "Alfa": [5, "1"], "Beta": [4, "2"], "Gamma": [3, "3"], "Delta": [1, "4"]})
        ranking = self.env["ixl.ranking"]._get_ranking(2024)
        self.assertEqual(ranking, [(1, 5, ["Alfa"]), (2, 4, ["Beta"]), (3, 3, ["Gamma"]),
                                   (4, 1, ["Delta"])], "the wizard's ranking is the same")
        self.assertEqual(section["blocks"][1]["chart"], "hbar")
        check_drilldowns(self, section)

    def test_internships(self):
        section = get_section(self.env(user=self.operator), "internships")
        values = figures(section)
        self.assertEqual(values["Internships"], {
            "Activated in the period": [4], "Extended in the period": [1],
            "Ended in the period": [4]})
        self.assertEqual(values["Outcome of the internships ended in the period"], {
            "Continued": [1, 25.0], "Hired, fixed-term": [1, 25.0],
            "Hired, permanent": [1, 25.0], "Ended": [1, 25.0]})
        # issue 18: the cohort of the internships STARTED in 2024 (Alfa January,
        # continued; Alfa November and Gamma, extended, ongoing; Beta June, hired from
        # 1 January 2025: the following year)
        self.assertEqual(values["Internships activated in the period: outcome"], {
            "Activated in the period": [4, 100.0], "Still ongoing": [2, 50.0],
            "Continued": [1, 25.0], "Hired, fixed-term": [1, 25.0],
            "Hired, permanent": [0, 0.0], "Ended": [0, 0.0]})
        self.assertEqual(values["Internships activated in the period: turned into a hire"], {
            "Turned into a hire": [1, 25.0], "Hired within the period": [0, 0.0],
            "Hired in the following year": [1, 25.0], "Hired later": [0, 0.0]})
        self.assertEqual([blk.get("chart") for blk in section["blocks"]],
                         [None, "doughnut", "doughnut", "doughnut"])
        check_drilldowns(self, section)

    def test_archived_records_keep_past_figures(self):
        """Archiving a company or a person does not rewrite the figures of 2024."""
        env = self.env(user=self.operator)
        before = {key: figures(get_section(env, key)) for key in ("board", "internships")}
        companies = self.alfa | self.beta | self.gamma | self.delta
        people = (self.env["ixl.placement"].search([("employer_id", "in", companies.ids)])
                  .beneficiary_id)
        companies.write({"active": False})
        people.write({"active": False})
        for key, values in before.items():
            with self.subTest(key):
                section = get_section(env, key)
                self.assertEqual(figures(section), values)
                check_drilldowns(self, section)

    def test_finance_does_not_see_them(self):
        self.assertIsNone(get_section(self.env(user=self.finance), "board"))
        self.assertIsNone(get_section(self.env(user=self.finance), "internships"))
