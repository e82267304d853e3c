"""A series of events: the webinar cycle "È arrivato domani" (7 meetings, 985
registrations, 37 speakers in 2020) and its totals."""

from odoo import api, fields, models

from odoo.addons.ixl_beneficiary.models.tools import related_records_action

CONFIRMED = ("open", "done")


class IxlEventSeries(models.Model):
    _name = "ixl.event.series"
    _description = "Series of events"
    _order = "name"

    name = fields.Char(string="Series", required=True)
    description = fields.Html()
    active = fields.Boolean(default=True)
    event_ids = fields.One2many("event.event", "ixl_series_id", string="Events of the series")
    event_count = fields.Integer(string="Number of events", compute="_compute_totals")
    registration_count = fields.Integer(
        string="Series registrations", compute="_compute_totals",
        help="Confirmed registrations to the events of the series, attended or not: a "
        "person registered to two events counts twice.")
    attendee_count = fields.Integer(string="Attendances", compute="_compute_totals",
                                    help="Registrations marked as attended.")
    speaker_count = fields.Integer(
        string="Different speakers", compute="_compute_totals",
        help="Different speakers of the series: a speaker of two events counts once.")

    @api.depends("event_ids.registration_ids.state", "event_ids.ixl_speaker_ids")
    def _compute_totals(self):
        totals = self._series_totals()
        for series in self:
            data = totals.get(series._origin.id, {})
            for key in ("event", "registration", "attendee", "speaker"):
                series[f"{key}_count"] = data.get(key, 0)

    def _series_totals(self):
        """{series id: {event, registration, attendee, speaker}} in four queries."""
        ids = self._origin.ids
        totals = {sid: {"event": 0, "registration": 0, "attendee": 0, "speaker": 0}
                  for sid in ids}
        Event = self.env["event.event"]
        for series, count in Event._read_group(
                [("ixl_series_id", "in", ids)], ["ixl_series_id"], ["__count"]):
            totals[series.id]["event"] = count
        # one group per (series, speaker): the events without a speaker are left out
        for series, _speaker in Event._read_group(
                [("ixl_series_id", "in", ids), ("ixl_speaker_ids", "!=", False)],
                ["ixl_series_id", "ixl_speaker_ids"]):
            totals[series.id]["speaker"] += 1
        for event, state, count in self.env["event.registration"]._read_group(
                [("event_id.ixl_series_id", "in", ids), ("state", "in", CONFIRMED)],
                ["event_id", "state"], ["__count"]):
            data = totals[event.ixl_series_id.id]  # the events are read once (prefetch)
            data["registration"] += count
            if state == "done":
                data["attendee"] += count
        return totals

    # ------------------------------------------------------------------ ACTIONS
    def action_view_events(self):
        return related_records_action(self, "event.event", "ixl_series_id",
                                      self.env._("Events of the series"))

    def action_view_registrations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": self.env._("Series registrations"),
            "res_model": "event.registration", "view_mode": "list,form",
            "domain": self._registration_domain(),
        }

    def _registration_domain(self, attended=False):
        return [("event_id.ixl_series_id", "=", self.id),
                ("state", "=", "done") if attended else ("state", "in", CONFIRMED)]
