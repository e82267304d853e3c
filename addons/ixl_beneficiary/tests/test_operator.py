"""Issue 15: an operator (the suite's Operator group only, like demo giulia.bernardi)
does the intake with their own rights; the workflow fields change only through the
actions, whatever the user sends over RPC."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from ..models.ixl_beneficiary import LOCKED_FIELDS
from .common import make_fiscal_code
from .test_intake import IntakeCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 09:00:00")
class TestOperatorTasks(IntakeCase):
    """One test per intake task, each as the operator."""

    def _register(self):
        form = Form(self.env["ixl.beneficiary"].with_user(self.operator))
        form.first_name = "Amina"
        form.last_name = "Diallo"
        form.fiscal_code = make_fiscal_code("Diallo", "Amina", "1992-07-14", female=True)
        form.birthdate_date = date(1992, 7, 14)
        form.email = "amina.diallo@example.com"
        form.phone = "+39 333 1234567"
        form.municipality_id = self.bologna
        return form.save()

    def test_register(self):
        self.assertFalse(self.env["res.partner"].with_user(self.operator).has_access("create"),
                         "operators get no general right on contacts")
        person = self._register()
        self.assertEqual((person.name, person.email, person.state),
                         ("Amina Diallo", "amina.diallo@example.com", "registered"))
        self.assertEqual(person.partner_id.create_uid, self.operator)
        self.assertEqual(len(self._first_activities(person)), 1)
        with Form(person.with_user(self.operator)) as form:
            form.phone = "+39 051 765432"
            form.last_name = "Diallo Ba"
        self.assertEqual((person.partner_id.phone, person.partner_id.name),
                         ("+39 051 765432", "Amina Diallo Ba"))

    def test_no_sudo_for_other_contacts(self):
        """The grant covers the new person's own contact, not any partner."""
        with self.assertRaises(AccessError):
            self.env["ixl.beneficiary"].with_user(self.operator).create({
                "first_name": "Someone", "last_name": "Else", "partner_id": self.employer.id,
                "email": "hijack@example.com", "fiscal_code": make_fiscal_code("Else", "Some"),
            })
        self.assertFalse(self.employer.email)
        with self.assertRaises(AccessError):
            self._register().with_user(self.operator).write({"user_ids": [(6, 0, [])]})

    def test_schedule(self):
        person = self._register()
        with Form(person.with_user(self.operator)) as form:
            form.interview_date = datetime(2026, 3, 9, 9, 0)
        person.with_user(self.operator).action_schedule_interview()
        self.assertEqual(person.state, "scheduled")
        self.assertEqual(self._first_activities(person).date_deadline, date(2026, 3, 9))

    def test_record_outcome(self):
        person = self._register()
        self._record(person, "in_target", score="6", readiness="ready")
        self.assertEqual((person.state, person.profile_type), ("in_target", "strong"))
        self.assertEqual(person.interview_outcome_ids.user_id, self.operator)
        person.with_user(self.operator).action_activate()
        self.assertEqual(person.state, "active")

    def test_move_out_of_protocol_with_the_notice(self):
        person = self._register()
        form = self.wizard_form(person, "action_out_of_protocol")
        form.reason = "unreachable"
        form.save().action_confirm()
        self.assertEqual(person.state, "out_of_protocol")
        self.assertEqual(person.current_exit_id.user_id, self.operator)
        # the notice goes to the person by email, outside the chatter that finance reads
        notice = self.env["mail.mail"].sudo().search([
            ("subject", "=", "Insieme per il lavoro: your position in the programme"),
            ("recipient_ids", "in", person.partner_id.ids)])
        self.assertTrue(notice)
        self.assertFalse(person.message_ids.filtered(lambda m: m.subject == notice.subject))

    def test_readmit(self):
        person = self._register()
        self._move_out(person)
        person.with_user(self.operator).action_readmit()
        self.assertEqual(person.state, "registered")
        self.assertEqual(person.protocol_exit_ids.readmitted_by_id, self.operator)

    def test_record_a_placement(self):
        person = self._register()
        self._record(person, "in_target", score="6", readiness="ready")
        form = Form(self.env["ixl.placement"].with_user(self.operator))
        form.beneficiary_id = person
        form.employer_id = self.employer
        form.date_start = date(2026, 3, 2)
        form.contract_type = "fixed_term"
        self.assertEqual(form.save().beneficiary_id, person)

    def test_log_a_service(self):
        person = self._register()
        form = Form(self.env["ixl.service"].with_user(self.operator))
        form.beneficiary_id = person
        form.service_type = "cv_rewrite"
        form.hours = 1.5
        self.assertEqual(person.with_user(self.operator).service_count, 0)
        form.save()
        person.invalidate_recordset(["service_count"])
        self.assertEqual(person.with_user(self.operator).service_count, 1)

    def test_coordinator_deletes_a_registration_made_by_mistake(self):
        person = self._register()
        partner = person.partner_id
        person.with_user(self.coordinator).unlink()
        self.assertFalse(partner.exists(), "the contact of the person goes with it")

    def test_log_an_unanswered_call(self):
        person = self._register()
        activity = person.with_user(self.operator).activity_schedule(
            "ixl_beneficiary.mail_activity_type_unanswered_call", user_id=self.operator.id)
        activity.action_feedback(feedback="No answer")
        self.assertEqual(person.unanswered_call_slots, 1)


@tagged("post_install", "-at_install")
class TestLockedFields(IntakeCase):
    """A direct write or create of a workflow field raises, for operators and finance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_beneficiary()
        cls.exit = cls.env["ixl.protocol.exit"].create({
            "beneficiary_id": cls.person.id, "reason": "employed", "state_before": "active"})
        cls.record = cls.env["ixl.interview.outcome.record"].create({
            "beneficiary_id": cls.person.id, "date": "2026-01-05", "outcome": "in_target",
            "has_score": True, "vulnerability_score": 4, "readiness": "ready"})
        cls.values = {
            "state": "active", "is_admitted": True, "has_score": True,
            "vulnerability_score": 3, "profile_type": "strong",
            "interview_held_date": "2026-01-10", "interviewer_id": cls.operator.id,
            "first_outcome": "in_target", "first_profile_type": "strong",
            "current_exit_id": cls.exit.id, "admitted_since": "2026-01-10 09:00:00",
            "waiting_since": "2026-01-10 09:00:00", "interview_deadline": "2027-01-01",
        }

    def test_every_locked_field_has_a_case(self):
        self.assertEqual(set(self.values), set(LOCKED_FIELDS))

    def test_direct_writes_and_creates_refused(self):
        for user in (self.operator, self.finance):
            for field, value in self.values.items():
                with self.subTest(user=user.login, field=field):
                    with self.assertRaises(AccessError), self.cr.savepoint():
                        self.person.with_user(user).write({field: value})
                    with self.assertRaises(AccessError), self.cr.savepoint():
                        self.env["ixl.beneficiary"].with_user(user).create({
                            "first_name": "Lock", "last_name": "Test",
                            "fiscal_code": make_fiscal_code("Test", "Lock"), field: value})
        self.assertEqual(self.person.state, "registered")

    def test_readiness_only_while_admitted(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.person.with_user(self.operator).write({"readiness": "ready"})
        active = self.make_beneficiary(state="active")
        active.with_user(self.operator).write({"readiness": "fragile"})
        self.assertEqual(active.readiness, "fragile")

    def test_history_is_not_edited(self):
        for user in (self.operator, self.finance):
            for record, vals in ((self.exit, {"reason": "unreachable"}),
                                 (self.exit, {"note": "changed"}),
                                 (self.exit, {"date_readmitted": "2026-02-01 09:00:00"}),
                                 (self.record, {"outcome": "out_of_target"}),
                                 (self.record, {"vulnerability_score": 15})):
                with self.subTest(user=user.login, model=record._name, vals=vals), \
                        self.assertRaises(AccessError), self.cr.savepoint():
                    record.with_user(user).write(vals)
            for model, vals in (
                    ("ixl.protocol.exit", {"beneficiary_id": self.person.id,
                                           "reason": "employed", "state_before": "active"}),
                    ("ixl.interview.outcome.record", {
                        "beneficiary_id": self.person.id, "date": "2026-01-05",
                        "outcome": "in_target"})):
                with self.subTest(user=user.login, model=model), \
                        self.assertRaises(AccessError), self.cr.savepoint():
                    self.env[model].with_user(user).create(vals)

    def test_actions_check_the_group(self):
        employee = new_test_user(self.env, login="ixl_lock_employee", groups="base.group_user")
        for user in (self.finance, employee):
            for method in ("action_schedule_interview", "action_record_interview",
                           "action_activate", "action_out_of_protocol", "action_readmit"):
                with self.subTest(user=user.login, method=method), \
                        self.assertRaises(AccessError):
                    getattr(self.person.with_user(user), method)()
