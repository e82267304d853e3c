from odoo.tests import Form, tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    column,
    figures,
    get_section,
)

from .common import TrainingCase, new_ips_operator

PACKAGES = "Training packages delivered in the period (course started), by category"
INDICATORS = "Course indicators (editions ended in the period)"
IPS_PATHS = "IPS paths"
IPS_PLACEMENTS = "Placements of people on an IPS path, by contract"
TECHNICAL = "Technical-specific (with qualifications and cleaning)"
# course kind -> participants of its 2020 edition (374 in the report's seven categories)
EDITIONS_2020 = [("dynamic_cv", 100), ("soft_skills", 80), ("technical", 20),
                 ("cleaning", 18), ("safety", 50), ("italian", 40),
                 ("skills_assessment", 30), ("haccp", 14), ("other", 3)]


@tagged("post_install", "-at_install")
class TestTrainingDashboard2020(DashboardMixin, TrainingCase):
    """The 2020 figures of the annual report rebuilt through the models: 374 training
    packages in the seven categories, the OSS 2020 course (22 participants, 41
    placements, 20 people employed), IPS with about 40 people followed at a time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = [cls.make_beneficiary(state="active") for _i in range(100)]
        cls._training()
        cls._oss_placements()
        cls._ips()

    @classmethod
    def _course(cls, kind):
        return cls.env["ixl.course"].create({"name": f"Course {kind}", "kind": kind,
                                             "provider_id": cls.provider.id})

    @classmethod
    def _enrol(cls, edition, people, enrolled_on):
        cls.env["ixl.training.package"].create([
            {"beneficiary_id": person.id, "edition_id": edition.id,
             "date_enrolled": enrolled_on} for person in people])

    @classmethod
    def _training(cls):
        # Every 2020 edition starts on 13 January 2020, its people enrolled in December 2019.
        for kind, count in EDITIONS_2020:
            edition = cls.make_edition(f"{kind} 2020", course_id=cls._course(kind).id,
                                       date_start="2020-01-13", date_end="2020-03-31")
            cls._enrol(edition, cls.people[:count], "2019-12-16")
        # OSS 2020 (qualification: technical-specific): 22 participants.
        cls.oss = cls.make_edition("OSS 2020", date_start="2020-01-13", date_end="2020-06-30",
                                   window_end_date="2020-12-31")
        cls._enrol(cls.oss, cls.people[:22], "2019-12-20")
        # Enrolled in December 2020 for a January 2021 course: delivered in 2021.
        late = cls.make_edition("Dynamic CV 2021", course_id=cls._course("dynamic_cv").id,
                                date_start="2021-01-11", date_end="2021-02-28")
        cls._enrol(late, cls.people[:5], "2020-12-10")

    @classmethod
    def _oss_placements(cls):
        """41 placements of 20 OSS participants in the window (its calendar end, 31
        December 2020):
        19 people placed and renewed once, one placed and renewed twice."""
        for pos, person in enumerate(cls.people[:20]):
            previous = cls.place(person, "2020-07-01")
            previous = cls.place(person, "2020-10-01", previous=previous)
            if pos == 0:
                cls.place(person, "2020-12-31", contract="permanent", previous=previous)
        cls.place(cls.people[20], "2021-01-01")  # after the window

    @classmethod
    def _ips(cls):
        """48 people on IPS paths: 30 since September 2019 (10 closed on 31 March 2020),
        10 from 1 February 2020, 8 from 1 April 2020 (5 closed on 31 October 2020): 40
        followed at a time from 1 February to 31 March, 33 at the end of the year."""
        cls.ips_user = new_ips_operator(cls.env, "ixl_ips_2020")
        worker = cls.env["hr.employee"].create({"name": "IPS worker", "is_ips_operator": True})
        Path = cls.env["ixl.ips.path"]

        def paths(people, start):
            return Path.create([{"beneficiary_id": person.id, "employee_id": worker.id,
                                 "date_start": start} for person in people])

        ips_people = cls.people[50:98]
        first = paths(ips_people[:30], "2019-09-01")
        first[:10].action_close("2020-03-31")
        paths(ips_people[30:40], "2020-02-01")
        last = paths(ips_people[40:48], "2020-04-01")
        last[:5].action_close("2020-10-31")
        cls.ips_people = ips_people
        # On a path when they start: 2 fixed-term (a renewal) + 1 fixed-term, 1 permanent,
        # 1 internship in 2020; one placement in 2019 (on the path, another year).
        renewed = cls.place(ips_people[20], "2020-03-01")
        cls.place(ips_people[20], "2020-09-01", previous=renewed)
        cls.place(ips_people[21], "2020-05-01")
        cls.place(ips_people[30], "2020-06-01", contract="permanent")
        cls.env["ixl.placement"].create({
            "beneficiary_id": ips_people[40].id, "employer_id": cls.employer.id,
            "placement_type": "internship", "date_start": "2020-07-01"})
        cls.place(ips_people[22], "2019-11-01")
        # Not on a path that day: closed on 31 March, placed on 1 April.
        cls.place(ips_people[0], "2020-04-01")

    def test_training_packages_2020(self):
        section = get_section(self.env(user=self.operator), "training", "2020-01-01",
                              "2020-12-31")
        packages = figures(section)[PACKAGES]
        self.assertEqual(packages, {
            "Total": [377, 100.0],
            "Dynamic CV": [100, 26.5],
            "Soft skills": [80, 21.2],
            TECHNICAL: [60, 15.9],  # 20 technical + 22 OSS + 18 cleaning
            "Safety at work": [50, 13.3],
            "Italian language": [40, 10.6],
            "Skills assessment": [30, 8.0],
            "HACCP food handler": [14, 3.7],
            "Other courses (not in the report's categories)": [3, 0.8],
        })
        self.assertEqual(sum(column(section, PACKAGES)[1:8]), 374)
        blk = next(b for b in section["blocks"] if b["title"] == PACKAGES)
        self.assertEqual(blk["chart"], "doughnut")
        self.assertTrue(blk["rows"][0].get("total"))
        check_drilldowns(self, section)
        # The December 2019 enrolments count in 2020 (the courses started then), the
        # December 2020 ones in 2021.
        before = figures(get_section(self.env(user=self.operator), "training", "2019-01-01",
                                     "2019-12-31"))[PACKAGES]
        self.assertEqual(before["Total"], [0, None])
        after = figures(get_section(self.env(user=self.operator), "training", "2021-01-01",
                                    "2021-12-31"))[PACKAGES]
        self.assertEqual(after["Dynamic CV"], [5, 100.0])

    def test_oss_2020_indicators(self):
        section = get_section(self.env(user=self.operator), "training", "2020-01-01",
                              "2020-12-31")
        indicators = figures(section)[INDICATORS]
        # participants, placements, people employed, employment %, placement %
        self.assertEqual(indicators["OSS 2020"], [22, 41, 20, 90.9, 186.4])
        self.assertEqual(len(indicators), len(EDITIONS_2020) + 1)
        blk = next(b for b in section["blocks"] if b["title"] == INDICATORS)
        self.assertEqual(blk["chart"], "trend")
        self.assertEqual(self.oss.placement_rate, 186.4)
        self.assertEqual(self.oss.employment_rate, 90.9)

    def test_ips_2020(self):
        section = get_section(self.env(user=self.ips_user), "ips", "2020-01-01", "2020-12-31")
        values = figures(section)
        self.assertEqual(values[IPS_PATHS], {
            "Paths started in the period": [18],
            "People on an IPS path at the end of the period": [33],
            "Most paths active at the same time in the period": [40],
            "First day with that many active paths": ["02/01/2020"],
        })
        self.assertEqual(values[IPS_PLACEMENTS], {
            "Total": [5, 4],
            "Hire: Fixed-term": [3, 2],
            "Hire: Permanent": [1, 1],
            "Hire: On call": [0, 0],
            "Hire: Own account": [0, 0],
            "Internship": [1, 1],
            "Traineeship": [0, 0],
            "Mini job": [0, 0],
            "Self-employment": [0, 0],
        })
        blk = next(b for b in section["blocks"] if b["title"] == IPS_PLACEMENTS)
        self.assertEqual(blk["chart"], "doughnut")
        self.assertEqual(column(section, IPS_PLACEMENTS)[0], 5)
        check_drilldowns(self, section)
        # As of 31 March 2020 (a past date): the ten paths closed that day still count.
        march = figures(get_section(self.env(user=self.ips_user), "ips", "2020-03-01",
                                    "2020-03-31"))[IPS_PATHS]
        self.assertEqual(march["People on an IPS path at the end of the period"], [40])
        april = figures(get_section(self.env(user=self.ips_user), "ips", "2020-04-01",
                                    "2020-04-30"))[IPS_PATHS]
        self.assertEqual(april["People on an IPS path at the end of the period"], [38])
        self.assertEqual(april["Most paths active at the same time in the period"], [38])

    def test_ips_only_for_ips_staff(self):
        """Health-related: plain operators do not get the IPS section; coordinators do."""
        self.assertIsNone(get_section(self.env(user=self.operator), "ips"))
        self.assertIsNotNone(get_section(self.env(user=self.coordinator), "ips"))
        placement = self.env["ixl.placement"].search(
            [("beneficiary_id", "=", self.ips_people[21].id)])
        self.assertNotIn("ips_path_id", placement.with_user(self.operator).read()[0])
        self.assertTrue(placement.with_user(self.ips_user).ips_path_id)

    def test_operator_records_a_placement_of_a_person_on_a_path(self):
        """An operator (no access to IPS paths) records the placement on the usual form:
        it links to the path all the same, and the IPS operator sees the link."""
        person = self.ips_people[35]  # on a path since 1 February 2020
        with Form(self.env["ixl.placement"].with_user(self.operator)) as form:
            form.beneficiary_id = person
            form.employer_id = self.employer
            form.placement_type = "hire"
            form.contract_type = "on_call"
            form.date_start = "2020-11-02"
        placement = form.record
        path = self.env["ixl.ips.path"].search([("beneficiary_id", "=", person.id)])
        self.assertEqual(placement.sudo().ips_path_id, path)
        with Form(placement.with_user(self.ips_user)) as form:
            self.assertEqual(form.ips_path_id, path)
        section = get_section(self.env(user=self.ips_user), "ips", "2020-01-01", "2020-12-31")
        self.assertEqual(figures(section)[IPS_PLACEMENTS]["Hire: On call"], [1, 1])

    def test_placement_linked_to_path(self):
        """A placement recorded before the IPS path is entered links to it once the path
        is recorded (started on or before the placement's start); closing the path before
        a later placement unlinks that one (a path closed on the day still counts)."""
        person = self.people[99]
        first = self.place(person, "2020-05-04")
        self.assertFalse(first.ips_path_id)
        worker = self.env["hr.employee"].search([("is_ips_operator", "=", True)], limit=1)
        path = self.env["ixl.ips.path"].with_user(self.ips_user).create({
            "beneficiary_id": person.id, "employee_id": worker.id,
            "date_start": "2020-05-04"})
        second = self.place(person, "2020-06-01")
        self.assertEqual((first | second).ips_path_id, path)
        path.with_user(self.ips_user).action_close("2020-05-31")
        self.assertEqual(first.ips_path_id, path)
        self.assertFalse(second.ips_path_id)
        self.assertEqual(path.placement_ids, first)
        path.with_user(self.coordinator).action_reopen()
        path.with_user(self.ips_user).action_close("2020-06-01")
        self.assertEqual(path.placement_ids, first | second)

    def test_query_count_one_year_and_ten(self):
        dashboard = self.env["ixl.dashboard"].with_user(self.coordinator)
        self.assertSameQueries(lambda: dashboard.get_dashboard("2020-01-01", "2020-12-31"),
                               lambda: dashboard.get_dashboard("2011-01-01", "2020-12-31"))
