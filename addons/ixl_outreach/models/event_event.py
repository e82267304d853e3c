from odoo import api, fields, models

EVENT_KINDS = [
    ("webinar", "Webinar"),
    ("networking", "Networking event"),
    ("job_fair", "Job fair"),
    ("other", "Other"),
]


class EventEvent(models.Model):
    """Events with companies and beneficiaries: kind, speakers and figures."""

    _inherit = "event.event"

    ixl_kind = fields.Selection(EVENT_KINDS, string="IXL event kind")
    ixl_speaker_ids = fields.Many2many(
        "res.partner", "event_event_ixl_speaker_rel", "event_id", "partner_id",
        string="Speakers")
    ixl_speaker_count = fields.Integer(string="Speakers count", compute="_compute_ixl_figures")
    ixl_registration_count = fields.Integer(
        string="Registrations", compute="_compute_ixl_figures",
        help="Confirmed registrations, attended or not.")
    ixl_attendee_count = fields.Integer(string="Attended", compute="_compute_ixl_figures")
    ixl_beneficiary_count = fields.Integer(
        string="Beneficiaries registered", compute="_compute_ixl_figures")
    ixl_company_count = fields.Integer(
        string="Company contacts registered", compute="_compute_ixl_figures")

    @api.depends("ixl_speaker_ids", "registration_ids.state",
                 "registration_ids.ixl_attendee_type")
    def _compute_ixl_figures(self):
        groups = self.env["event.registration"]._read_group(
            [("event_id", "in", self.ids), ("state", "in", ("open", "done"))],
            ["event_id", "state", "ixl_attendee_type"], ["__count"])
        figures = {}
        for event, state, kind, count in groups:
            data = figures.setdefault(event.id, {"total": 0, "done": 0, "beneficiary": 0,
                                                 "company": 0})
            data["total"] += count
            if state == "done":
                data["done"] += count
            if kind in data:
                data[kind] += count
        for event in self:
            data = figures.get(event._origin.id, {})
            event.ixl_speaker_count = len(event.ixl_speaker_ids)
            event.ixl_registration_count = data.get("total", 0)
            event.ixl_attendee_count = data.get("done", 0)
            event.ixl_beneficiary_count = data.get("beneficiary", 0)
            event.ixl_company_count = data.get("company", 0)

    ixl_series_id = fields.Many2one("ixl.event.series", string="Series", index="btree_not_null",
                                    ondelete="set null")
