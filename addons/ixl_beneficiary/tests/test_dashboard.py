from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..models.dashboard_tools import Period, percent, round_half_up
from .common import IxlCase
from .dashboard_common import DashboardMixin, check_drilldowns, column, figures

PERIOD = ("2024-01-01", "2024-12-31")
OLD = "2022-05-01 09:00:00"


class DashboardCase(DashboardMixin, IxlCase):
    """A dataset with known counts, built by hand (see the comments for every figure);
    the period is 2024, time frozen in 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Rome"))
        cls.italy = cls.env.ref("base.it")
        cls.morocco = cls.env.ref("base.ma")
        # People of the database (demo data) come before the dataset's.
        cls.last_id_before = cls.env["ixl.beneficiary"].with_context(active_test=False).search(
            [], order="id desc", limit=1).id or 0
        cls._make_registrations()
        cls._make_interviews()
        cls._make_placements()
        cls.env.flush_all()

    @classmethod
    def _make_registrations(cls):
        # Bologna time: 2024-01-01 00:30 is 2023-12-31 23:30 UTC (in), 2023-12-31 23:30 is
        # 22:30 UTC (out, previous period); same on 31 December 2024 / 1 January 2025.
        for when in ("2023-12-31 23:30:00", "2024-12-31 22:30:00", "2024-03-10 10:00:00",
                     "2024-03-11 10:00:00",  # in: January, December, March x2
                     "2023-12-31 22:30:00", "2023-06-01 10:00:00",  # previous period
                     "2024-12-31 23:30:00"):  # 1 January 2025 in Bologna: out
            cls.make_beneficiary(registration_date=when)

    @classmethod
    def _interviewed(cls, held, score=None, readiness="pending", **vals):
        person = cls.make_beneficiary(registration_date=OLD, **vals)
        outcome = "out_of_target" if score is None else "in_target"
        write = {"interview_held_date": held, "readiness": readiness, "state": outcome,
                 "first_outcome": outcome}
        if score is not None:
            write.update(vulnerability_score=score, has_score=True,
                         first_profile_type="strong" if score <= 10 else "weak")
        person.write(write)
        return person

    @classmethod
    def _make_interviews(cls):
        it, ma = cls.italy.id, cls.morocco.id
        cls._interviewed("2024-01-01", 5, "ready", gender="female", nationality_id=it,
                         birthdate_date="1990-01-01")  # 34: under 35
        cls._interviewed("2024-12-31", 15, "not_ready", gender="male", nationality_id=ma,
                         birthdate_date="1989-12-31")  # 35 on the day
        cls._interviewed("2024-06-01", 8, "fragile", gender="male", nationality_id=it,
                         birthdate_date="1989-06-02")  # 34
        cls._interviewed("2024-06-01", gender="female", birthdate_date="1970-02-02")
        no_birth = cls._interviewed("2024-07-01", 10, "pending", nationality_id=it)
        no_birth.birthdate_date = False
        cls._interviewed("2024-08-01", gender="male", nationality_id=it,
                         birthdate_date="1960-01-01")
        cls._interviewed("2023-12-31", 3, "ready", gender="male")  # the day before: out
        cls._interviewed("2025-01-01", 3, "ready", gender="male")  # the day after: out

    @classmethod
    def _make_placements(cls):
        it, ma = cls.italy.id, cls.morocco.id
        p1 = cls.make_beneficiary("active", registration_date=OLD, gender="female",
                                  nationality_id=it, birthdate_date="1995-04-04")
        p2 = cls.make_beneficiary("active", registration_date=OLD, gender="male",
                                  nationality_id=ma, birthdate_date="1980-04-04")
        p3 = cls.make_beneficiary("active", registration_date=OLD, gender="male",
                                  nationality_id=it, birthdate_date="1989-03-20")
        p4 = cls.make_beneficiary("active", registration_date=OLD, gender="female",
                                  nationality_id=ma, birthdate_date="2000-01-01")
        for person, ptype, contract, start, hours in [
            (p1, "hire", "permanent", "2024-01-01", 38),
            (p1, "hire", "fixed_term", "2024-12-31", 38),
            (p2, "internship", False, "2024-03-15", 30),
            (p3, "hire", "on_call", "2024-03-20", 0),  # 35 on the day
            (p4, "mini_job", False, "2024-05-05", 10),
            (p4, "self_employment", False, "2024-05-06", 0),
            (p2, "hire", "permanent", "2023-12-31", 38),  # the day before: out (2023)
            (p3, "hire", "permanent", "2025-01-01", 38),  # the day after: out
            (p2, "hire", "permanent", "2021-07-01", 38),  # trend 2021
            (p3, "internship", False, "2022-02-01", 20),  # trend 2022
        ]:
            cls.env["ixl.placement"].create({
                "beneficiary_id": person.id, "employer_id": cls.employer.id,
                "placement_type": ptype, "contract_type": contract, "date_start": start,
                "weekly_hours": hours,
            })

    def dashboard(self, user=None, **kwargs):
        model = self.env["ixl.dashboard"]
        if user:
            model = model.with_user(user)
        return model.get_dashboard(*PERIOD, **kwargs)

    def section(self, key, user=None):
        data = self.dashboard(user or self.operator)
        return next(s for s in data["sections"] if s["key"] == key)


@tagged("post_install", "-at_install")
class TestDashboardFigures(DashboardCase):

    def test_rounding_is_one_decimal_half_up(self):
        self.assertEqual(percent(1, 16), 6.3)  # 6.25: half up, not half even (6.2)
        self.assertEqual(percent(1, 80), 1.3)  # 1.25
        self.assertEqual(percent(2, 3), 66.7)
        self.assertEqual(percent(1, 3), 33.3)
        self.assertIsNone(percent(3, 0))
        self.assertEqual(round_half_up(4, 12), 0.3)

    def test_previous_period(self):
        previous = Period(date(2024, 1, 1), date(2024, 12, 31)).previous()
        self.assertEqual((previous.date_from, previous.date_to),
                         (date(2023, 1, 1), date(2023, 12, 31)))
        previous = Period(date(2024, 3, 10), date(2024, 3, 19)).previous()
        self.assertEqual((previous.date_from, previous.date_to),
                         (date(2024, 2, 29), date(2024, 3, 9)))

    def test_registrations(self):
        section = self.section("registrations")
        values = figures(section)["Registrations"]
        self.assertEqual(values["Registrations in the period"], [4])
        self.assertEqual(values["Monthly average"], [0.3])  # 4 / 12 months
        # issue 18: the previous period sits next to every figure (no row of its own)
        total = section["blocks"][0]["rows"][0]["cells"][0]
        self.assertEqual((total["previous"], total["change"], total["change_type"]),
                         (2, 100.0, "pct"))
        january = section["blocks"][1]["rows"][0]["cells"]
        self.assertEqual([(c["previous"], c["change"]) for c in january],
                         [(0, None), (0.0, 25.0)])  # 25% now, 0% then: +25 points
        self.assertEqual(january[1]["change_type"], "points")
        counts = column(section, "Registrations per month")
        self.assertEqual(counts, [1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        self.assertEqual(column(section, "Registrations per month", 1),
                         [25.0, 0.0, 50.0] + [0.0] * 8 + [25.0])

    def test_interviews(self):
        values = figures(self.section("interviews"))
        # "Outcome to be decided" since issue 15 (people interviewed, outcome pending)
        self.assertEqual(values["First interviews held"], {
            "Interviewed": [6, 100.0], "In target": [4, 66.7], "Not in target": [2, 33.3],
            "Outcome to be decided": [0, 0.0]})
        self.assertEqual(values["In target: readiness"], {
            "Ready for placement": [1, 25.0], "Not ready": [1, 25.0],
            "Fragile profile": [1, 25.0], "Evaluation not finished": [1, 25.0]})
        self.assertEqual(values["In target: profile"], {
            "Strong profile": [3, 75.0], "Weak profile": [1, 25.0]})
        self.assertEqual(values["By gender"], {
            "Male": [3, 50.0], "Female": [2, 33.3], "Other": [0, 0.0],
            "Not recorded": [1, 16.7]})
        # "Not recorded" since issue 15: two people without nationality were non-Italian
        self.assertEqual(values["By nationality"], {
            "Italian": [4, 66.7], "Non-Italian": [1, 16.7], "Not recorded": [1, 16.7]})
        self.assertEqual(values["By age"], {
            "Under 35": [2, 33.3], "35 and over": [3, 50.0],
            "Birth date not recorded": [1, 16.7]})

    def test_placements(self):
        section = self.section("placements")
        values = figures(section)
        self.assertEqual(values["Placements"], {
            "Placements in the period": [6], "Permanent contracts": [1]})
        self.assertEqual(column(section, "Placements per month"),
                         [1, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 1])
        self.assertEqual(column(section, "Placements per month", 1),
                         [16.7, 0.0, 33.3, 0.0, 33.3] + [0.0] * 6 + [16.7])
        self.assertEqual(values["By type"], {
            "Hire": [3, 50.0], "Internship": [1, 16.7], "Traineeship": [0, 0.0],
            "Mini job": [1, 16.7], "Self-employment": [1, 16.7]})
        self.assertEqual(values["Hires by contract"], {
            "Fixed-term": [1, 33.3], "Permanent": [1, 33.3], "On call": [1, 33.3],
            "Own account": [0, 0.0]})
        self.assertEqual(values["People placed"], {"People placed in the period": [4]})
        self.assertEqual(values["By gender"], {
            "Male": [2, 50.0], "Female": [2, 50.0], "Other": [0, 0.0],
            "Not recorded": [0, 0.0]})
        self.assertEqual(values["By nationality"], {
            "Italian": [2, 50.0], "Non-Italian": [2, 50.0], "Not recorded": [0, 0.0]})
        self.assertEqual(values["By age"], {
            "Under 35": [2, 50.0], "35 and over": [2, 50.0],
            "Birth date not recorded": [0, 0.0]})
        self.assertNotIn("Trend over the last four years", values, "moved to its section")
        # issue 18: % permanent is the share of the HIRES (it was of all placements: 16.7)
        trend = self.section("trend")
        columns = trend["blocks"][0]["columns"]
        self.assertEqual(columns[:6] + columns[-1:], [
            "Registrations", "First interviews", "Placements", "People placed", "Hires",
            "Permanent hires", "% permanent of hires"])  # other addons add columns
        self.assertEqual(column(trend, "Main figures over the last four years", 2),
                         [1, 1, 1, 6])
        self.assertEqual(column(trend, "Main figures over the last four years", 4),
                         [1, 0, 1, 3])
        self.assertEqual(column(trend, "Main figures over the last four years", -1),
                         [100.0, None, 100.0, 33.3])

    def test_every_figure_opens_its_records(self):
        """Each drill-down domain finds exactly the number shown (ORM count == figure)."""
        data = self.dashboard(self.coordinator)
        checked = 0
        for section in data["sections"]:
            for blk in section["blocks"]:
                for row in blk["rows"]:
                    for cell in row["cells"]:
                        if cell["type"] == "int" and "action" in cell:
                            action = cell["action"]
                            with self.subTest(section=section["key"], block=blk["title"],
                                              row=row["label"]):
                                self.assertEqual(self.env[action["model"]].search_count(
                                    action["domain"]), cell["value"])
                            checked += 1
                        elif cell["type"] == "int":
                            self.fail(f"figure without its records: {row['label']}")
        self.assertGreater(checked, 60)

    def test_age_at_interview_is_stored(self):
        person = self._interviewed("2024-05-05", 4, "ready", birthdate_date="1989-05-05")
        self.assertEqual((person.age_at_interview, person.interview_age_band), (35, "35_over"))
        person.birthdate_date = "1989-05-06"
        self.assertEqual((person.age_at_interview, person.interview_age_band), (34, "under_35"))

    def test_bad_periods(self):
        with self.assertRaises(UserError):
            self.env["ixl.dashboard"].get_dashboard("2024-12-31", "2024-01-01")
        with self.assertRaises(UserError):
            self.env["ixl.dashboard"].get_dashboard("2024-13-45", "2024-12-31")

    def test_default_period_is_the_current_year(self):
        data = self.env["ixl.dashboard"].with_user(self.operator).get_dashboard()
        self.assertEqual((data["date_from"], data["date_to"]), ("2025-01-01", "2025-12-31"))


@tagged("post_install", "-at_install")
class TestDashboardAccessAndSpeed(DashboardCase):

    def test_who_sees_what(self):
        portal = new_test_user(self.env, login="dash_portal", groups="base.group_portal")
        employee = new_test_user(self.env, login="dash_employee", groups="base.group_user")
        people = {"registrations", "interviews", "placements"}
        operator = {s["key"] for s in self.dashboard(self.operator)["sections"]}
        self.assertTrue(people <= operator)
        self.assertFalse({s["kind"] for s in self.dashboard(self.operator)["sections"]}
                         - {"people"}, "operators see no funds section")
        self.assertEqual([(d["can_see_people"], d["can_see_funds"]) for d in (
            self.dashboard(self.operator), self.dashboard(self.finance),
            self.dashboard(self.coordinator))], [(True, False), (False, True), (True, True)])
        finance = self.dashboard(self.finance)
        self.assertFalse(people & {s["key"] for s in finance["sections"]})
        self.assertEqual({s["kind"] for s in finance["sections"]} - {"funds"}, set())
        coordinator = self.dashboard(self.coordinator)
        self.assertTrue(people <= {s["key"] for s in coordinator["sections"]})
        funds_only = self.dashboard(self.coordinator, kinds=["funds"])
        self.assertFalse(people & {s["key"] for s in funds_only["sections"]})
        for user in (portal, employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.dashboard(user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ixl.dashboard.export"].with_user(user).create({
                    "date_from": "2024-01-01", "date_to": "2024-12-31"})

    def test_section_overridden_without_its_decorator_keeps_its_place(self):
        """An addon extending a section method (as ixl_calls_microcredit does) need not
        repeat ``@dt.section``: same key, kind and sequence, and its figures show."""
        cls = type(self.env["ixl.dashboard"])
        original = cls._dashboard_placements

        def extended(dashboard, period):
            section = original(dashboard, period)
            section["title"] = "Placements, extended"
            return section

        before = self.env["ixl.dashboard"]._dashboard_sections()
        self.assertIn({"key": "placements", "kind": "people", "sequence": 30,
                       "method": "_dashboard_placements"}, before)
        with patch.object(cls, "_dashboard_placements", extended):
            self.assertEqual(self.env["ixl.dashboard"]._dashboard_sections(), before)
            self.assertEqual(self.section("placements")["title"], "Placements, extended")

    def test_query_count_does_not_grow_with_the_data(self):
        def add_data():
            for day in range(1, 29):
                person = self._interviewed(f"2024-02-{day:02d}", day, "ready",
                                           birthdate_date="1980-01-01")
                person.state = "active"
                self.env["ixl.placement"].create({
                    "beneficiary_id": person.id, "employer_id": self.employer.id,
                    "placement_type": "hire", "contract_type": "permanent",
                    "date_start": f"2024-02-{day:02d}", "weekly_hours": 30})
                self.make_beneficiary(registration_date=f"2024-04-{day:02d} 10:00:00")

        self.assertSameQueries(lambda: self.dashboard(self.coordinator), add_data=add_data)


@tagged("post_install", "-at_install")
class TestDashboardPastFigures(DashboardCase):
    """Issue 15: archiving people (what the suite recommends instead of deleting) and a
    nationality not recorded."""

    def _people_sections(self):
        data = self.dashboard(self.operator)
        return {s["key"]: s for s in data["sections"]
                if s["key"] in ("registrations", "interviews", "placements")}

    def test_archiving_does_not_change_past_figures(self):
        before = self._people_sections()
        new = self.env["ixl.beneficiary"].search([("id", ">", self.last_id_before)])
        registered = new.filtered(lambda p: p.registration_date.year == 2024
                                  and not p.interview_held_date)[:1]
        interviewed = new.filtered(lambda p: p.interview_held_date
                                   and p.interview_held_date.year == 2024)[:1]
        placed = new.filtered(lambda p: p.placement_ids)[:1]
        (registered | interviewed | placed).with_user(self.coordinator).action_archive()
        after = self._people_sections()
        for key, section in before.items():
            with self.subTest(section=key):
                self.assertEqual(figures(after[key]), figures(section))
                check_drilldowns(self, after[key])
        self.assertEqual(figures(after["registrations"])["Registrations"][
            "Registrations in the period"], [4])

    def test_nationality_not_recorded_is_its_own_bucket(self):
        person = self.make_beneficiary("active", registration_date=OLD, gender="female",
                                       birthdate_date="1990-01-01")
        placement = self.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": self.employer.id,
            "placement_type": "internship", "date_start": "2024-09-01", "weekly_hours": 30})
        self.assertEqual(placement.nationality_group, "unknown")
        groups = dict(self.env["ixl.placement"]._read_group(
            [("id", "=", placement.id)], ["nationality_group"], ["__count"]))
        self.assertEqual(groups, {"unknown": 1}, "the placements' pivot")
        section = self.section("placements")
        self.assertEqual(figures(section)["By nationality"], {
            "Italian": [2, 40.0], "Non-Italian": [2, 40.0], "Not recorded": [1, 20.0]})
        check_drilldowns(self, section)
        person.nationality_id = self.italy
        self.assertEqual(placement.nationality_group, "italian")
