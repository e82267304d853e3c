from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.tests.dashboard_common import (
    DashboardMixin,
    check_drilldowns,
    figures,
    get_section,
)

from .common_meetings import MeetingCase
from .test_event_series import webinar


@tagged("post_install", "-at_install")
class TestMeetingsDashboard(DashboardMixin, MeetingCase):
    """2024: the Tavolo tecnico met four times (one more was cancelled, one was held on
    New Year's night, already 2025 in Bologna), the Tavolo di coordinamento twice; a
    webinar cycle with an event in 2024 and one in 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for table, start, minutes, action in [
            (cls.tecnico, "2024-01-15 09:00:00", True, "hold"),
            (cls.tecnico, "2024-04-15 09:00:00", True, "hold"),
            (cls.tecnico, "2024-07-15 09:00:00", True, "hold"),
            (cls.tecnico, "2024-12-31 17:00:00", True, "hold"),  # Bologna 31 Dec 18:00
            (cls.tecnico, "2024-10-15 09:00:00", False, "cancel"),
            (cls.tecnico, "2024-12-31 23:30:00", True, "hold"),  # 1 Jan 2025 in Bologna
            (cls.coordinamento, "2024-03-01 09:00:00", True, "hold"),
            (cls.coordinamento, "2024-09-01 09:00:00", True, "hold"),
            (cls.coordinamento, "2023-09-01 09:00:00", True, "hold"),  # the year before
        ]:
            meeting = cls.plan(table, start, minutes="<p>Verbale</p>" if minutes else False)
            if action:
                getattr(meeting.with_user(cls.coordinator), f"action_{action}")()
        cls.series = cls.env["ixl.event.series"].create({"name": "È arrivato domani"})
        speakers = cls.env["res.partner"].create([{"name": f"S{i}"} for i in range(3)])
        cls.events = webinar(cls.env, "W1", "2024-05-10", cls.series, speakers[:2]) | \
            webinar(cls.env, "W2", "2025-02-10", cls.series, speakers[1:])
        regs = cls.env["event.registration"].create(
            [{"event_id": event.id, "name": f"P{i}"} for event in cls.events for i in range(3)])
        regs[:2].action_set_done()
        cls.env["ixl.event.series"].create({"name": "Old series"})
        webinar(cls.env, "Old", "2022-05-10", cls.env["ixl.event.series"].search(
            [("name", "=", "Old series")]))

    def test_meetings_held_per_table(self):
        section = get_section(self.env(user=self.coordinator), "meetings")
        self.assertEqual(figures(section)["Meetings held per table"], {
            "Tavolo tecnico": [4], "Tavolo di coordinamento": [2], "Total": [6]})
        check_drilldowns(self, section)
        self.assertIsNone(get_section(self.env(user=self.operator), "meetings"))

    def test_series_totals(self):
        section = get_section(self.env(user=self.operator), "event_series")
        self.assertEqual(figures(section), {
            "Series with an event in the period (totals of the whole series)": {
                "È arrivato domani": [2, 6, 2, 3]}})
        check_drilldowns(self, section)

    def test_fixed_query_count(self):
        Dashboard = self.env["ixl.dashboard"].with_user(self.coordinator)

        def sections(date_from):
            period = dt.Period(dt.date.fromisoformat(date_from), dt.date(2024, 12, 31))
            return lambda: (Dashboard._dashboard_meetings(period),
                            Dashboard._dashboard_event_series(period))

        def add_data():
            for year in range(2014, 2024):
                for month in (1, 4, 7, 10):
                    meeting = self.plan(self.tecnico, f"{year}-{month:02d}-10 09:00:00",
                                        minutes="<p>V</p>")
                    meeting.with_user(self.coordinator).action_hold()
                series = self.env["ixl.event.series"].create({"name": f"Ciclo {year}"})
                webinar(self.env, f"W {year}", f"{year}-06-01", series, self.members[:2])

        self.assertSameQueries(sections("2024-01-01"), sections("2014-01-01"), add_data)
