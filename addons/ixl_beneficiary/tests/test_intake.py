"""Issue 15: the intake as staff meet it (interview deadline in Bologna days, the clock
of a re-admission, a late interview, a missing score, a new assessment) and the buttons
shown from the same state lists the actions check."""

from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.ixl_beneficiary import STATES
from .common import IxlCase


class IntakeCase(IxlCase):
    first_type_xmlid = "ixl_beneficiary.mail_activity_type_first_interview"

    def _first_activities(self, person):
        first = self.env.ref(self.first_type_xmlid)
        return person.activity_ids.filtered(lambda a: a.activity_type_id == first)

    def _outcome_form(self, person, user=None):
        return self.wizard_form(person, "action_record_interview", user)

    def _record(self, person, outcome, score=None, readiness="pending", day=None):
        form = self._outcome_form(person)
        form.outcome = outcome
        if day:
            form.interview_date = day
        if outcome == "in_target":
            form.vulnerability_score = score
            form.readiness = readiness
        form.save().action_confirm()

    def _move_out(self, person, reason="unreachable"):
        form = self.wizard_form(person, "action_out_of_protocol")
        form.reason = reason
        form.send_email = False
        form.save().action_confirm()


@tagged("post_install", "-at_install")
class TestMissingScore(IntakeCase):
    def test_in_target_without_score_is_refused(self):
        """Confirming 'in target' with the score left empty recorded a strong profile
        (empty = 0): now the score is required for a person in target."""
        person = self.make_beneficiary()
        form = self._outcome_form(person)
        form.outcome = "in_target"
        form.readiness = "ready"
        with self.assertRaisesRegex(AssertionError, "vulnerability_score is a required field"):
            form.save()
        wizard = self.env["ixl.interview.outcome"].with_user(self.operator).create({
            "beneficiary_id": person.id, "outcome": "in_target", "readiness": "ready"})
        with self.assertRaisesRegex(UserError, "Enter the vulnerability score"):
            wizard.action_confirm()
        self.assertEqual((person.state, person.profile_type, person.has_score),
                         ("registered", False, False), "nothing saved")
        self.assertFalse(person.interview_outcome_ids)

    def test_zero_is_a_score_and_not_in_target_keeps_none(self):
        zero, out = self.make_beneficiary(), self.make_beneficiary()
        self._record(zero, "in_target", score="0", readiness="ready")
        self.assertEqual((zero.has_score, zero.vulnerability_score, zero.profile_type),
                         (True, 0, "strong"))
        form = self._outcome_form(out)
        form.outcome = "out_of_target"
        form.save().action_confirm()
        self.assertEqual((out.state, out.has_score, out.profile_type, out.first_profile_type),
                         ("out_of_target", False, False, False))

    def test_profile_preview(self):
        form = self._outcome_form(self.make_beneficiary())
        form.outcome = "in_target"
        self.assertFalse(form.profile_preview, "no score, no profile")
        form.vulnerability_score = "7"
        self.assertEqual(form.profile_preview, "Strong")
        form.vulnerability_score = "11"
        self.assertEqual(form.profile_preview, "Weak")

    def test_score_must_be_a_whole_number(self):
        person = self.make_beneficiary()
        wizard = self.env["ixl.interview.outcome"].with_user(self.operator).create({
            "beneficiary_id": person.id, "outcome": "in_target", "vulnerability_score": "8,5"})
        with self.assertRaisesRegex(UserError, "whole number"):
            wizard.action_confirm()
        self.assertEqual(person.state, "registered")


@tagged("post_install", "-at_install")
class TestBolognaDays(IntakeCase):
    @freeze_time("2026-10-01 22:30:00")  # 00:30 on 2 October in Bologna
    def test_deadline_and_waiting_in_bologna_days(self):
        person = self.make_beneficiary()
        self.assertEqual(person.interview_deadline, date(2026, 10, 17))
        self.assertEqual(self._first_activities(person).date_deadline, date(2026, 10, 17))
        with freeze_time("2026-10-16 22:30:00"):  # 00:30 on 17 October
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 15)
            self.assertFalse(person.is_interview_overdue)
        with freeze_time("2026-10-17 22:30:00"):  # 00:30 on 18 October
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 16)
            self.assertTrue(person.is_interview_overdue)

    @freeze_time("2026-10-01 22:30:00")
    def test_interview_dates_in_bologna_days(self):
        person = self.make_beneficiary()
        form = self._outcome_form(person)
        self.assertEqual(form.interview_date, date(2026, 10, 2), "today in Bologna")
        form.outcome = "out_of_target"
        form.interview_date = date(2026, 10, 1)  # the day before the registration
        with self.assertRaisesRegex(UserError, "precede the registration"):
            form.save().action_confirm()
        form.interview_date = date(2026, 10, 2)
        form.save().action_confirm()
        self.assertEqual(person.interview_held_date, date(2026, 10, 2))
        self.assertEqual(person.days_waiting, 0)

    @freeze_time("2026-10-01 22:30:00")
    def test_scheduled_interview_activity_on_the_bologna_day(self):
        person = self.make_beneficiary()
        person.with_user(self.operator).interview_date = datetime(2026, 10, 9, 22, 30)
        person.with_user(self.operator).action_schedule_interview()
        self.assertEqual(self._first_activities(person).date_deadline, date(2026, 10, 10))

    @freeze_time("2026-10-01 22:30:00")
    def test_service_dated_in_bologna(self):
        service = Form(self.env["ixl.service"].with_user(self.operator))
        self.assertEqual(service.date, date(2026, 10, 2))


@tagged("post_install", "-at_install")
class TestClock(IntakeCase):
    @freeze_time("2026-01-05 09:00:00")
    def test_out_of_protocol_closes_the_first_interview_and_readmission_restarts(self):
        person = self.make_beneficiary()
        self.assertEqual(len(self._first_activities(person)), 1)
        with freeze_time("2026-01-10 09:00:00"):
            self._move_out(person)
        self.assertFalse(self._first_activities(person), "no interview while out of protocol")
        with freeze_time("2026-04-05 09:00:00"):  # 90 days after the registration
            person.with_user(self.operator).action_readmit()
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.state, "registered")
            self.assertEqual(person.days_waiting, 0)
            self.assertFalse(person.is_interview_overdue)
            self.assertEqual(person.interview_deadline, date(2026, 4, 20))
            activity = self._first_activities(person)
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.date_deadline, date(2026, 4, 20))
        with freeze_time("2026-04-21 09:00:00"):
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 16)
            self.assertTrue(person.is_interview_overdue)
        with freeze_time("2026-04-22 09:00:00"):
            self._record(person, "out_of_target", day=date(2026, 4, 22))
        self.assertEqual(person.days_waiting, 17, "waited from the re-admission")
        self.assertEqual(person.registration_date, datetime(2026, 1, 5, 9, 0), "kept")

    @freeze_time("2026-01-05 09:00:00")
    def test_readmission_of_an_interviewed_person_keeps_the_first_interview(self):
        person = self.make_beneficiary()
        self._record(person, "in_target", score="4", readiness="ready")
        person.with_user(self.operator).action_activate()
        with freeze_time("2026-03-01 09:00:00"):
            self._move_out(person, "employed")
        with freeze_time("2026-06-01 09:00:00"):
            person.with_user(self.operator).action_readmit()
        self.assertEqual(person.state, "active")
        self.assertEqual(person.interview_deadline, date(2026, 1, 20))
        self.assertEqual(person.days_waiting, 0)
        self.assertFalse(self._first_activities(person))

    @freeze_time("2026-03-02 09:00:00")
    def test_late_interview_needs_a_reason(self):
        """Scheduling the interview 51 days out was accepted silently."""
        person = self.make_beneficiary()
        self.env.cr.precommit.run()  # tracking was disabled for the creation only
        Person = self.env["ixl.beneficiary"].with_user(self.operator).with_context(
            tracking_disable=False)
        form = Form(Person.browse(person.id))
        form.interview_date = datetime(2026, 4, 22, 9, 0)  # 51 days out, due by 17 March
        with self.assertRaisesRegex(AssertionError, "interview_delay_reason is a required"):
            form.save()
        form.interview_delay_reason = "The person is abroad until April."
        form.save()
        Person.browse(person.id).action_schedule_interview()
        self.assertEqual(person.state, "scheduled")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking values are written before the commit
        tracked = person.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("interview_delay_reason", tracked)
        self.assertEqual(person.interview_delay_reason, "The person is abroad until April.")

    @freeze_time("2026-03-02 09:00:00")
    def test_late_interview_refused_without_reason_through_rpc(self):
        person = self.make_beneficiary()
        as_operator = person.with_user(self.operator)
        with self.assertRaisesRegex(ValidationError, "reason for the delay"), \
                self.cr.savepoint():
            as_operator.write({"interview_date": "2026-04-22 09:00:00"})
        as_operator.write({"interview_date": "2026-03-16 09:00:00"})  # within 15 days
        as_operator.action_schedule_interview()
        self.assertEqual(person.state, "scheduled")
        with self.assertRaisesRegex(ValidationError, "reason for the delay"), \
                self.cr.savepoint():
            as_operator.write({"interview_date": "2026-04-22 09:00:00"})


@tagged("post_install", "-at_install")
class TestNewAssessment(IntakeCase):
    @freeze_time("2026-06-10 09:00:00")
    def test_not_in_target_assessed_again(self):
        """The target widens (people just laid off): a person not in target is assessed
        again; the first outcome stays for the figures, the history keeps both."""
        person = self.make_beneficiary(registration_date="2026-01-05 09:00:00")
        self._record(person, "out_of_target", day=date(2026, 1, 12))
        before = self.env["ixl.dashboard"].with_user(self.operator).get_dashboard(
            "2026-01-01", "2026-01-31")
        self.assertTrue(person.can_reassess)
        self.assertFalse(person.can_record_interview)
        self._record(person, "in_target", score="12", readiness="not_ready",
                     day=date(2026, 6, 10))
        self.assertEqual((person.state, person.profile_type, person.readiness),
                         ("in_target", "weak", "not_ready"))
        self.assertTrue(person.is_admitted)
        self.assertEqual(person.interview_held_date, date(2026, 1, 12), "the first interview")
        self.assertEqual((person.first_outcome, person.first_profile_type),
                         ("out_of_target", False))
        history = person.interview_outcome_ids.sorted("date")
        self.assertEqual([(r.date, r.outcome, r.profile_type, r.is_first, r.user_id)
                          for r in history],
                         [(date(2026, 1, 12), "out_of_target", False, True, self.operator),
                          (date(2026, 6, 10), "in_target", "weak", False, self.operator)])
        after = self.env["ixl.dashboard"].with_user(self.operator).get_dashboard(
            "2026-01-01", "2026-01-31")
        interviews = [next(s for s in data["sections"] if s["key"] == "interviews")
                      for data in (before, after)]
        self.assertEqual(interviews[0], interviews[1], "first-interview figures unchanged")

    @freeze_time("2026-06-10 09:00:00")
    def test_interviewed_waiting_for_the_outcome(self):
        """People "interviewed" (held, outcome to be decided with the coordinator) are
        counted apart until the outcome is recorded, which is their first one."""
        person = self.make_beneficiary("interviewed", registration_date="2026-05-04 09:00:00",
                                       interview_held_date="2026-05-11")
        self.assertTrue(person.can_record_interview)

        def first_interviews():
            data = self.env["ixl.dashboard"].with_user(self.operator).get_dashboard(
                "2026-05-01", "2026-05-31")
            section = next(s for s in data["sections"] if s["key"] == "interviews")
            return {row["label"]: row["cells"][0]["value"] for row in section["blocks"][0]["rows"]}

        before = first_interviews()
        self.assertEqual(before["Outcome to be decided"], 1)
        self._record(person, "in_target", score="5", readiness="ready", day=date(2026, 5, 11))
        self.assertEqual((person.state, person.first_outcome), ("in_target", "in_target"))
        self.assertTrue(person.interview_outcome_ids.is_first)
        after = first_interviews()
        self.assertEqual((after["Outcome to be decided"], after["In target"]),
                         (0, before["In target"] + 1))

    @freeze_time("2026-06-10 09:00:00")
    def test_assessment_dates_and_active_people(self):
        person = self.make_beneficiary(registration_date="2026-01-05 09:00:00")
        self._record(person, "in_target", score="9", readiness="pending",
                     day=date(2026, 2, 1))
        person.with_user(self.operator).action_activate()
        with self.assertRaisesRegex(UserError, "cannot precede the last one"):
            self._record(person, "in_target", score="3", day=date(2026, 1, 20))
        self._record(person, "in_target", score="13", readiness="ready", day=date(2026, 6, 1))
        self.assertEqual((person.state, person.profile_type, person.readiness),
                         ("active", "weak", "ready"), "still followed, new score")
        self.assertEqual(person.first_profile_type, "strong")
        self.assertEqual(len(person.interview_outcome_ids), 2)


@tagged("post_install", "-at_install")
class TestButtons(IntakeCase):
    FLAGS = {
        "can_schedule_interview": ["action_schedule_interview"],
        "can_record_interview": ["action_record_interview"],
        "can_reassess": ["action_record_interview"],
        "can_activate": ["action_activate"],
        "can_move_out_of_protocol": ["action_out_of_protocol"],
        "can_readmit": ["action_readmit"],
    }

    def _accepts(self, person, method):
        try:
            with self.cr.savepoint():
                getattr(person.with_user(self.operator), method)()
        except UserError as error:
            if "not possible in this state" in str(error):
                return False
            raise
        return True

    @freeze_time("2026-03-02 09:00:00")
    def test_buttons_follow_the_actions(self):
        """Each header button is shown from its flag, and the flag says exactly what the
        action accepts (scheduling again a scheduled interview was hidden)."""
        arch = etree.fromstring(self.env["ixl.beneficiary"].get_view(
            self.env.ref("ixl_beneficiary.ixl_beneficiary_view_form").id, "form")["arch"])
        buttons = {(b.get("name"), b.get("invisible")) for b in arch.xpath("//header/button")}
        for flag, methods in self.FLAGS.items():
            self.assertIn((methods[0], f"not {flag}"), buttons)
        for state, _label in STATES:
            person = self.make_beneficiary(state=state, interview_date="2026-03-10 09:00:00")
            for method in {m for methods in self.FLAGS.values() for m in methods}:
                flags = [flag for flag, methods in self.FLAGS.items() if method in methods]
                with self.subTest(state=state, method=method):
                    self.assertEqual(any(person[flag] for flag in flags),
                                     self._accepts(person, method))
