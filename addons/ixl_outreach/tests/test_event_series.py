from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


def webinar(env, name, day, series=None, speakers=None):
    """A webinar of the cycle (no automatic emails: the test creates hundreds of
    registrations)."""
    return env["event.event"].create({
        "name": name, "ixl_kind": "webinar", "ixl_series_id": series and series.id,
        "date_begin": f"{day} 16:00:00", "date_end": f"{day} 17:30:00",
        "event_mail_ids": [(5, 0, 0)],
        "ixl_speaker_ids": [(6, 0, speakers.ids if speakers else [])],
    })


@tagged("post_install", "-at_install")
class TestEventSeries(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.speakers = cls.env["res.partner"].create(
            [{"name": f"Relatore {i + 1:02d}"} for i in range(37)])

    def test_the_2020_cycle_e_arrivato_domani(self):
        """The webinar cycle "È arrivato domani" of 2020: 7 meetings, 985 registrants,
        37 speakers (some spoke at two meetings: they count once)."""
        with Form(self.env["ixl.event.series"].with_user(self.coordinator)) as form:
            form.name = "È arrivato domani"
        series = form.record
        events = self.env["event.event"]
        for index in range(7):
            chunk = self.speakers[index * 5:index * 5 + 6] if index < 6 else self.speakers[30:]
            events |= webinar(self.env, f"È arrivato domani #{index + 1}",
                              f"2020-{index + 4:02d}-15", series, chunk)
        sizes = [141] * 5 + [140] * 2
        regs = self.env["event.registration"].create([
            {"event_id": event.id, "name": f"Iscritto {event.id}-{n}",
             "email": f"p{event.id}-{n}@example.com"}
            for event, size in zip(events, sizes, strict=True) for n in range(size)])
        self.assertEqual(len(regs), 985)
        regs[:600].action_set_done()
        # a cancelled registration is no registrant
        self.env["event.registration"].create({"event_id": events[0].id, "name": "Ritirato"}
                                              ).action_cancel()
        series = series.with_user(self.operator)
        self.assertEqual((series.event_count, series.registration_count,
                          series.attendee_count, series.speaker_count), (7, 985, 600, 37))
        self.assertGreater(sum(events.mapped("ixl_speaker_count")), 37)
        action = series.action_view_registrations()
        self.assertEqual(self.env[action["res_model"]].search_count(action["domain"]), 985)
        # the list shows the totals too
        rows = self.env["ixl.event.series"].with_user(self.operator).search_read(
            [("id", "=", series.id)],
            ["event_count", "registration_count", "attendee_count", "speaker_count"])
        self.assertEqual(rows[0]["registration_count"], 985)

    def test_totals_follow_the_events(self):
        series = self.env["ixl.event.series"].with_user(self.coordinator).create(
            {"name": "Ciclo"})
        first = webinar(self.env, "Primo", "2026-03-01", series, self.speakers[:2])
        webinar(self.env, "Fuori serie", "2026-03-02", None, self.speakers[2:4])
        self.env["event.registration"].create([
            {"event_id": first.id, "name": "Anna"}, {"event_id": first.id, "name": "Bruno"}])
        self.assertEqual((series.event_count, series.registration_count, series.speaker_count),
                         (1, 2, 2))
        first.ixl_series_id = False
        series.invalidate_recordset()
        self.assertEqual((series.event_count, series.registration_count, series.speaker_count),
                         (0, 0, 0))

    def test_operators_read_coordinators_write(self):
        series = self.env["ixl.event.series"].with_user(self.coordinator).create(
            {"name": "Ciclo"})
        self.assertEqual(series.with_user(self.operator).read(["name"])[0]["name"], "Ciclo")
        with self.assertRaises(AccessError):
            series.with_user(self.operator).write({"name": "Altro"})
        with self.assertRaises(AccessError):
            self.env["ixl.event.series"].with_user(self.operator).create({"name": "Nuovo"})
