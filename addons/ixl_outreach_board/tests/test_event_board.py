from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


@tagged("post_install", "-at_install")
class TestEventBoard(IxlCase):
    """A company contact registers to the job fair: staff see whether the company is a
    member of the Board (the moment it joins, the registration shows it)."""

    def test_board_member(self):
        contact = self.env["res.partner"].create({
            "name": "Hanna HR", "parent_id": self.employer.id, "email": "hr@acme.example.com"})
        guest = self.env["res.partner"].create({"name": "Gina Guest"})
        event = self.env["event.event"].create({
            "name": "Job fair", "ixl_kind": "job_fair",
            "date_begin": "2026-05-15 08:00:00", "date_end": "2026-05-15 16:00:00"})
        Registration = self.env["event.registration"].with_user(self.operator)
        company_reg, guest_reg = Registration.create([
            {"event_id": event.id, "partner_id": contact.id},
            {"event_id": event.id, "partner_id": guest.id}])
        self.assertFalse(company_reg.ixl_board_member)
        self.employer.ixl_board_state = "member"
        self.assertTrue(company_reg.ixl_board_member)
        self.assertFalse(guest_reg.ixl_board_member)
        self.employer.ixl_board_state = "contacted"
        self.assertFalse(company_reg.ixl_board_member)
