from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)


@tagged("post_install", "-at_install")
class TestMicrocreditDashboard(DashboardMixin, IxlCase):
    """Projects, project funding and guarantee fund sections of 2024, hand-built data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary("active")
        SE = cls.env["ixl.selfemployment.project"]
        cls.se = {}
        for key, day, state in [("se1", "2024-01-01", "proposed"),
                                ("se2", "2024-12-31", "started"),
                                ("se3", "2024-06-01", "rejected"),
                                ("out1", "2023-12-31", "proposed"),
                                ("out2", "2025-01-01", "proposed")]:
            cls.se[key] = SE.create({"name": key, "beneficiary_id": cls.person.id,
                                     "date_proposed": day})
            cls.se[key].state = state
        org = cls.env["res.partner"].create({"name": "Coop Sociale", "is_company": True})
        Social = cls.env["ixl.social.project"]
        Payment = cls.env["ixl.social.project.payment"]
        for name, day, state, funding, payments in [
            ("S1", "2024-01-01", "selected", 10000, [("2024-02-01", 4000),
                                                     ("2025-01-01", 3000)]),
            ("S2", "2024-12-31", "concluded", 5000.5, [("2023-12-31", 1000),
                                                       ("2024-12-31", 2500.25)]),
            ("S3", "2024-05-05", "rejected", 0, []),
            ("S4", "2023-12-31", "selected", 7000, [("2024-06-01", 1500)]),
            ("S5", False, "submitted", 0, []),
        ]:
            project = Social.create({"name": name, "partner_id": org.id,
                                     "evaluation_date": day, "funding_approved": funding})
            project.state = state
            for pay_day, amount in payments:
                Payment.create({"project_id": project.id, "date": pay_day, "amount": amount})
        bank = cls.env["res.partner"].create({"name": "Banca", "is_company": True})
        cls.fund = cls.env["ixl.guarantee.fund"].create({"name": "Fondo", "bank_id": bank.id})
        cls.fund.change_ceiling("2023-01-01", 100000.0, "D1")
        cls.fund.change_ceiling("2025-01-01", 150000.0, "D2")  # after the period
        product = cls.env["ixl.loan.product"].create({"name": "SE", "coverage_rate": 80.0})

        def loan(amount, approved_on, project=False, disbursed=None):
            record = cls.env["ixl.loan"].create({
                "fund_id": cls.fund.id, "product_id": product.id,
                "beneficiary_id": cls.person.id, "amount_requested": amount,
                "amount_approved": amount, "term_months": 10, "date_request": approved_on,
                "selfemployment_project_id": project and project.id})
            with freeze_time(approved_on):
                record.action_approve()
            if disbursed:
                with freeze_time(disbursed[0]):
                    record.amount_disbursed = disbursed[1]
                    record.action_disburse()
            return record

        loan(10000, "2024-03-01", cls.se["se1"], ("2024-04-01", 9000))  # 8000, -800
        loan(5000, "2023-12-31", cls.se["se2"], ("2024-01-01", 5000))  # 4000 in 2023
        loan(20000, "2024-06-01")  # 16000, no project

    def test_projects(self):
        section = get_section(self.env(user=self.operator), "projects")
        values = figures(section)
        self.assertEqual(values["Self-employment projects proposed in the period, by state"], {
            "Total": [3, 100.0], "Proposed": [1, 33.3], "In accompaniment": [0, 0.0],
            "Stand-by": [0, 0.0], "Rejected": [1, 33.3], "Started and monitored": [1, 33.3]})
        self.assertEqual(
            values["Social-innovation projects evaluated in the period, by state"], {
                "Total": [3, 100.0], "Submitted": [0, 0.0], "Selected": [1, 33.3],
                "Rejected": [1, 33.3], "In accompaniment": [0, 0.0],
                "Positively evaluated": [0, 0.0], "Concluded and funded": [1, 33.3],
                "Withdrawn": [0, 0.0], "Stand-by": [0, 0.0]})
        check_drilldowns(self, section)

    def test_project_funding(self):
        section = get_section(self.env(user=self.finance), "project_funding")
        values = figures(section)
        self.assertEqual(values["Social-innovation projects"], {
            "Funding approved (projects evaluated in the period)": [15000.5, 2],
            "Funding paid in the period": [8000.25, 3]})
        self.assertEqual(values["Credito Sociale loans to self-employment projects"], {
            "Approved in the period": [10000.0, 1], "Disbursed in the period": [14000.0, 2]})
        check_drilldowns(self, section)

    def test_guarantee_fund(self):
        section = get_section(self.env(user=self.finance), "guarantee_fund")
        self.assertEqual(figures(section)["Fondo"], {
            "Ceiling at the end of the period": [100000.0],
            "Guarantees committed at the end of the period": [27200.0],
            "Used at the end of the period (committed + net losses)": [27200.0],
            "Free capacity at the end of the period": [72800.0],
            "Utilisation at the end of the period (%)": [27.2],
            "Guarantees committed in the period": [24000.0],
            "Guarantees released in the period": [800.0],
            "Guarantees called (losses) in the period": [0.0],
            "Recovered in the period": [0.0],
        })
        check_drilldowns(self, section)

    def test_a_new_fund_leaves_the_others_compared_with_last_year(self):
        """A fund opened in 2024 (listed before "Fondo") has no 2023 figures; "Fondo"
        still shows its 2023 figures under its 2024 ones."""
        bank = self.env["res.partner"].create({"name": "Banca Alfa", "is_company": True})
        new_fund = self.env["ixl.guarantee.fund"].create({"name": "Alfa", "bank_id": bank.id})
        new_fund.change_ceiling("2024-03-01", 50000.0, "D-Alfa")
        section = get_section(self.env(user=self.finance), "guarantee_fund")
        titles = [blk["title"] for blk in section["blocks"]]  # demo funds may follow
        self.assertEqual(titles[:2], ["Alfa", "Fondo"])
        ceiling = {blk["title"]: blk["rows"][0]["cells"][0] for blk in section["blocks"]}
        self.assertNotIn("previous", ceiling["Alfa"])
        self.assertEqual(ceiling["Fondo"]["previous"], 100000.0)
        self.assertEqual(ceiling["Fondo"]["change"], 0.0)

    def test_who_sees_what(self):
        self.assertIsNone(get_section(self.env(user=self.finance), "projects"))
        self.assertIsNone(get_section(self.env(user=self.operator), "guarantee_fund"))
        self.assertIsNone(get_section(self.env(user=self.operator), "project_funding"))
        self.assertIsNotNone(get_section(self.env(user=self.coordinator), "guarantee_fund"))

    def test_fund_as_of_the_period_end(self):
        """The 2025 block (the current year, today 15 June) shows today's figures: a
        ceiling raised from September does not count yet. Archiving the fund, its
        product or its bank changes no past figure."""
        self.fund.change_ceiling("2025-09-01", 200000.0, "D3")
        finance = self.env(user=self.finance)
        current = figures(get_section(finance, "guarantee_fund", "2025-01-01", "2025-12-31"))
        self.assertEqual(current["Fondo"]["Ceiling at the end of the period"], [150000.0])
        self.assertEqual(current["Fondo"]["Free capacity at the end of the period"],
                         [150000.0 - 27200.0])
        before = figures(get_section(finance, "guarantee_fund"))
        self.fund.action_archive()
        self.fund.loan_ids.product_id.action_archive()
        self.fund.bank_id.action_archive()
        self.assertEqual(figures(get_section(finance, "guarantee_fund")), before)
        self.assertEqual(figures(get_section(finance, "project_funding"))[
            "Credito Sociale loans to self-employment projects"],
            {"Approved in the period": [10000.0, 1], "Disbursed in the period": [14000.0, 2]})
