"""Intake of a person: the first interview within 15 days, its outcome (and later
assessments), out of protocol and re-admission.

Each step is an action (a button or a wizard) that checks the state and the group and
writes the locked fields through the workflow mixin's door; the views show the buttons
from the ``can_*`` flags computed here from the same state lists the actions check.
(The split of ixl.beneficiary in files is described in ixl_beneficiary.py.)
"""

from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from .ixl_beneficiary import STATES
from .ixl_missed_appointment import MISSED_APPOINTMENTS_LIMIT
from .tools import LOCAL_TZ, local_date, local_today, wizard_action

FIRST_INTERVIEW_DAYS = 15
UNANSWERED_CALLS_LIMIT = 2
OPERATOR_GROUP = "ixl_beneficiary.group_ixl_operator"
FIRST_INTERVIEW_ACTIVITY = "ixl_beneficiary.mail_activity_type_first_interview"
SHARED_EMAIL_ACTIVITY = "ixl_beneficiary.mail_activity_type_shared_email"

# The states each action accepts (the buttons' flags use the same lists).
WAITING_STATES = ("registered", "scheduled")
SCHEDULE_STATES = ("registered", "scheduled")
FIRST_INTERVIEW_STATES = ("registered", "scheduled", "interviewed")
REASSESS_STATES = ("out_of_target", "in_target", "active")
ACTIVATE_STATES = ("in_target",)
EXIT_STATES = tuple(state for state, _label in STATES if state != "out_of_protocol")
READMIT_STATES = ("out_of_protocol",)


class IxlBeneficiary(models.Model):
    # one model split by concern on purpose (ixl_beneficiary.py): no file overrides another
    _inherit = "ixl.beneficiary"  # pylint: disable=consider-merging-classes-inherited

    waiting_since = fields.Datetime(
        string="Waiting since", compute="_compute_waiting_since", store=True,
        help="Start of the 15-day clock of the first interview: the registration, or the "
        "re-admission of a person who was still waiting for it.",
    )
    interview_deadline = fields.Date(
        string="First interview due by", compute="_compute_interview_deadline", store=True,
        help="The first interview must take place within 15 days of the registration (or "
        "of the re-admission), counted in Bologna days.",
    )
    interview_date = fields.Datetime(string="Interview scheduled on", tracking=True, copy=False)
    interview_delay_reason = fields.Text(
        string="Reason for the late interview", tracking=True, copy=False,
        help="Required when the interview is scheduled after the 15-day deadline.",
    )
    is_interview_date_late = fields.Boolean(compute="_compute_is_interview_date_late")
    days_waiting = fields.Integer(
        compute="_compute_days_waiting",
        help="Days between the start of the clock (registration or re-admission) and the "
        "first interview (or today).",
    )
    is_interview_overdue = fields.Boolean(compute="_compute_days_waiting")
    interview_outcome_ids = fields.One2many(
        "ixl.interview.outcome.record", "beneficiary_id", string="Assessments",
        groups=OPERATOR_GROUP,
    )
    protocol_exit_ids = fields.One2many(
        "ixl.protocol.exit", "beneficiary_id", string="Out-of-protocol history",
        groups=OPERATOR_GROUP,
    )
    # Why a person left the protocol (and the notice stating it) is for the operators.
    protocol_exit_reason = fields.Selection(
        related="current_exit_id.reason", string="Out-of-protocol reason", store=True,
        groups=OPERATOR_GROUP,
    )
    current_exit_id = fields.Many2one("ixl.protocol.exit", copy=False, readonly=True,
                                      groups=OPERATOR_GROUP)
    admitted_since = fields.Datetime(
        copy=False, readonly=True,
        help="Last re-admission after leaving the protocol; unanswered calls are counted "
        "from here.",
    )
    unanswered_call_slots = fields.Integer(
        string="Unanswered calls", compute="_compute_unanswered_calls", groups=OPERATOR_GROUP,
        help="Unanswered calls at different times (distinct half-days) since the last "
        "admission.",
    )
    missed_appointment_ids = fields.One2many(
        "ixl.missed.appointment", "beneficiary_id", string="Missed appointments",
        groups=OPERATOR_GROUP,
    )
    missed_appointment_count = fields.Integer(
        string="Number of missed appointments", compute="_compute_unanswered_calls",
        groups=OPERATOR_GROUP, help="Appointments the person did not come to (all).",
    )
    missed_since_admission = fields.Integer(
        string="Missed since the admission", compute="_compute_unanswered_calls",
        groups=OPERATOR_GROUP,
        help="Appointments missed since the registration or the last re-admission.",
    )
    out_of_protocol_proposed = fields.Boolean(
        compute="_compute_unanswered_calls", search="_search_out_of_protocol_proposed",
        groups=OPERATOR_GROUP,
        help="More than two unanswered calls at different times, or two missed "
        "appointments, since the last admission: the person can be moved out of protocol "
        "as non-collaborative.",
    )
    interview_wait_days = fields.Integer(
        string="Days to the first interview", compute="_compute_interview_wait_days",
        store=True, aggregator="avg",
        help="Bologna days from the start of the clock (registration or re-admission) to "
        "the first interview held: on time up to 15.",
    )
    can_schedule_interview = fields.Boolean(compute="_compute_ixl_action_flags")
    can_record_interview = fields.Boolean(compute="_compute_ixl_action_flags")
    can_reassess = fields.Boolean(compute="_compute_ixl_action_flags")
    can_activate = fields.Boolean(compute="_compute_ixl_action_flags")
    can_move_out_of_protocol = fields.Boolean(compute="_compute_ixl_action_flags")
    can_readmit = fields.Boolean(compute="_compute_ixl_action_flags")
    _ixl_action_states = {
        "can_schedule_interview": SCHEDULE_STATES,
        "can_record_interview": FIRST_INTERVIEW_STATES,
        "can_reassess": REASSESS_STATES,
        "can_activate": ACTIVATE_STATES,
        "can_move_out_of_protocol": EXIT_STATES,
        "can_readmit": READMIT_STATES,
    }

    @api.depends("registration_date", "admitted_since", "interview_held_date")
    def _compute_waiting_since(self):
        for rec in self:
            back = rec.admitted_since
            # re-admitted while still waiting (no interview before the re-admission)
            if back and (not rec.interview_held_date
                         or rec.interview_held_date >= local_date(back)):
                rec.waiting_since = back
            else:
                rec.waiting_since = rec.registration_date

    @api.depends("waiting_since")
    def _compute_interview_deadline(self):
        for rec in self:
            start = local_date(rec.waiting_since)
            rec.interview_deadline = start and start + timedelta(days=FIRST_INTERVIEW_DAYS)

    @api.depends("waiting_since", "interview_held_date", "state")
    def _compute_days_waiting(self):
        today = local_today()
        for rec in self:
            start = local_date(rec.waiting_since) or today
            end = rec.interview_held_date or today
            rec.days_waiting = max((end - start).days, 0)
            rec.is_interview_overdue = (
                not rec.interview_held_date
                and rec.state in WAITING_STATES
                and rec.days_waiting > FIRST_INTERVIEW_DAYS
            )

    @api.depends("waiting_since", "interview_held_date")
    def _compute_interview_wait_days(self):
        for rec in self:
            start = local_date(rec.waiting_since)
            held = rec.interview_held_date
            rec.interview_wait_days = (held - start).days if held and start else False

    @api.depends("interview_date", "interview_deadline")
    def _compute_is_interview_date_late(self):
        for rec in self:
            rec.is_interview_date_late = bool(
                rec.interview_date and rec.interview_deadline
                and local_date(rec.interview_date) > rec.interview_deadline)

    @api.constrains("interview_date", "interview_delay_reason", "state")
    def _check_interview_delay_reason(self):
        for rec in self:
            if (rec.state in WAITING_STATES and rec.is_interview_date_late
                    and not (rec.interview_delay_reason or "").strip()):
                raise ValidationError(self.env._(
                    "The interview of %(name)s on %(date)s is after the deadline of the "
                    "first interview (%(deadline)s): write the reason for the delay.",
                    name=rec.name, date=format_date(self.env, local_date(rec.interview_date)),
                    deadline=format_date(self.env, rec.interview_deadline)))

    # ------------------------------------------------------------------- BUSINESS
    # Unanswered calls
    def _unanswered_slots_sql(self, having_more_than=None):
        """Distinct half-days (Bologna time) of unanswered calls since the last admission."""
        activity_type = self.env.ref("ixl_beneficiary.mail_activity_type_unanswered_call")
        local = SQL("(m.date AT TIME ZONE 'UTC' AT TIME ZONE %s)", LOCAL_TZ)
        query = SQL(
            """
            SELECT b.id, COUNT(DISTINCT (%(local)s::date, EXTRACT(HOUR FROM %(local)s) >= 13))
              FROM ixl_beneficiary b
              JOIN mail_message m ON m.model = 'ixl.beneficiary' AND m.res_id = b.id
             WHERE m.mail_activity_type_id = %(type)s
               AND m.date >= COALESCE(b.admitted_since, b.registration_date)
               %(ids)s
             GROUP BY b.id
            """,
            local=local,
            type=activity_type.id,
            ids=SQL("AND b.id IN %s", tuple(self.ids)) if self.ids else SQL(""),
        )
        if having_more_than is not None:
            query = SQL("%s HAVING COUNT(DISTINCT (%s::date, EXTRACT(HOUR FROM %s) >= 13)) > %s",
                        query, local, local, having_more_than)
        self.env["mail.message"].flush_model(["model", "res_id", "date", "mail_activity_type_id"])
        self.flush_model(["admitted_since", "registration_date"])
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())

    def _compute_unanswered_calls(self):
        slots = self._unanswered_slots_sql() if self.ids else {}
        missed = self.env["ixl.missed.appointment"]._ixl_counts(self.ids) if self.ids else {}
        for rec in self:
            rec.unanswered_call_slots = slots.get(rec.id, 0)
            rec.missed_appointment_count, rec.missed_since_admission = missed.get(rec.id, (0, 0))
            rec.out_of_protocol_proposed = rec.state != "out_of_protocol" and (
                rec.unanswered_call_slots > UNANSWERED_CALLS_LIMIT
                or rec.missed_since_admission >= MISSED_APPOINTMENTS_LIMIT)

    def _search_out_of_protocol_proposed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the out-of-protocol proposal."))
        ids = list(self.browse()._unanswered_slots_sql(having_more_than=UNANSWERED_CALLS_LIMIT))
        ids += list(self.env["ixl.missed.appointment"]._ixl_counts(
            at_least=MISSED_APPOINTMENTS_LIMIT))
        positive = (operator == "=") == value
        domain = [("id", "in", ids), ("state", "!=", "out_of_protocol")]
        return domain if positive else ["!", "&", *domain]

    # Activities
    @api.model
    def _get_intake_user(self):
        """The intake operator of the settings, else the administrator."""
        param = self.env["ir.config_parameter"].sudo().get_param(
            "ixl_beneficiary.intake_user_id", "0")
        user = self.env["res.users"].browse(int(param or 0)).exists() if param.isdigit() else None
        return user or self.env.ref("base.user_admin")

    def _schedule_first_interview_activity(self, not_before=None):
        """One activity per person, created in batches of the same operator and deadline
        (an import of thousands of registrations makes a few batches, not one per row);
        due by the interview deadline, or ``not_before`` if that is later."""
        activity_type = self.env.ref(FIRST_INTERVIEW_ACTIVITY)
        fallback = self._get_intake_user()
        summary = self.env._("First interview within %s days", FIRST_INTERVIEW_DAYS)
        batches = defaultdict(list)
        for rec in self:
            deadline = rec.interview_deadline
            if not_before:
                deadline = max(deadline or not_before, not_before)
            batches[(rec.user_id or fallback, deadline)].append(rec.id)
        for (user, deadline), ids in batches.items():
            self.browse(ids).activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=deadline,
                user_id=user.id,
                summary=summary,
            )

    def _ixl_first_interview_still_due(self):
        """The person did not come to the first interview: it is still owed, so a new
        first-interview activity reminds it (due by the deadline, or today if past)."""
        activity_type = self.env.ref(FIRST_INTERVIEW_ACTIVITY)
        self.filtered(
            lambda r: r.state in WAITING_STATES
            and activity_type not in r.activity_ids.activity_type_id
        )._schedule_first_interview_activity(not_before=local_today())

    def _flag_shared_email(self):
        """New people whose email is also another person's (a family sharing an address):
        the codice fiscale identifies a person, so this is no duplicate, but staff get an
        activity on the new record naming the others."""
        emails = {rec.email_normalized for rec in self if rec.email_normalized}
        if not emails:
            return
        # every person with the address, whoever may read them: staff must know
        people = self.sudo().with_context(active_test=False).search(
            [("email_normalized", "in", list(emails))])
        by_email = defaultdict(list)
        for person in people:
            by_email[person.email_normalized].append(person)
        fallback = self._get_intake_user()
        for rec in self:
            others = [p for p in by_email.get(rec.email_normalized, []) if p.id != rec.id]
            if others:
                rec.activity_schedule(
                    SHARED_EMAIL_ACTIVITY, user_id=(rec.user_id or fallback).id,
                    note=rec._shared_email_note(others))

    def _shared_email_note(self, others):
        links = Markup(", ").join(
            Markup('<a href="#" data-oe-model="ixl.beneficiary" data-oe-id="%s">%s</a>')
            % (other.id, f"{other.reference} {other.name}") for other in others)
        # Markup arguments: the translated text is escaped, the email with it
        return Markup("<p>%s</p>") % self.env._(
            "The email %(email)s is also the email of %(people)s: check that they are "
            "different people (e.g. a family sharing an address) and not a repeated "
            "registration.", email=self.email, people=links)

    # -------------------------------------------------------------------- ACTIONS
    def _ixl_check_operator(self):
        """The intake actions are for IXL operators (coordinators included) who may
        write these people."""
        if not self.env.su and not self.env.user.has_group(OPERATOR_GROUP):
            raise AccessError(self.env._("Only IXL operators can change the intake of a person."))
        self.check_access("write")

    def _check_state(self, allowed, action):
        self._ixl_check_state(allowed, self.env._(
            "%(name)s is %(state)s: %(action)s is not possible in this state."), action=action)

    def action_schedule_interview(self):
        self._ixl_check_operator()
        self._check_state(SCHEDULE_STATES, self.env._("scheduling the interview"))
        for rec in self:
            if not rec.interview_date:
                raise UserError(self.env._(
                    "Set the date of the interview of %s first.", rec.display_name))
            rec._check_interview_delay_reason()
            rec._ixl_transition().write({"state": "scheduled"})
            rec.activity_reschedule(
                [FIRST_INTERVIEW_ACTIVITY], date_deadline=local_date(rec.interview_date))
        return True

    def action_record_interview(self):
        """The interview outcome wizard: the first interview, or a new assessment of a
        person already interviewed (not in target, in target or active)."""
        self.ensure_one()
        self._ixl_check_operator()
        self._check_state(FIRST_INTERVIEW_STATES + REASSESS_STATES,
                          self.env._("recording the interview"))
        name = self.env._("New assessment") if self.state in REASSESS_STATES \
            else self.env._("Interview outcome")
        return wizard_action(name, "ixl.interview.outcome", beneficiary_id=self.id)

    def action_activate(self):
        self._ixl_check_operator()
        self._check_state(ACTIVATE_STATES, self.env._("taking the person in charge"))
        self._ixl_transition().write({"state": "active"})
        return True

    def action_out_of_protocol(self):
        self._ixl_check_operator()
        self._check_state(EXIT_STATES, self.env._("moving out of protocol"))
        reason = "non_collaborative" if all(self.mapped("out_of_protocol_proposed")) else False
        return wizard_action(self.env._("Out of protocol"), "ixl.out.of.protocol",
                             beneficiary_ids=self.ids, reason=reason)

    def _ixl_move_out_of_protocol(self, reason, note, send_email):
        """The out-of-protocol wizard's step: one history record per person, the state,
        the end of the pending first interview and the notice by email."""
        self._ixl_check_operator()
        self._check_state(EXIT_STATES, self.env._("moving out of protocol"))
        if send_email and (missing := self.filtered(lambda b: not b.email)):
            raise UserError(self.env._(
                "No email address for %(names)s: untick the email or add the address.",
                names=", ".join(missing.mapped("name")),
            ))
        exits = self.env["ixl.protocol.exit"]._ixl_transition().create([{
            "beneficiary_id": rec.id, "reason": reason, "note": note,
            "state_before": rec.state, "email_sent": send_email,
        } for rec in self])
        for rec, exit_rec in zip(self, exits, strict=True):
            rec._ixl_transition().write(
                {"state": "out_of_protocol", "current_exit_id": exit_rec.id})
        # no first interview now: a re-admission starts a new clock and a new activity
        self.activity_unlink([FIRST_INTERVIEW_ACTIVITY])
        if send_email:
            template = self.env.ref("ixl_beneficiary.mail_template_out_of_protocol")
            # the notice states the person's position: not in the chatter
            self._send_private_email(template, self.env._(
                "Out-of-protocol notice sent by email (the reason is in the "
                "out-of-protocol history)."))

    def action_readmit(self):
        """Re-admit people out of protocol; the history is kept. People who were still
        waiting for the first interview start again as registered with a fresh 15-day
        clock (deadline and activity); the others return to the state they had."""
        self._ixl_check_operator()
        self._check_state(READMIT_STATES, self.env._("re-admission"))
        now = fields.Datetime.now()
        for rec in self:
            exit_rec = rec.current_exit_id
            exit_rec._ixl_transition().write(
                {"date_readmitted": now, "readmitted_by_id": self.env.uid})
            vals = {"state": exit_rec.state_before or "active", "current_exit_id": False,
                    "admitted_since": now}
            if vals["state"] in FIRST_INTERVIEW_STATES:
                vals.update(state="registered", interview_date=False,
                            interview_delay_reason=False)
            rec._ixl_transition().write(vals)
            rec.message_post(body=self.env._("Re-admitted into the programme."))
        self.filtered(lambda r: r.state == "registered")._schedule_first_interview_activity()
        return True
