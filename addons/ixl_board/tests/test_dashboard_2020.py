"""Issue 18: the year 2020 of the annual report ("Piano di lavoro") rebuilt through the
models, and the figures of the dashboard read as the report defines them.

2020: 1,062 registrations (700 with their first interview in 2020, 88 in 2021, 274
never); 40 first interviews in 2020 of people registered earlier; 354 placements for
152 people; 252 companies contacted, 103 joined the Board; 65 internships activated.
2019: 1,440 registrations (120 a month), 12 placements.
"""
from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase, make_fiscal_code
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    column,
    figures,
)

from .common import without_demo_board

YEAR = ("2020-01-01", "2020-12-31")
TREND = "Main figures over the last four years"


def chart_data(section, title):
    """What a chart of the block draws: (label, first column) of the rows not total."""
    blk = next(b for b in section["blocks"] if b["title"] == title)
    return [(row["label"], row["cells"][0]["value"]) for row in blk["rows"]
            if not row.get("total")]


@tagged("post_install", "-at_install")
class TestDashboard2020(DashboardMixin, IxlCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        without_demo_board(cls.env)
        cls._make_registrations()
        cls._make_board()
        cls._make_placements()
        cls._make_internships()
        cls.env.flush_all()

    @classmethod
    def _people(cls, count, **vals):
        """``count`` beneficiaries in one create; ``vals`` may be callables of the index."""
        values = []
        for index in range(count):
            cls._seq += 1
            birth = f"{1960 + cls._seq % 40}-0{1 + cls._seq % 9}-1{cls._seq % 9}"
            values.append({
                "first_name": "Anna", "last_name": f"Bianchi{cls._seq}",
                "fiscal_code": make_fiscal_code("BIANCHI", "ANNA", birth,
                                                town=f"B{cls._seq % 1000:03d}"),
                "birthdate_date": birth, "municipality_id": cls.bologna.id,
                **{key: value(index) if callable(value) else value
                   for key, value in vals.items()},
            })
        return cls.env["ixl.beneficiary"].create(values)

    @classmethod
    def _make_registrations(cls):
        def registered(year):
            return lambda i: f"{year}-{1 + i % 12:02d}-05 10:00:00"

        # 2020: 700 interviewed in 2020, 88 in January 2021, 274 waiting
        cls._people(700, registration_date=registered(2020), state="in_target",
                    first_outcome="in_target",
                    interview_held_date=lambda i: f"2020-{1 + i % 12:02d}-20")
        cls._people(88, registration_date=registered(2020), state="in_target",
                    first_outcome="in_target", interview_held_date="2021-01-15")
        cls._people(274, registration_date=registered(2020))
        # 2019: 120 a month, 40 of them interviewed in January 2020
        cls._people(40, registration_date=registered(2019), state="in_target",
                    first_outcome="in_target", interview_held_date="2020-01-10")
        cls._people(1400, registration_date=registered(2019))

    @classmethod
    def _make_board(cls):
        companies = cls.env["res.partner"].create([{
            # big enough to host 65 trainees under the regional quota (10% of the staff)
            "name": f"Company {index:03d}", "is_company": True, "ixl_employee_count": 1000,
            "ixl_board_state":
                "member" if index < 103 else "contacted",
            "ixl_contact_date": f"2020-{1 + index % 12:02d}-01",
            "ixl_board_join_date": index < 103 and f"2020-{1 + index % 12:02d}-15",
        } for index in range(252)])
        cls.companies = companies
        # Ten members of 2020 left in 2021: members at the end of 2020 still.
        companies[93:103].write({"ixl_board_state": "left",
                                 "ixl_board_leave_date": "2021-03-01"})
        # A member of 2018-2019 that joined again in 2022: not a member at the end of 2020.
        cls.back = cls.env["res.partner"].create({
            "name": "Back Again", "is_company": True, "ixl_board_state": "member",
            "ixl_contact_date": "2018-01-01", "ixl_board_join_date": "2018-02-01"})
        cls.back.write({"ixl_board_state": "left", "ixl_board_leave_date": "2019-06-30"})
        cls.back.write({"ixl_board_state": "member", "ixl_board_join_date": "2022-01-10",
                        "ixl_board_leave_date": False})

    @classmethod
    def _make_placements(cls):
        cls.placed = cls._people(152, registration_date="2018-03-01 10:00:00", state="active",
                                 interview_held_date="2018-03-10", first_outcome="in_target")
        alfa, beta, gamma, delta = cls.companies[:4]
        # 274 placements: hires 125 fixed-term, 40 permanent, 20 on call; 30 traineeships,
        # 39 mini jobs, 20 self-employment. Alfa 100, Beta 80, Gamma 60, Delta 34.
        kinds = ([("hire", "fixed_term")] * 125 + [("hire", "permanent")] * 40
                 + [("hire", "on_call")] * 20 + [("traineeship", False)] * 30
                 + [("mini_job", False)] * 39 + [("self_employment", False)] * 20)
        employers = [alfa] * 100 + [beta] * 80 + [gamma] * 60 + [delta] * 34
        values = [{
            "beneficiary_id": cls.placed[index % 152].id, "employer_id": employers[index].id,
            "placement_type": ptype, "contract_type": contract,
            "date_start": f"2020-{1 + index % 12:02d}-{1 + index % 28:02d}",
        } for index, (ptype, contract) in enumerate(kinds)]
        # 2019: 12 hires, 3 of them permanent
        values += [{
            "beneficiary_id": cls.placed[index].id, "employer_id": alfa.id,
            "placement_type": "hire", "contract_type": "permanent" if index < 3 else "fixed_term",
            "date_start": f"2019-{1 + index:02d}-10"} for index in range(12)]
        cls.env["ixl.placement"].create(values)

    @classmethod
    def _make_internships(cls):
        """65 internships hosted by Company 004, started in 2020: 15 hired (fixed-term)
        in 2020, 5 hired (permanent) on 1 January 2021, 20 continued, 15 ended, 10
        still ongoing. Their placements: 65 internships and 15 hires in 2020."""
        host = cls.companies[4]
        plan = ([("hired_fixed_term", "2020-03-01", "2020-06-30")] * 15
                + [("hired_permanent", "2020-10-01", "2020-12-31")] * 5
                + [("continued", "2020-02-01", "2020-04-30")] * 20
                + [("ended", "2020-05-01", "2020-07-31")] * 15
                + [(None, "2020-11-01", "2021-02-28")] * 10)
        internships = cls.env["ixl.internship"].create([{
            "partner_id": host.id, "beneficiary_id": cls.placed[index].id,
            "tutor_name": "Tina", "date_start": start, "date_end": end,
            "monthly_indemnity": 500,
        } for index, (_outcome, start, end) in enumerate(plan)])
        internships.action_start()
        internships[:15].action_close("hired_fixed_term")
        internships[15:20].action_close("hired_permanent")
        internships[20:40].write({"state": "done", "outcome": "continued"})  # before Extend
        internships[40:55].action_close("ended")

    def get(self, date_from=YEAR[0], date_to=YEAR[1]):
        data = self.env["ixl.dashboard"].with_user(self.coordinator).get_dashboard(
            date_from, date_to)
        return {section["key"]: section for section in data["sections"]}

    def test_registrations_and_first_interviews(self):
        sections = self.get()
        values = figures(sections["registrations"])
        self.assertEqual(values["Registrations"], {
            "Registrations in the period": [1062], "Monthly average": [88.5]})
        self.assertEqual(column(sections["registrations"], "Registrations per month"),
                         [90] * 4 + [88] * 6 + [87] * 2)
        self.assertEqual(values["People registered in the period: first interview"], {
            "Registered in the period": [1062, 100.0],
            "First interview by the end of the period": [700, 65.9],
            "First interview after the end of the period": [88, 8.3],
            "No first interview yet": [274, 25.8],
            "Interviewed by today (ever)": [788, 74.2]})
        # the other figure: first interviews HELD in 2020, whoever registered when
        self.assertEqual(figures(sections["interviews"])["First interviews held"][
            "Interviewed"], [740, 100.0])
        # 2019 next to 2020
        total = sections["registrations"]["blocks"][0]["rows"][0]["cells"][0]
        self.assertEqual((total["previous"], total["change"]), (1440, -26.3))
        self.assertEqual([blk.get("chart") for blk in sections["registrations"]["blocks"]],
                         [None, "bar", "doughnut"])
        self.assertEqual(chart_data(sections["registrations"],
                                    "People registered in the period: first interview"), [
            ("First interview by the end of the period", 700),
            ("First interview after the end of the period", 88),
            ("No first interview yet", 274)])
        self.assertEqual(chart_data(sections["interviews"], "First interviews held"), [
            ("In target", 740), ("Not in target", 0), ("Outcome to be decided", 0)])
        check_drilldowns(self, sections["registrations"])
        check_drilldowns(self, sections["interviews"])

    def test_placements(self):
        section = self.get()["placements"]
        values = figures(section)
        self.assertEqual(values["Placements"], {
            "Placements in the period": [354], "Permanent contracts": [40]})
        self.assertEqual(values["By type"], {
            "Hire": [200, 56.5], "Internship": [65, 18.4], "Traineeship": [30, 8.5],
            "Mini job": [39, 11.0], "Self-employment": [20, 5.6]})
        self.assertEqual(values["Hires by contract"], {
            "Fixed-term": [140, 70.0], "Permanent": [40, 20.0], "On call": [20, 10.0],
            "Own account": [0, 0.0]})
        self.assertEqual(values["People placed"], {"People placed in the period": [152]})
        # direct placements 23 a month (22 in November and December), internships
        # started in February (20), March (15), May (15), October (5), November (10),
        # hires after the internship on 1 July (15)
        self.assertEqual(column(section, "Placements per month"),
                         [23, 43, 38, 23, 38, 23, 38, 23, 23, 28, 32, 22])
        self.assertEqual(chart_data(section, "By type"), [
            ("Hire", 200), ("Internship", 65), ("Traineeship", 30), ("Mini job", 39),
            ("Self-employment", 20)])
        charts = {blk["title"]: blk.get("chart") for blk in section["blocks"]}
        self.assertEqual(charts, {
            "Placements": None, "Placements per month": "bar", "By type": "doughnut",
            "Hires by contract": "doughnut", "People placed": None, "By gender": "doughnut",
            "By nationality": "doughnut", "By age": "doughnut"})
        hires = section["blocks"][2]["rows"][0]["cells"][0]
        self.assertEqual((hires["previous"], hires["change"]), (12, 1566.7))
        check_drilldowns(self, section)

    def test_trend(self):
        section = self.get()["trend"]
        blk = section["blocks"][0]
        self.assertEqual((blk["chart"], blk["compare"]), ("trend", None))
        self.assertEqual(figures(section)[TREND], {
            # registrations, first interviews, placements, people placed, hires,
            # permanent hires, internships activated, % permanent of hires
            "2017": [0, 0, 0, 0, 0, 0, 0, None],
            "2018": [152, 152, 0, 0, 0, 0, 0, None],
            "2019": [1440, 0, 12, 12, 12, 3, 0, 25.0],
            "2020": [1062, 740, 354, 152, 200, 40, 65, 20.0],  # 40/354 = 11.3 before
        })
        self.assertNotIn("previous", blk["rows"][0]["cells"][0])
        check_drilldowns(self, section)

    def test_board_and_ranking(self):
        section = self.get()["board"]
        values = figures(section)
        self.assertEqual(values["Board of companies"], {
            "Companies contacted in the period": [252],
            "Companies contacted (all time)": [253],
            "Board members at the end of the period": [103],
            "Board members today": [94],  # 93 + Back Again
            "New members in the period": [103]})
        rows = {row["label"]: row["cells"][0] for row in section["blocks"][0]["rows"]}
        self.assertEqual(rows["Board members at the end of the period"]["previous"], 0)
        self.assertNotIn("previous", rows["Board members today"], "not a figure of a period")
        self.assertNotIn("previous", rows["Companies contacted (all time)"])
        self.assertEqual(len(self.back.ixl_board_membership_ids), 2, "both stays kept")
        at_2019 = figures(self.get("2019-01-01", "2019-12-31")["board"])
        self.assertEqual(at_2019["Board of companies"][
            "Board members at the end of the period"], [0], "Back Again left in June 2019")
        at_2018 = figures(self.get("2018-01-01", "2018-12-31")["board"])
        self.assertEqual(at_2018["Board of companies"][
            "Board members at the end of the period"], [1])
        # ALL placements (hosted internships and their hires included): Company 004
        # hosts the 65 internships and their 15 hires of 2020, 80 like Beta's hires
        self.assertEqual(values["Top companies by placements"], {
            "Company 000": [100, "1"], "Company 001": [80, "2"], "Company 004": [80, "2"],
            "Company 002": [60, "4"], "Company 003": [34, "5"]})
        self.assertEqual(chart_data(section, "Top companies by placements"), [
            ("Company 000", 100), ("Company 001", 80), ("Company 004", 80),
            ("Company 002", 60), ("Company 003", 34)])
        self.assertEqual([(rank, count) for rank, count, _names in
                          self.env["ixl.ranking"]._get_ranking(2020)],
                         [(1, 100), (2, 80), (4, 60), (5, 34)])
        check_drilldowns(self, section)

    def test_internships(self):
        section = self.get()["internships"]
        values = figures(section)
        self.assertEqual(values["Internships"]["Activated in the period"], [65])
        self.assertEqual(values["Internships activated in the period: outcome"], {
            "Activated in the period": [65, 100.0], "Still ongoing": [10, 15.4],
            "Continued": [20, 30.8], "Hired, fixed-term": [15, 23.1],
            "Hired, permanent": [5, 7.7], "Ended": [15, 23.1]})
        self.assertEqual(chart_data(section, "Internships activated in the period: outcome"), [
            ("Still ongoing", 10), ("Continued", 20), ("Hired, fixed-term", 15),
            ("Hired, permanent", 5), ("Ended", 15)])
        self.assertEqual(values["Internships activated in the period: turned into a hire"], {
            "Turned into a hire": [20, 30.8], "Hired within the period": [15, 23.1],
            "Hired in the following year": [5, 7.7], "Hired later": [0, 0.0]})
        check_drilldowns(self, section)

    def test_same_queries_for_one_year_and_ten(self):
        # ten years: 2011-2020 and, for the comparison, 2001-2010 (no data at all)
        self.assertSameQueries(lambda: self.get(YEAR[0], YEAR[1]),
                               lambda: self.get("2011-01-01", YEAR[1]))

