import importlib.util

from odoo.tests import tagged
from odoo.tools import file_path

from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)

from .common import MicrocreditCase

DECISIONS = "Social-innovation projects: committee decisions in the period"
STATES = "Social-innovation projects evaluated in the period, by state"
PROPOSALS = "Self-employment proposals"
SOCIAL_LOANS = "Credito Sociale loans to social-innovation projects"
DISBURSED = "Credito Sociale loans disbursed in the period"
# Each year 2017-2020 the committee decides 16 projects: 6 selected, 10 rejected; the
# selected ones then move on (the states they reach, in order).
FOLLOW_UPS = [[], [], ["accompany"], ["accompany"], ["accompany", "positive", "conclude"],
              ["withdraw"]]


def run_migration(cr, path):
    spec = importlib.util.spec_from_file_location("ixl_mc_migration", file_path(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, "18.0.1.1.0")


@tagged("post_install", "-at_install")
class TestMicrocreditDashboard2020(DashboardMixin, MicrocreditCase):
    """The 2020 figures of the annual report rebuilt through the models: 38
    self-employment proposals, 64 social-innovation projects evaluated in four years,
    the loans of the year and the guarantee fund at the end of 2020."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._proposals()
        cls._social_projects()
        cls._loans()

    @classmethod
    def _proposals(cls):
        """38 proposals in 2020 by 35 people (3 propose two projects); one in 2019 and
        one in 2021 out of the year."""
        SE = cls.env["ixl.selfemployment.project"]
        people = [cls.make_beneficiary(state="active") for _i in range(35)]
        proposers = people + people[:3]
        cls.se_projects = SE.create([
            {"name": f"SE {pos}", "beneficiary_id": person.id,
             "date_proposed": f"2020-{pos % 12 + 1:02d}-15"}
            for pos, person in enumerate(proposers)])
        SE.create([{"name": "SE 2019", "beneficiary_id": people[0].id,
                    "date_proposed": "2019-12-31"},
                   {"name": "SE 2021", "beneficiary_id": people[5].id,
                    "date_proposed": "2021-01-01"}])

    @classmethod
    def _social_projects(cls):
        cls.org = cls.env["res.partner"].create({"name": "Coop Sociale", "is_company": True})
        Social = cls.env["ixl.social.project"]
        cls.social = {}
        for year in range(2017, 2021):
            projects = Social.create([{
                "name": f"S{year}-{pos}", "partner_id": cls.org.id,
                "evaluation_date": f"{year}-{pos % 12 + 1:02d}-10",
                "committee_member_ids": [(6, 0, [cls.committee.id])],
                "decision_reason": "Reasons", "funding_approved": 1000.0 * (pos < 6),
            } for pos in range(16)])
            for project, steps in zip(projects[:6], FOLLOW_UPS, strict=True):
                project.action_select()
                for step in steps:
                    getattr(project, f"action_{step}")()
            projects[6:].action_reject()
            cls.social[year] = projects
        # Evaluated in 2020 but not decided yet: no decision to count.
        Social.create({"name": "Pending", "partner_id": cls.org.id,
                       "evaluation_date": "2020-12-01"})

    @classmethod
    def _loans(cls):
        """A fund of 150,000 from 2019. 2020: loans to a self-employment project (10,000),
        a social project (20,000 approved, 18,000 disbursed), nobody's project (5,000),
        and one approved in November disbursed in January 2021. After the year end: the
        ceiling raised, a repayment, a new loan."""
        cls.fund2 = cls.env["ixl.guarantee.fund"].create({"name": "Fondo 2020",
                                                          "bank_id": cls.bank.id})
        cls.fund2.change_ceiling("2019-01-01", 150000.0, "Delibera 2019")
        social = cls.social[2020][0]

        def loan(amount, approved, disbursed=None, **vals):
            record = cls.make_loan(amount, fund_id=cls.fund2.id, date_request=approved,
                                   **vals)
            record.action_approve(approved)
            if disbursed:
                record.action_disburse(disbursed[0], disbursed[1])
            return record

        cls.se_loan = loan(10000, "2020-02-01", ("2020-03-01", 10000),
                           selfemployment_project_id=cls.se_projects[0].id)
        loan(20000, "2020-04-01", ("2020-05-01", 18000), borrower_type="organisation",
             beneficiary_id=False, partner_id=cls.org.id, social_project_id=social.id)
        loan(5000, "2020-06-01", ("2020-06-15", 5000))
        loan(8000, "2020-11-02", ("2021-01-10", 8000))
        cls.fund2.change_ceiling("2021-01-01", 200000.0, "Delibera 2021")
        cls.se_loan.register_repayment(3000, "2021-02-01")
        loan(30000, "2021-03-01")

    def test_selfemployment_proposals_2020(self):
        section = get_section(self.env(user=self.operator), "projects", "2020-01-01",
                              "2020-12-31")
        self.assertEqual(figures(section)[PROPOSALS], {
            "Projects proposed in the period": [38], "People proposing them": [35]})
        check_drilldowns(self, section)

    def test_committee_decisions(self):
        """Selected projects count as selected whatever they became since (the state block
        shows only the 2 still waiting to start)."""
        operator = self.env(user=self.operator)
        section = get_section(operator, "projects", "2020-01-01", "2020-12-31")
        values = figures(section)
        self.assertEqual(values[DECISIONS], {
            "Evaluated (decided)": [16, 100.0], "Selected": [6, 37.5],
            "Rejected": [10, 62.5]})
        self.assertEqual(values[STATES]["Selected"], [2, 11.8])
        blk = next(b for b in section["blocks"] if b["title"] == DECISIONS)
        self.assertEqual((blk["chart"], blk["rows"][0].get("total")), ("doughnut", True))
        check_drilldowns(self, section)
        four_years = figures(get_section(operator, "projects", "2017-01-01", "2020-12-31"))
        self.assertEqual(four_years[DECISIONS], {
            "Evaluated (decided)": [64, 100.0], "Selected": [24, 37.5],
            "Rejected": [40, 62.5]})

    def test_decision_migrated_from_state(self):
        """Projects that left "submitted" without their decision recorded (imported or
        moved by hand) get it from their state."""
        Social = self.env["ixl.social.project"]
        moved = Social.create([{"name": f"Old {state}", "partner_id": self.org.id,
                                "evaluation_date": "2019-05-05"}
                               for state in ("concluded", "rejected", "standby", "submitted")])
        for project, state in zip(moved, ("concluded", "rejected", "standby", "submitted"),
                                  strict=True):
            project.state = state  # as superuser: no decision written
        self.env.flush_all()
        run_migration(self.env.cr, "ixl_microcredit/migrations/18.0.1.2.0/post-migrate.py")
        moved.invalidate_recordset()
        self.assertEqual(moved.mapped("decision"), ["selected", "rejected", "selected", False])

    def test_project_funding_2020(self):
        section = get_section(self.env(user=self.finance), "project_funding", "2020-01-01",
                              "2020-12-31")
        values = figures(section)
        self.assertEqual(values[SOCIAL_LOANS], {
            "Approved in the period": [20000.0, 1], "Disbursed in the period": [18000.0, 1]})
        self.assertEqual(values[DISBURSED], {
            "Total": [33000.0, 3],
            "Self-employment projects": [10000.0, 1],
            "Social-innovation projects": [18000.0, 1],
            "Other loans": [5000.0, 1],
        })
        blk = next(b for b in section["blocks"] if b["title"] == DISBURSED)
        self.assertEqual((blk["chart"], blk["rows"][0].get("total")), ("doughnut", True))
        self.assertEqual(values["Social-innovation projects"][
            "Funding approved (projects evaluated in the period)"], [6000.0, 6])
        check_drilldowns(self, section)

    def test_fund_at_the_end_of_2020(self):
        """As of 31 December 2020, whatever was posted after: the 2021 ceiling, the 2021
        repayment and the 2021 loan change nothing."""
        section = get_section(self.env(user=self.finance), "guarantee_fund", "2020-01-01",
                              "2020-12-31")
        # committed: 8,000 + (16,000 - 1,600 released) + 4,000 + 6,400 = 32,800
        self.assertEqual(figures(section)["Fondo 2020"], {
            "Ceiling at the end of the period": [150000.0],
            "Guarantees committed at the end of the period": [32800.0],
            "Used at the end of the period (committed + net losses)": [32800.0],
            "Free capacity at the end of the period": [117200.0],
            "Utilisation at the end of the period (%)": [21.9],
            "Guarantees committed in the period": [34400.0],
            "Guarantees released in the period": [1600.0],
            "Guarantees called (losses) in the period": [0.0],
            "Recovered in the period": [0.0],
        })
        check_drilldowns(self, section)
        today = figures(get_section(self.env(user=self.finance), "guarantee_fund",
                                    "2021-01-01", "2021-12-31"))["Fondo 2020"]
        # 32,800 - 2,400 released by the repayment + 24,000 of the March loan
        self.assertEqual(today["Guarantees committed at the end of the period"], [54400.0])
        self.assertEqual(today["Ceiling at the end of the period"], [200000.0])

    def test_query_count_one_year_and_ten(self):
        dashboard = self.env["ixl.dashboard"].with_user(self.coordinator)
        self.assertSameQueries(lambda: dashboard.get_dashboard("2020-01-01", "2020-12-31"),
                               lambda: dashboard.get_dashboard("2011-01-01", "2020-12-31"))
