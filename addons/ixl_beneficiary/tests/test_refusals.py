"""Issue 17: missed appointments ("did not come"), refusals by the person, the 15-day
promise measured and the services counted, from the situations staff meet."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import IxlCase
from .dashboard_common import DashboardMixin, check_drilldowns, figures, get_section

FIRST_INTERVIEW = "ixl_beneficiary.mail_activity_type_first_interview"
TODO = "mail.mail_activity_data_todo"


class RefusalCase(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(cls.env, login="ixl_employee", groups="base.group_user")
        cls.portal = new_test_user(cls.env, login="ixl_portal", groups="base.group_portal")

    def _meeting(self, person, summary="Colloquio di orientamento", when="2025-03-10"):
        return person.activity_schedule(TODO, date_deadline=when, summary=summary,
                                        user_id=self.operator.id)

    def _did_not_come(self, activity, user=None):
        # what the "Did not come" button of the chatter calls (orm.call on mail.activity)
        self.env["mail.activity"].with_user(user or self.operator).browse(
            activity.id).action_ixl_did_not_come()

    def _refuse(self, person, kind="proposal", reason="distance", date=None, user=None):
        form = self.wizard_form(person, "action_record_refusal", user)
        form.kind = kind
        form.reason = reason
        if date:
            form.date = date
        form.note = "Troppo lontano senza auto"
        form.save().action_confirm()
        return person.refusal_ids[:1]


@tagged("post_install", "-at_install")
class TestMissedAppointments(RefusalCase):
    @freeze_time("2025-03-12 09:00:00")
    def test_first_interview_missed_in_one_click(self):
        """Registered on 1 March, called for the first interview on 10 March, she does not
        come: one click on the activity records it and the interview stays owed."""
        person = self.make_beneficiary(registration_date="2025-03-01 09:00:00")
        person.with_user(self.operator).write({"interview_date": "2025-03-10 08:00:00"})
        person.with_user(self.operator).action_schedule_interview()
        activity = person.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(FIRST_INTERVIEW))
        self._did_not_come(activity)
        missed = person.missed_appointment_ids
        self.assertEqual((len(missed), str(missed.date), missed.kind),
                         (1, "2025-03-10", "first_interview"))
        self.assertEqual(person.missed_appointment_count, 1)
        self.assertFalse(activity.exists(), "the activity is closed")
        new = person.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(FIRST_INTERVIEW))
        self.assertEqual(str(new.date_deadline), "2025-03-16", "still due by the deadline")
        self.assertIn("Did not come", person.message_ids[:1].body)
        self.assertFalse(person.out_of_protocol_proposed, "one missed appointment is not enough")

    def test_two_missed_appointments_suggest_out_of_protocol(self):
        """Active, she misses two meetings: proposed for out of protocol as
        non-collaborative; after the re-admission the count starts again."""
        person = self.make_beneficiary(state="active", registration_date="2025-01-10 09:00:00")
        with freeze_time("2025-03-11 09:00:00"):
            self._did_not_come(self._meeting(person, when="2025-03-10"))
        self.assertFalse(person.out_of_protocol_proposed)
        with freeze_time("2025-03-25 09:00:00"):
            self._did_not_come(self._meeting(person, "Colloquio di verifica", "2025-03-24"))
        person.invalidate_recordset()
        self.assertEqual(person.missed_appointment_count, 2)
        self.assertTrue(person.out_of_protocol_proposed)
        Person = self.env["ixl.beneficiary"].with_user(self.operator)
        self.assertIn(person, Person.search([("out_of_protocol_proposed", "=", True)]))
        action = person.with_user(self.operator).action_out_of_protocol()
        self.assertEqual(action["context"]["default_reason"], "non_collaborative")
        wizard = self.env["ixl.out.of.protocol"].with_user(self.operator).create({
            "beneficiary_ids": person.ids, "reason": "non_collaborative", "send_email": False})
        wizard.action_confirm()
        with freeze_time("2025-04-01 09:00:00"):
            person.with_user(self.operator).action_readmit()
        person.invalidate_recordset()
        self.assertEqual((person.missed_appointment_count, person.missed_since_admission),
                         (2, 0))
        self.assertFalse(person.out_of_protocol_proposed)
        self.assertNotIn(person, Person.search([("out_of_protocol_proposed", "=", True)]))

    def test_calendar_event_did_not_come(self):
        """A meeting in the calendar with the person: "Did not come" on the event."""
        person = self.make_beneficiary(state="active", registration_date="2025-01-10 09:00:00")
        event = self.env["calendar.event"].with_user(self.operator).create({
            "name": "Colloquio con Mario", "start": "2025-02-03 08:30:00",
            "stop": "2025-02-03 09:30:00",
            "res_model_id": self.env.ref("ixl_beneficiary.model_ixl_beneficiary").id,
            "res_id": person.id})
        self.assertTrue(event.ixl_can_mark_missed)
        event.with_user(self.operator).action_ixl_did_not_come()
        missed = person.missed_appointment_ids
        self.assertEqual((str(missed.date), missed.calendar_event_id, missed.summary),
                         ("2025-02-03", event, "Colloquio con Mario"))
        event.invalidate_recordset()
        self.assertFalse(event.ixl_can_mark_missed)
        with self.assertRaisesRegex(UserError, "already recorded"):
            event.with_user(self.operator).action_ixl_did_not_come()

    def test_not_for_other_records_nor_other_users(self):
        person = self.make_beneficiary(state="active")
        activity = self._meeting(person)
        for user in (self.finance, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._did_not_come(activity, user)
        self.assertTrue(activity.exists())
        other = self.employer.activity_schedule(TODO, user_id=self.operator.id)
        call = person.activity_schedule("ixl_beneficiary.mail_activity_type_unanswered_call",
                                        user_id=self.operator.id)
        self.assertEqual((activity.ixl_is_appointment, other.ixl_is_appointment,
                          call.ixl_is_appointment), (True, False, False))
        for not_appointment in (other, call):
            with self.assertRaisesRegex(UserError, "appointments with a person"):
                self._did_not_come(not_appointment)
        with self.assertRaises(ValidationError):
            self.env["ixl.missed.appointment"].create({
                "beneficiary_id": person.id, "date": "2999-01-01"})

    @freeze_time("2025-03-12 09:00:00")
    def test_missed_appointments_only_through_did_not_come(self):
        """She missed one meeting. Over RPC, an operator cannot add missed appointments
        by hand (two would propose her for out of protocol), sign one with the
        coordinator's name or mark the same calendar event twice; a coordinator corrects
        the one recorded but cannot move it to another person or sign it."""
        person = self.make_beneficiary(state="active", registration_date="2025-01-10 09:00:00")
        event = self.env["calendar.event"].create({
            "name": "Colloquio con Mario", "start": "2025-03-10 08:30:00",
            "stop": "2025-03-10 09:30:00", "res_id": person.id,
            "res_model_id": self.env.ref("ixl_beneficiary.model_ixl_beneficiary").id})
        event.with_user(self.operator).action_ixl_did_not_come()
        missed = person.missed_appointment_ids
        Missed = self.env["ixl.missed.appointment"].with_user(self.operator)
        for vals in ({"date": "2025-03-11"}, {"date": "2025-03-11", "user_id": self.coordinator.id},
                     {"calendar_event_id": event.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                Missed.create({"beneficiary_id": person.id, **vals})
        other = self.make_beneficiary(state="active")
        for vals in ({"beneficiary_id": other.id}, {"user_id": self.coordinator.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                missed.with_user(self.coordinator).write(vals)
        missed.with_user(self.coordinator).write({"date": "2025-03-11",
                                                  "note": "Ha avvisato il giorno dopo"})
        person.invalidate_recordset()
        self.assertEqual((person.missed_appointment_count, str(missed.date), missed.user_id),
                         (1, "2025-03-11", self.operator))
        self.assertFalse(person.out_of_protocol_proposed)


@tagged("post_install", "-at_install")
class TestRefusals(RefusalCase):
    def test_refusal_of_a_proposal_on_the_history(self):
        person = self.make_beneficiary(state="active")
        refusal = self._refuse(person, "proposal", "family")
        self.assertEqual((refusal.kind, refusal.reason, refusal.user_id),
                         ("proposal", "family", self.operator))
        self.assertEqual(person.refusal_count, 1)
        self.assertIn("Family / care", person.message_ids[:1].body)
        self.assertNotIn("Troppo lontano", person.message_ids[:1].body, "the note stays apart")
        with self.assertRaisesRegex(ValidationError, "future"):
            self._refuse(person, date="2999-01-01")

    def test_operator_adds_to_the_note_coordinator_corrects_the_refusal(self):
        """The refusal of a training for family reasons is in the history and the
        figures by reason: the operator adds to its note but cannot turn it into a
        refusal for pay, nor redate it, over RPC; the coordinator corrects it."""
        person = self.make_beneficiary(state="active")
        with freeze_time("2025-03-12 10:00:00"):
            refusal = self._refuse(person, "proposal", "family")
        for vals in ({"reason": "pay"}, {"date": "2025-01-02"}, {"kind": "job_offer"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                refusal.with_user(self.operator).write(vals)
        with Form(refusal.with_user(self.operator)) as form:
            self.assertTrue(form._get_modifier("reason", "readonly"), "shown read-only")
            form.note = "Assiste la madre"
        with Form(refusal.with_user(self.coordinator)) as form:
            form.reason = "health"
        self.assertEqual((refusal.reason, str(refusal.date), refusal.note),
                         ("health", "2025-03-12", "Assiste la madre"))

    def test_origin_must_be_of_the_person(self):
        person, other = self.make_beneficiary(state="active"), self.make_beneficiary()
        with self.assertRaisesRegex(ValidationError, "not a record of"):
            self.env["ixl.refusal"].with_user(self.operator).create({
                "beneficiary_id": person.id, "kind": "proposal", "reason": "pay",
                "res_model": "ixl.beneficiary", "res_id": other.id})
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.env["ixl.refusal"].with_user(self.operator).create({
                "beneficiary_id": person.id, "kind": "proposal", "reason": "pay",
                "res_model": "no.such.model", "res_id": 1})

    def test_access_per_group(self):
        """Refusals and missed appointments are the operators' (health and family reasons):
        finance, plain internal and portal users see nothing."""
        person = self.make_beneficiary(state="active")
        refusal = self._refuse(person)
        self._did_not_come(self._meeting(person))
        missed = person.missed_appointment_ids
        for records in (refusal, missed):
            Model = self.env[records._name]
            self.assertEqual(Model.with_user(self.operator).search_read(
                [("id", "=", records.id)], ["date"])[0]["id"], records.id)
            for user in (self.finance, self.employee, self.portal):
                with self.subTest(model=records._name, user=user.login):
                    with self.assertRaises(AccessError):
                        Model.with_user(user).search_read([], ["date"])
                    with self.assertRaises(AccessError):
                        Model.with_user(user).create({"beneficiary_id": person.id})
        with self.assertRaises(AccessError):
            missed.with_user(self.operator).write({"date": "2025-01-01"})
        with self.assertRaises(AccessError):
            refusal.with_user(self.operator).unlink()
        other = self.make_beneficiary()
        for vals in ({"beneficiary_id": other.id}, {"res_model": "ixl.beneficiary"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                refusal.with_user(self.operator).write(vals)
        with self.assertRaises(AccessError):
            self.env["ixl.refusal"].with_user(self.operator).create({
                "beneficiary_id": person.id, "kind": "proposal", "reason": "pay",
                "user_id": self.coordinator.id})
        refusal.with_user(self.operator).write({"note": "Ha trovato un passaggio"})
        refusal.with_user(self.coordinator).unlink()
        self.assertNotIn("refusal_count", self.env["ixl.beneficiary"].with_user(
            self.finance).fields_get())


@tagged("post_install", "-at_install")
class TestServiceFigures(DashboardMixin, RefusalCase):
    """March 2024 at the office, read in June 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Rome"))
        cls.late = cls._interviewed_person("2024-03-03 10:00:00", "2024-03-20")  # 17 days
        cls.on_time = cls._interviewed_person("2024-03-01 10:00:00", "2024-03-10")  # 9 days
        # waiting now (15 June 2025): since 20 May (deadline 4 June) and since 10 June
        cls.waiting_late = cls.make_beneficiary(registration_date="2025-05-20 10:00:00")
        cls.make_beneficiary(registration_date="2025-06-10 10:00:00")
        Service = cls.env["ixl.service"]
        for stype, day in (("cv_rewrite", "2024-03-05"), ("italian_lesson", "2024-03-06"),
                           ("italian_lesson", "2024-03-07"), ("job_offer", "2024-04-02")):
            Service.create({"beneficiary_id": cls.on_time.id, "service_type": stype,
                            "date": day, "job_offer_title": "Magazziniere"})
        cls.env.flush_all()

    @classmethod
    def _interviewed_person(cls, registered, held):
        person = cls.make_beneficiary(registration_date=registered)
        wizard = cls.env["ixl.interview.outcome"].with_user(cls.operator).create({
            "beneficiary_id": person.id, "interview_date": held, "outcome": "out_of_target"})
        wizard.action_confirm()
        return person

    def _section(self, key, date_from="2024-03-01", date_to="2024-03-31"):
        return get_section(self.env(user=self.operator), key, date_from, date_to)

    def test_registered_3_march_interviewed_20_march_is_late(self):
        section = self._section("interview_wait")
        rows = figures(section)["First interview within 15 days"]
        self.assertEqual(rows["First interviews held"][0], 2)
        self.assertEqual(rows["Within 15 days of the registration"], [1, 50.0])
        self.assertEqual(rows["Later"], [1, 50.0])
        self.assertEqual(rows["Median wait (days)"][0], 13.0)
        self.assertEqual(rows["90th percentile of the wait (days)"][0], 16.2)
        waiting = next(r for r in section["blocks"][0]["rows"]
                       if r["label"] == "Waiting now beyond the deadline")["cells"][0]["action"]
        self.assertIn(self.waiting_late, self.env[waiting["model"]].search(waiting["domain"]))
        late_cell = next(r for r in section["blocks"][0]["rows"] if r["label"] == "Later")
        action = late_cell["cells"][0]["action"]
        self.assertEqual(self.env[action["model"]].search(action["domain"]), self.late)
        check_drilldowns(self, section)
        monthly = figures(section)["First interviews per month"]
        self.assertEqual(monthly["March 2024"], [2, 1, 13.0, 50.0])

    def test_the_wait_cannot_be_shortened_by_hand(self):
        """The 17 days of the person interviewed on 20 March stay 17: a write of 10 days
        over RPC is refused (the figure follows the dates only)."""
        for user in (self.operator, self.coordinator):
            with self.assertRaises(AccessError):
                self.late.with_user(user).write({"interview_wait_days": 10})
        self.assertEqual(self.late.interview_wait_days, 17)

    def test_refusal_of_cv_sending_for_distance_in_the_march_figure(self):
        with freeze_time("2024-03-12 10:00:00"):
            self._refuse(self.on_time, "cv_sending", "distance")
            self._did_not_come(self._meeting(self.late, when="2024-03-11"))
        section = self._section("services")
        blocks = figures(section)
        self.assertEqual(blocks["Services per month"]["March 2024"], [1, 2, 0])
        self.assertEqual(blocks["Missed appointments and refusals per month"]["March 2024"],
                         [1, 1])
        self.assertEqual(blocks["Refusals by reason"]["Distance / transport"], [1, 100.0])
        self.assertEqual(blocks["Refusals: what was refused"]["Sending of the CV to a company"],
                         [1, 100.0])
        check_drilldowns(self, section)
        for user in (self.finance,):
            data = self.env["ixl.dashboard"].with_user(user).get_dashboard(
                "2024-01-01", "2024-12-31")
            self.assertFalse({"services", "interview_wait"} & {s["key"] for s in
                                                             data["sections"]})

    def test_same_queries_for_one_year_and_ten(self):
        self._refuse(self.on_time, "job_offer", "pay", "2024-05-02")
        dashboard = self.env["ixl.dashboard"].with_user(self.operator)
        self.assertSameQueries(lambda: dashboard.get_dashboard("2024-01-01", "2024-12-31"),
                               lambda: dashboard.get_dashboard("2015-01-01", "2024-12-31"))
