import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common_meetings import MeetingCase


@tagged("post_install", "-at_install")
class TestMeetings(MeetingCase):
    def test_coordinator_plans_and_holds_the_quarterly_table(self):
        """The coordinator plans the Tavolo tecnico of 15 March 2026 with its agenda; the
        representatives are its participants and get the calendar slot; after the meeting
        the coordinator writes the minutes and records it held."""
        with Form(self.env["ixl.meeting"].with_user(self.coordinator)) as form:
            form.table_id = self.tecnico
            form.start = "2026-03-15 09:00:00"
            form.location = "Curia, via Altabella 6"
            form.agenda = "<p>Quarterly figures; the new call</p>"
        meeting = form.record
        self.assertEqual(meeting.state, "planned")
        self.assertEqual(meeting.partner_ids, self.members)
        self.assertEqual(meeting.meeting_date.isoformat(), "2026-03-15")
        self.assertEqual(meeting.name, "Tavolo tecnico - 15/03/2026")
        slot = meeting.calendar_event_id
        self.assertEqual(slot.privacy, "private")
        self.assertEqual(slot.name, "Tavolo tecnico")
        self.assertFalse(slot.description, "the agenda stays on the meeting")
        self.assertEqual(slot.partner_ids, self.members | self.coordinator.partner_id)
        self.assertEqual((slot.res_model, slot.res_id), ("ixl.meeting", meeting.id))
        with self.assertRefused("minutes", UserError):
            meeting.action_hold()
        meeting.minutes = "<p>The table approved the quarterly report.</p>"
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        with self.assertRefused("its minutes cannot be removed"):
            meeting.minutes = "<p><br></p>"
        self.assertEqual(self.tecnico.held_count, 1)
        with self.assertRefused("this step is not possible", UserError):
            meeting.action_hold()
        with self.assertRefused("only be changed through its actions", AccessError):
            meeting.start = "2026-03-16 09:00:00"
        # the operator does not see it, nor the menus leading to it
        with self.assertRaises(AccessError):
            self.env["ixl.meeting"].with_user(self.operator).search_read([], ["minutes"])
        Menu = self.env["ir.ui.menu"]
        meeting_menus = {self.env.ref("ixl_outreach.menu_ixl_meeting").id,
                         self.env.ref("ixl_outreach.menu_ixl_table").id}
        self.assertFalse(meeting_menus & Menu.with_user(self.operator)._visible_menu_ids())
        self.assertLessEqual(meeting_menus, Menu.with_user(self.coordinator)._visible_menu_ids())

    def test_minutes_as_a_file(self):
        meeting = self.plan(self.tecnico, "2026-06-15 09:00:00")
        self.env["ir.attachment"].with_user(self.coordinator).create({
            "name": "verbale.pdf", "datas": base64.b64encode(b"%PDF minutes"),
            "res_model": "ixl.meeting", "res_id": meeting.id})
        meeting.with_user(self.coordinator).action_hold()
        self.assertEqual(meeting.state, "held")

    def test_moving_a_meeting_moves_its_slot(self):
        meeting = self.plan(self.tecnico, "2026-09-15 09:00:00")
        meeting.with_user(self.coordinator).write({
            "start": "2026-09-22 09:00:00", "partner_ids": [(3, self.members[0].id)]})
        self.assertEqual(str(meeting.calendar_event_id.start), "2026-09-22 09:00:00")
        self.assertNotIn(self.members[0], meeting.calendar_event_id.partner_ids)

    def test_cancel_and_plan_again(self):
        meeting = self.plan(self.coordinamento, "2026-10-01 14:00:00")
        meeting.with_user(self.coordinator).action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        self.assertFalse(meeting.calendar_event_id.active)
        meeting.with_user(self.coordinator).action_replan()
        self.assertEqual(meeting.state, "planned")
        self.assertTrue(meeting.calendar_event_id.active)

    def test_deleting_meetings(self):
        """The Tavolo tecnico of March was held: the coordinator cannot delete it (the
        meetings held in the year would lose it); a planned one can go, and its slot
        leaves the members' calendars."""
        meeting = self.plan(self.tecnico, "2026-03-15 09:00:00", minutes="<p>Approved.</p>")
        meeting.with_user(self.coordinator).action_hold()
        with self.assertRefused("never deleted", UserError):
            meeting.with_user(self.coordinator).unlink()
        self.assertTrue(meeting.exists())
        planned = self.plan(self.tecnico, "2026-06-15 09:00:00")
        slot = planned.calendar_event_id
        planned.with_user(self.coordinator).unlink()
        self.assertFalse(planned.exists())
        self.assertFalse(slot.exists(), "the deleted meeting leaves the members' calendars")
        # one meeting of the planned year: its occurrence only
        action = self.coordinamento.with_user(self.coordinator).action_plan_year()
        year = self.env["ixl.meeting"].search(action["domain"]).sorted("start")
        slots = year.calendar_event_id
        year[0].with_user(self.coordinator).unlink()
        self.assertEqual(slots.exists(), year[1:].calendar_event_id)

    def test_plan_the_year_with_the_calendar_recurrence(self):
        """Four quarterly meetings from the last one, each an occurrence of one recurring
        calendar event."""
        self.plan(self.tecnico, "2026-01-15 09:00:00")
        action = self.tecnico.with_user(self.coordinator).action_plan_year()
        meetings = self.env["ixl.meeting"].search(action["domain"])
        self.assertEqual([str(m.start) for m in meetings.sorted("start")], [
            "2026-04-15 09:00:00", "2026-07-15 09:00:00", "2026-10-15 09:00:00",
            "2027-01-15 09:00:00"])
        slots = meetings.calendar_event_id
        self.assertEqual(len(slots), 4)
        self.assertEqual(len(slots.recurrence_id), 1)
        self.assertEqual({(s.res_model, s.res_id) for s in slots},
                         {("ixl.meeting", m.id) for m in meetings})
        self.assertEqual(meetings.partner_ids, self.members)

    def test_plan_needs_members(self):
        empty = self.env["ixl.table"].with_user(self.coordinator).create(
            {"name": "Tavolo vuoto", "kind": "coordinamento"})
        with self.assertRefused("Add the members", UserError):
            empty.with_user(self.coordinator).action_plan_year()
        self.assertFalse(empty.meeting_ids)

    def test_calendar_slot_linked_by_the_model_only(self):
        """A caller cannot attach a meeting to somebody else's calendar event."""
        other = self.env["calendar.event"].create({
            "name": "Private appointment", "start": "2026-03-01 10:00:00",
            "stop": "2026-03-01 11:00:00"})
        with self.assertRefused("only be changed through its actions", AccessError):
            self.plan(self.tecnico, "2026-03-15 09:00:00", calendar_event_id=other.id)
        meeting = self.plan(self.tecnico, "2026-03-15 09:00:00")
        with self.assertRefused("only be changed through its actions", AccessError):
            meeting.with_user(self.coordinator).write({"calendar_event_id": other.id})
        self.assertFalse(other.res_model)

    def test_state_only_through_the_actions(self):
        with self.assertRefused("only be changed through its actions", AccessError):
            self.plan(self.tecnico, "2026-03-15 09:00:00", state="held")
        meeting = self.plan(self.tecnico, "2026-03-15 09:00:00")
        with self.assertRefused("only be changed through its actions", AccessError):
            meeting.with_user(self.coordinator).write({"state": "held"})


@tagged("post_install", "-at_install")
class TestMeetingConfidentiality(MeetingCase):
    """Only coordinators (and IXL administrators) read the tables, the meetings, their
    agenda, minutes and files; an operator, a plain internal user and a portal user read
    nothing, whatever the ORM call an RPC would make."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.plan(cls.tecnico, "2026-03-15 09:00:00",
                               agenda="<p>Secret agenda</p>", minutes="<p>Secret minutes</p>")
        cls.file = cls.env["ir.attachment"].create({
            "name": "verbale.pdf", "datas": base64.b64encode(b"%PDF minutes"),
            "res_model": "ixl.meeting", "res_id": cls.meeting.id})
        cls.admin = new_test_user(cls.env, login="ixl_admin_meet",
                                  groups="ixl_beneficiary.group_ixl_admin")
        cls.internal = new_test_user(cls.env, login="plain_meet", groups="base.group_user")
        cls.portal = new_test_user(cls.env, login="portal_meet", groups="base.group_portal")

    def test_coordinators_and_admins_read(self):
        for user in (self.coordinator, self.admin):
            meetings = self.env["ixl.meeting"].with_user(user)
            # (the demo's meetings, if installed, are theirs too)
            self.assertIn(self.meeting, meetings.search([]))
            self.assertIn("Secret", meetings.browse(self.meeting.id).minutes)
            self.assertIn(self.file, self.env["ir.attachment"].with_user(user).search(
                [("res_model", "=", "ixl.meeting")]))
            self.file.with_user(user).read(["datas"])

    def test_others_read_nothing(self):
        for user in (self.operator, self.internal, self.portal, self.finance):
            with self.subTest(user=user.login):
                for model, record in (("ixl.meeting", self.meeting),
                                      ("ixl.table", self.tecnico)):
                    Model = self.env[model].with_user(user)
                    with self.assertRaises(AccessError):
                        Model.browse(record.id).read(["name"])
                    with self.assertRaises(AccessError):
                        Model.search_read([], ["name"])
                    with self.assertRaises(AccessError):
                        Model.read_group([], ["name"], ["name"])
                    with self.assertRaises(AccessError):
                        Model.name_search("Tavolo")
                    with self.assertRaises(AccessError):
                        Model.create({"name": "x", "table_id": self.tecnico.id})
                Attachment = self.env["ir.attachment"].with_user(user)
                with self.assertRaises(AccessError):
                    Attachment.browse(self.file.id).read(["datas"])
                for domain in ([("res_model", "=", "ixl.meeting")], [("id", "=", self.file.id)]):
                    self.assertFalse(self._found(Attachment, domain))

    def test_chatter_messages_stay_with_the_meeting(self):
        """What a coordinator writes in the meeting's chatter is not readable by others."""
        message = self.meeting.with_user(self.coordinator).message_post(
            body="Secret remark", message_type="comment")
        self.assertIn(message, self.env["mail.message"].with_user(self.coordinator).search(
            [("model", "=", "ixl.meeting")]))
        for user in (self.operator, self.internal, self.portal):
            with self.subTest(user=user.login):
                Message = self.env["mail.message"].with_user(user)
                self.assertFalse(self._found(Message, [("model", "=", "ixl.meeting")]))
                with self.assertRaises(AccessError):
                    Message.browse(message.id).read(["body"])

    @staticmethod
    def _found(model, domain):
        """What a search finds (nothing when the model itself is refused: portal)."""
        try:
            return model.search(domain)
        except AccessError:
            return model.browse()

    def test_calendar_slot_hides_the_meeting_from_others(self):
        """The operator sees the private slot as busy time, never the agenda."""
        slot = self.meeting.calendar_event_id.with_user(self.operator)
        values = slot.read(["name", "description"])[0]
        self.assertNotIn("Secret", str(values))
        self.assertNotEqual(values["name"], "Tavolo tecnico")

    def test_rules_hold_even_with_a_granted_right(self):
        """Were another addon to grant operators a right, the record rules still hide the
        meetings."""
        self.env["ir.model.access"].create({
            "name": "test grant", "model_id": self.env.ref("ixl_outreach.model_ixl_meeting").id,
            "group_id": self.env.ref("ixl_beneficiary.group_ixl_operator").id,
            "perm_read": True})
        self.assertFalse(self.env["ixl.meeting"].with_user(self.operator).search([]))
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.operator).read(["minutes"])
