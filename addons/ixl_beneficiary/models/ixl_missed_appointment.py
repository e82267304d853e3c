"""Missed appointments: the person did not come to the first interview or to a meeting.

Recorded in one click from the activity (chatter) or the calendar event of the person
("Did not come"): a dated record on the person, the activity closed. Two missed
appointments since the last admission make the person "not collaborative" for the
out-of-protocol suggestion (ixl_beneficiary_intake.py), next to the unanswered calls.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from .tools import LOCAL_TZ, local_today, require_group

OPERATOR = "ixl_beneficiary.group_ixl_operator"
FIRST_INTERVIEW_ACTIVITY = "ixl_beneficiary.mail_activity_type_first_interview"
# "Does not collaborate": misses interviews. Two missed appointments since the last
# admission propose the person for out of protocol (docs/rules/refusals.md).
MISSED_APPOINTMENTS_LIMIT = 2
APPOINTMENT_KINDS = [
    ("first_interview", "First interview"),
    ("meeting", "Meeting"),
]


class IxlMissedAppointment(models.Model):
    """The person did not come to an appointment: a dated fact recorded by "did not
    come"; coordinators may correct its date, kind and summary."""

    _name = "ixl.missed.appointment"
    _description = "Missed appointment"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date desc, id desc"
    _rec_name = "summary"
    # recorded by "did not come" only (_ixl_record); coordinators may correct the
    # appointment (date, kind, summary, note), never whose it is nor who recorded it
    _ixl_locked_fields = ("beneficiary_id", "user_id", "activity_type_id",
                          "calendar_event_id")

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True, readonly=True)
    date = fields.Date(string="Appointment date", required=True, index=True, readonly=True,
                       default=lambda self: local_today())
    kind = fields.Selection(APPOINTMENT_KINDS, required=True, default="meeting",
                            readonly=True)
    summary = fields.Char(string="Appointment", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True,
                              default=lambda self: self.env.user)
    activity_type_id = fields.Many2one("mail.activity.type", readonly=True)
    calendar_event_id = fields.Many2one("calendar.event", string="Calendar event",
                                        ondelete="set null", readonly=True, index="btree_not_null")
    note = fields.Text()

    @api.constrains("date")
    def _check_date(self):
        today = local_today()
        for rec in self:
            if rec.date > today:
                raise ValidationError(self.env._(
                    "An appointment of %(date)s has not happened yet: it cannot be missed.",
                    date=format_date(self.env, rec.date)))

    # ------------------------------------------------------------------ BUSINESS
    @api.model
    def _ixl_record(self, person, date, summary, activities=None, event=None):
        """The one door of "did not come": the record (of the first interview when one
        of ``activities`` is its activity, else of a meeting), and the activities closed
        with the message on the person's history (or a message when there is no activity)."""
        require_group(self, OPERATOR)
        person.check_access("write")
        first = activities and self.env.ref(FIRST_INTERVIEW_ACTIVITY) in activities.activity_type_id
        kind = "first_interview" if first else "meeting"
        date = min(date or local_today(), local_today())
        missed = self._ixl_transition().create({
            "beneficiary_id": person.id, "date": date, "kind": kind, "summary": summary,
            "activity_type_id": activities[:1].activity_type_id.id if activities else False,
            "calendar_event_id": event.id if event else False,
        })
        text = self.env._("Did not come to the appointment \"%(what)s\" of %(date)s "
                          "(missed appointment recorded).",
                          what=summary, date=format_date(self.env, date))
        if activities:
            activities.action_feedback(feedback=text)
        else:
            person.message_post(body=text)
        if kind == "first_interview":
            person._ixl_first_interview_still_due()
        return missed

    @api.model
    def _ixl_counts(self, beneficiary_ids=None, at_least=None):
        """{beneficiary id: (all missed appointments, those since the last admission)}, in
        one query; with ``at_least``, only the people with that many since the admission."""
        self.flush_model(["beneficiary_id", "date"])
        self.env["ixl.beneficiary"].flush_model(["admitted_since", "registration_date"])
        since = SQL("(COALESCE(b.admitted_since, b.registration_date) AT TIME ZONE 'UTC' "
                    "AT TIME ZONE %s)::date", LOCAL_TZ)
        recent = SQL("COUNT(*) FILTER (WHERE m.date >= %s)", since)
        query = SQL(
            """SELECT b.id, COUNT(*), %(recent)s
                 FROM ixl_missed_appointment m JOIN ixl_beneficiary b ON b.id = m.beneficiary_id
                WHERE TRUE %(ids)s
                GROUP BY b.id %(having)s""",
            recent=recent,
            ids=SQL("AND b.id IN %s", tuple(beneficiary_ids)) if beneficiary_ids else SQL(""),
            having=SQL("HAVING %s >= %s", recent, at_least) if at_least else SQL(""),
        )
        self.env.cr.execute(query)
        return {pid: (total, recent) for pid, total, recent in self.env.cr.fetchall()}
