from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


@tagged("post_install", "-at_install")
class TestEvent(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create({
            "name": "Hanna HR", "parent_id": cls.employer.id, "email": "hr@acme.example.com"})
        cls.speaker = cls.env["res.partner"].create({"name": "Sara Speaker"})
        cls.event = cls.env["event.event"].create({
            "name": "Job fair",
            "ixl_kind": "job_fair",
            "date_begin": "2026-05-15 08:00:00",
            "date_end": "2026-05-15 16:00:00",
            "ixl_speaker_ids": [(6, 0, cls.speaker.ids)],
        })

    def test_registrations_and_figures(self):
        first, second = self.make_beneficiary("active"), self.make_beneficiary("active")
        regs = self.env["event.registration"].with_user(self.operator).create([
            {"event_id": self.event.id, "beneficiary_id": first.id},
            {"event_id": self.event.id, "beneficiary_id": second.id},
            {"event_id": self.event.id, "partner_id": self.contact.id},
        ])
        self.assertEqual(regs[0].partner_id, first.partner_id)
        self.assertEqual(regs[0].email, first.email)
        self.assertEqual(regs.mapped("ixl_attendee_type"),
                         ["beneficiary", "beneficiary", "company"])
        regs[0].action_set_done()
        regs[2].action_set_done()
        self.env["event.registration"].create({
            "event_id": self.event.id, "partner_id": self.speaker.id}).action_cancel()
        self.event.invalidate_recordset()
        self.assertEqual(self.event.ixl_registration_count, 3)
        self.assertEqual(self.event.ixl_attendee_count, 2)
        self.assertEqual(self.event.ixl_beneficiary_count, 2)
        self.assertEqual(self.event.ixl_company_count, 1)
        self.assertEqual(self.event.ixl_speaker_count, 1)
