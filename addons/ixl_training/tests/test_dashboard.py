from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainingDashboard(DashboardMixin, TrainingCase):
    """Training section of 2024 on hand-built editions, packages and placements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        italian = cls.env["ixl.course"].create({"name": "Italiano A2", "kind": "italian",
                                                "provider_id": cls.provider.id})
        # OSS: 1 January - 31 December 2024, window 6 months (agreement): until 30 June 2025
        cls.oss = cls.make_edition("OSS 2024", date_start="2024-01-01", date_end="2024-12-31")
        cls.ita = cls.make_edition("ITA 2024", course_id=italian.id, date_start="2023-11-01",
                                   date_end="2024-01-01")
        cls.out = cls.make_edition("ITA 2025", course_id=italian.id, date_start="2024-12-01",
                                   date_end="2025-01-01")  # ends the day after
        Package = cls.env["ixl.training.package"]
        people = cls.enrol(cls.oss, 3)
        # enrolment dates: 2 in 2024 (first and last day), 1 the day before
        for person, day in zip(people, ["2024-01-01", "2024-12-31", "2023-12-31"],
                               strict=True):
            Package.search([("beneficiary_id", "=", person.id)]).date_enrolled = day
        ita_people = cls.enrol(cls.ita, 1)
        Package.search([("beneficiary_id", "in", ita_people.ids)]).date_enrolled = "2024-06-01"
        out_people = cls.enrol(cls.out, 1)
        Package.search([("beneficiary_id", "in", out_people.ids)]).date_enrolled = "2025-01-01"
        # OSS: person 0 placed twice in the window (a renewal), person 1 once after it
        first = cls.place(people[0], "2024-05-01")
        cls.place(people[0], "2024-11-01", previous=first)
        cls.place(people[1], "2025-07-01")
        cls.oss_people = people
        cls.place(ita_people[0], "2024-02-01", contract="permanent")

    def test_training(self):
        section = get_section(self.env(user=self.operator), "training")
        values = figures(section)
        packages = values[
            "Training packages delivered in the period (course started), by category"]
        # Delivered when the course starts: OSS 2024 (3 people, technical-specific) and
        # ITA 2025 (started 1 December 2024); ITA 2024 started in 2023.
        self.assertEqual(packages["Total"], [4, 100.0])
        self.assertEqual(
            packages["Technical-specific (with qualifications and cleaning)"], [3, 75.0])
        self.assertEqual(packages["Italian language"], [1, 25.0])
        self.assertEqual(packages["Dynamic CV"], [0, 0.0])
        self.assertEqual(values["Course indicators (editions ended in the period)"], {
            # participants, placements, people employed, employment %, placement %
            "ITA 2024": [1, 1, 1, 100.0, 100.0],
            "OSS 2024": [3, 2, 1, 33.3, 66.7],
        })
        check_drilldowns(self, section)

    def test_archived_people_do_not_change_past_figures(self):
        """Issue 14: archiving a participant (e.g. after the retention period) leaves the
        indicators of a past edition as they were, and the drill-downs still open them."""
        before = figures(get_section(self.env(user=self.operator), "training"))
        self.oss_people.action_archive()
        self.course.action_archive()
        section = get_section(self.env(user=self.operator), "training")
        self.assertEqual(figures(section), before)
        check_drilldowns(self, section)

    def test_window_ending_on_a_calendar_date(self):
        """"Placements 2018-2020": an edition ended in June 2018 observed until 31
        December 2020 counts a placement of that day, not one of 1 January 2021; with the
        agreement's six months it would count neither."""
        edition = self.make_edition("OSS 2018", date_start="2018-01-08", date_end="2018-06-29",
                                    window_end_date="2020-12-31")
        people = self.enrol(edition, 3)
        self.place(people[0], "2018-09-03")
        self.place(people[1], "2020-12-31")
        self.place(people[2], "2021-01-01")
        section = get_section(self.env(user=self.operator), "training", "2018-01-01",
                              "2018-12-31")
        # participants, placements, people employed, employment %, placement %
        self.assertEqual(figures(section)["Course indicators (editions ended in the period)"],
                         {"OSS 2018": [3, 2, 2, 66.7, 66.7]})
        check_drilldowns(self, section)
        edition.window_end_date = False
        self.assertEqual(edition.window_end.isoformat(), "2018-12-29")
        self.assertEqual((edition.placement_count, edition.employed_count), (1, 1))
