"""A meeting of a table: participants, agenda, minutes (text and files), planned, held or
cancelled. Confidential: coordinators (and administrators) only.

Each meeting has its slot in Odoo's calendar (``calendar.event``: the participants are
its attendees and get the invitation). The slot is private and carries only the table's
name, the time and the place: the agenda and the minutes live here, on a model that
operators, portal and other internal users cannot read (ACL and record rules), and so do
their files (an attachment is readable only by who reads its record)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from odoo.addons.ixl_beneficiary.models.tools import local_date, require_group

from .ixl_table import COORDINATOR

MEETING_STATES = [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")]
CALENDAR_FIELDS = {"table_id", "start", "duration", "partner_ids", "location"}


class IxlMeeting(models.Model):
    _name = "ixl.meeting"
    _description = "Meeting of a table"
    _inherit = ["mail.thread", "ixl.workflow.mixin"]
    _order = "start desc, id desc"

    # The calendar slot is linked by the model only (a caller could name anybody's event).
    _ixl_locked_fields = ("state", "calendar_event_id")
    _ixl_action_states = {"can_hold": ("planned",), "can_cancel": ("planned",),
                          "can_replan": ("cancelled",)}

    name = fields.Char(string="Meeting", compute="_compute_name", store=True)
    table_id = fields.Many2one("ixl.table", required=True, ondelete="restrict", index=True,
                               tracking=True)
    kind = fields.Selection(related="table_id.kind", store=True)
    start = fields.Datetime(required=True, tracking=True)
    duration = fields.Float(default=2.0, help="Hours.")
    stop = fields.Datetime(compute="_compute_stop", store=True)
    meeting_date = fields.Date(compute="_compute_stop", store=True,
                               help="The Bologna date of the meeting.")
    location = fields.Char()
    partner_ids = fields.Many2many(
        "res.partner", "ixl_meeting_partner_rel", "meeting_id", "partner_id",
        string="Participants", compute="_compute_partner_ids", store=True, readonly=False,
        help="The table's members, until changed for this meeting.")
    agenda = fields.Html()
    minutes = fields.Html()
    state = fields.Selection(MEETING_STATES, string="Status", default="planned", required=True,
                             copy=False,
                             tracking=True)
    calendar_event_id = fields.Many2one("calendar.event", string="Calendar slot",
                                        readonly=True, copy=False, ondelete="set null")
    can_hold = fields.Boolean(compute="_compute_ixl_action_flags")
    can_cancel = fields.Boolean(compute="_compute_ixl_action_flags")
    can_replan = fields.Boolean(compute="_compute_ixl_action_flags")

    _sql_constraints = [
        ("duration_positive", "CHECK(duration > 0)", "A meeting lasts some time."),
    ]

    @api.depends("table_id.name", "meeting_date")
    def _compute_name(self):
        # Stored: one format whoever creates it (the staff's, day/month/year).
        for meeting in self:
            day = meeting.meeting_date.strftime("%d/%m/%Y") if meeting.meeting_date else ""
            meeting.name = " - ".join(filter(None, [meeting.table_id.name, day]))

    @api.depends("start", "duration")
    def _compute_stop(self):
        for meeting in self:
            meeting.stop = meeting.start and meeting.start + timedelta(hours=meeting.duration)
            meeting.meeting_date = local_date(meeting.start)

    @api.depends("table_id")
    def _compute_partner_ids(self):
        for meeting in self:
            meeting.partner_ids = meeting.table_id.member_ids

    @api.constrains("minutes")
    def _check_held_minutes(self):
        for meeting in self.filtered(lambda m: m.state == "held"):
            if not meeting._has_minutes():
                raise ValidationError(self.env._(
                    "%(meeting)s was held: its minutes cannot be removed.",
                    meeting=meeting.name))

    def _ixl_frozen_fields(self):
        if any(meeting.state != "planned" for meeting in self):
            return {"table_id", "start", "duration"}
        return set()

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings.filtered(lambda m: not m.calendar_event_id)._create_calendar_slots()
        meetings.filtered("calendar_event_id")._link_calendar_slots()
        return meetings

    def write(self, vals):
        res = super().write(vals)
        if CALENDAR_FIELDS & set(vals):
            self._update_calendar_slots()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        if any(meeting.state == "held" for meeting in self):
            raise UserError(self.env._(
                "A meeting held is never deleted: it stays with its minutes in the "
                "table's history."))

    def unlink(self):
        # A deleted meeting leaves the participants' calendars (as superuser: a private
        # slot is its organiser's).
        slots = self.calendar_event_id
        res = super().unlink()
        slots.sudo().unlink()
        return res

    # ------------------------------------------------------------------ ACTIONS
    def action_hold(self):
        """The meeting took place: its minutes (text or a file) are required."""
        self._check_transition("can_hold")
        for meeting in self:
            if not meeting._has_minutes():
                raise UserError(self.env._(
                    "Write the minutes of %(meeting)s or attach them before recording it "
                    "as held.", meeting=meeting.name))
        self._ixl_transition().write({"state": "held"})

    def action_cancel(self):
        self._check_transition("can_cancel")
        self._ixl_transition().write({"state": "cancelled"})
        self.calendar_event_id.sudo().action_archive()

    def action_replan(self):
        self._check_transition("can_replan")
        self._ixl_transition().write({"state": "planned"})
        self.calendar_event_id.sudo().action_unarchive()

    # ------------------------------------------------------------------ BUSINESS
    def _check_transition(self, flag):
        require_group(self, COORDINATOR)
        self.check_access("write")
        self._ixl_check_state(self._ixl_action_states[flag], self.env._(
            "%(name)s is %(state)s: this step is not possible."), name="name")

    def _has_minutes(self):
        self.ensure_one()
        if html2plaintext(self.minutes or "").strip():
            return True
        return bool(self.env["ir.attachment"].search_count(
            [("res_model", "=", self._name), ("res_id", "=", self.id)], limit=1))

    @api.model
    def _calendar_values(self, table, start, duration, partners, location=False,
                         organiser=None):
        """The calendar slot: private, the table's name, time and place; never the agenda."""
        organiser = organiser or self.env.user
        return {
            "name": table.name, "start": start, "stop": start + timedelta(hours=duration),
            "duration": duration, "privacy": "private", "location": location or False,
            "partner_ids": [(6, 0, (partners | organiser.partner_id).ids)],
            "user_id": organiser.id,
        }

    # The slots are written as superuser after the meeting's own access check (the
    # caller created or wrote the meeting): a private slot is not editable by a
    # coordinator who is not its organiser.
    def _create_calendar_slots(self):
        for meeting in self:
            event = self.env["calendar.event"].sudo().create(dict(
                self._calendar_values(meeting.table_id, meeting.start, meeting.duration,
                                      meeting.partner_ids, meeting.location),
                res_model=self._name, res_id=meeting.id))
            meeting._ixl_transition().write({"calendar_event_id": event.id})

    def _link_calendar_slots(self):
        for meeting in self:
            meeting.calendar_event_id.sudo().write({"res_model": self._name,
                                                    "res_id": meeting.id})

    def _update_calendar_slots(self):
        for meeting in self.filtered("calendar_event_id"):
            values = self._calendar_values(meeting.table_id, meeting.start, meeting.duration,
                                           meeting.partner_ids, meeting.location,
                                           organiser=meeting.calendar_event_id.user_id)
            values.pop("user_id")
            meeting.calendar_event_id.sudo().write(dict(values, recurrence_update="self_only"))
