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
        packages = values["Training packages by course kind (enrolled in the period)"]
        self.assertEqual(packages["Total"], [3, 100.0])
        self.assertEqual(packages["Qualification (OSS, CQC...)"], [2, 66.7])
        self.assertEqual(packages["Italian language"], [1, 33.3])
        self.assertEqual(packages["Technical"], [0, 0.0])
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
