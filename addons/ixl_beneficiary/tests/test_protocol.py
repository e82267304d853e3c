from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import IxlCase


@tagged("post_install", "-at_install")
class TestOutOfProtocol(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call_type = cls.env.ref("ixl_beneficiary.mail_activity_type_unanswered_call")

    def _move_out(self, people, reason="unreachable", send_email=True, user=None):
        form = self.wizard_form(people, "action_out_of_protocol", user)
        if reason:
            form.reason = reason
        form.send_email = send_email
        form.save().action_confirm()

    def _log_unanswered_call(self, person, when):
        with freeze_time(when):
            activity = person.activity_schedule(
                "ixl_beneficiary.mail_activity_type_unanswered_call", user_id=self.operator.id)
            activity.action_feedback(feedback="No answer")

    def test_move_out_sends_notice_and_readmission_keeps_history(self):
        person = self.make_beneficiary(state="active")
        self._move_out(person, "unreachable")
        self.assertEqual(person.state, "out_of_protocol")
        self.assertEqual(person.protocol_exit_reason, "unreachable")
        exit_rec = person.current_exit_id
        self.assertEqual((exit_rec.state_before, exit_rec.user_id), ("active", self.operator))
        notice = self._notice_to(person)
        self.assertEqual(len(notice), 1)
        self.assertIn("re-admitted at any time", notice.body_html)
        self.assertIn("Unreachable", notice.body_html)
        self.assertFalse(notice.mail_message_id.model, "not a message of the person's chatter")
        self.assertIn("Out-of-protocol notice sent by email", person.message_ids[0].body)
        self.assertNotIn("Unreachable", person.message_ids[0].body)

        person.with_user(self.operator).action_readmit()
        self.assertEqual(person.state, "active")
        self.assertFalse(person.current_exit_id)
        self.assertTrue(exit_rec.date_readmitted)
        self.assertEqual(exit_rec.readmitted_by_id, self.operator)
        self._move_out(person, "employed", send_email=False)
        self.assertEqual(len(person.protocol_exit_ids), 2, "history kept")
        self.assertEqual(person.protocol_exit_reason, "employed")

    def _notice_to(self, person):
        return self.env["mail.mail"].search([
            ("recipient_ids", "in", person.partner_id.ids),
            ("subject", "=", "Insieme per il lavoro: your position in the programme")])

    def test_finance_reads_neither_the_reason_nor_the_notice(self):
        person = self.make_beneficiary(state="active")
        self._move_out(person, "non_collaborative", user=self.coordinator)
        as_finance = person.with_user(self.finance)
        for field in ("protocol_exit_reason", "current_exit_id", "protocol_exit_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                as_finance.read([field])
        with self.assertRaises(AccessError):
            as_finance.search([("protocol_exit_reason", "=", "non_collaborative")])
        with self.assertRaises(AccessError):
            as_finance.read_group([], ["protocol_exit_reason"], ["protocol_exit_reason"])
        with self.assertRaises(AccessError):
            person.current_exit_id.with_user(self.finance).read(["reason"])
        # the whole record, as a list without a field list asks it: nothing forbidden
        row = as_finance.search_read([("id", "=", person.id)])[0]
        self.assertEqual(row["state"], "out_of_protocol")
        self.assertFalse({"protocol_exit_reason", "current_exit_id", "service_ids", "email",
                          "phone", "birthdate_date", "interview_notes"} & set(row))
        # the notice (stating the reason) is nowhere finance reads; nor is the chatter
        notice = self._notice_to(person)
        self.assertIn("Non-collaborative", notice.body_html)
        Message = self.env["mail.message"].with_user(self.finance)
        self.assertFalse(Message.search([("body", "ilike", "Non-collaborative")]))
        self.assertFalse(Message.search([("model", "=", "ixl.beneficiary"),
                                         ("res_id", "=", person.id)]))
        self.assertFalse(as_finance.message_ids)
        with self.assertRaises(AccessError):
            notice.mail_message_id.with_user(self.finance).read(["body"])
        with self.assertRaises(AccessError):
            person.message_ids[:1].with_user(self.finance).read(["body"])
        # operators keep the chatter and the history
        self.assertTrue(person.with_user(self.operator).message_ids)
        self.assertEqual(person.with_user(self.operator).protocol_exit_reason,
                         "non_collaborative")

    def test_cannot_move_twice_or_readmit_admitted(self):
        person = self.make_beneficiary(state="in_target")
        with self.assertRaisesRegex(UserError, "not possible"):
            person.action_readmit()
        self._move_out(person, send_email=False)
        with self.assertRaisesRegex(UserError, "not possible"):
            person.action_out_of_protocol()

    def test_email_needs_an_address(self):
        person = self.make_beneficiary(state="active", email=False)
        with self.assertRaisesRegex(UserError, "No email address"):
            self._move_out(person, send_email=True)
        self.assertEqual(person.state, "active", "nothing saved")
        self.assertFalse(person.protocol_exit_ids)

    def test_unanswered_calls_at_different_times(self):
        person = self.make_beneficiary(state="active", registration_date="2026-03-01 09:00:00")
        other = self.make_beneficiary(state="active", registration_date="2026-03-01 09:00:00")
        proposed = [("out_of_protocol_proposed", "=", True), ("id", "in", (person | other).ids)]
        # Three calls in the same morning (Rome time) are one attempt.
        for hour in ("08:00", "09:30", "10:45"):
            self._log_unanswered_call(person, f"2026-04-01 {hour}:00")
        self.assertEqual(person.unanswered_call_slots, 1)
        # Afternoon of the same day (13:30 UTC = 15:30 in Rome) and another day.
        self._log_unanswered_call(person, "2026-04-01 13:30:00")
        self.assertEqual(person.unanswered_call_slots, 2)
        self.assertFalse(person.out_of_protocol_proposed, "two calls are not more than two")
        self.assertFalse(self.env["ixl.beneficiary"].search(proposed))
        self._log_unanswered_call(person, "2026-04-03 09:00:00")
        person.invalidate_recordset(["unanswered_call_slots", "out_of_protocol_proposed"])
        self.assertEqual(person.unanswered_call_slots, 3)
        self.assertTrue(person.out_of_protocol_proposed)
        self.assertEqual(self.env["ixl.beneficiary"].search(proposed), person)
        self.assertEqual(
            self.env["ixl.beneficiary"].search([("out_of_protocol_proposed", "=", False),
                                                ("id", "in", (person | other).ids)]), other)
        # The wizard proposes the non-collaborative reason.
        action = person.action_out_of_protocol()
        self.assertEqual(action["context"]["default_reason"], "non_collaborative")
        self._move_out(person, reason=None, send_email=False)
        self.assertEqual(person.protocol_exit_reason, "non_collaborative")
        self.assertFalse(self.env["ixl.beneficiary"].search(proposed), "already out")
        # After a re-admission the count starts again.
        with freeze_time("2026-05-01 09:00:00"):
            person.action_readmit()
        person.invalidate_recordset(["unanswered_call_slots", "out_of_protocol_proposed"])
        self.assertEqual(person.unanswered_call_slots, 0)
        self.assertFalse(person.out_of_protocol_proposed)

    def test_other_activities_do_not_count(self):
        person = self.make_beneficiary(state="active", registration_date="2026-03-01 09:00:00")
        for day in ("01", "02", "03", "04"):
            with freeze_time(f"2026-04-{day} 09:00:00"):
                person.activity_schedule("mail.mail_activity_data_call",
                                         user_id=self.operator.id).action_feedback()
        self.assertEqual(person.unanswered_call_slots, 0)
