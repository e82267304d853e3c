from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMeetingTour(HttpCase):
    def test_coordinator_records_a_meeting(self):
        coordinator = new_test_user(self.env, login="tour_coordinator",
                                    groups="ixl_beneficiary.group_ixl_coordinator")
        member = self.env["res.partner"].create({"name": "Rappresentante OPIMM"})
        table = self.env["ixl.table"].create({
            "name": "Tavolo tecnico Tour", "kind": "tecnico",
            "member_ids": [(6, 0, member.ids)]})
        meeting = self.env["ixl.meeting"].create(
            {"table_id": table.id, "start": "2026-03-15 09:00:00"})
        self.start_tour("/odoo/action-ixl_outreach.ixl_meeting_action", "ixl_meeting_tour",
                        login=coordinator.login)
        self.assertEqual(meeting.state, "held")
        self.assertIn("Quarterly figures", meeting.agenda)
        self.assertIn("approved the quarterly report", meeting.minutes)
