from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestAccess(CallsCase):
    def test_operator(self):
        call = self.hiring.with_user(self.operator)
        self.assertTrue(call.name)
        with self.assertRaises(AccessError):
            call.write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["ixl.call.source"].with_user(self.operator).create(
                {"name": "x", "amount": 1, "date_from": "2025-01-01"})
        app = self.env["ixl.call.application"].with_user(self.operator).create({
            "call_id": self.apl.id, "partner_id": self.agency.id})
        app.action_review()
        with self.assertRaises(AccessError):
            self.env["ixl.call.payment"].with_user(self.operator).check_access("create")

    def test_coordinator_approves_and_grants(self):
        app = self.make_apl_application(approve=False).with_user(self.coordinator)
        app.action_review()
        app.action_approve()
        grant = self.env["ixl.call.grant"].with_user(self.coordinator).create(
            {"application_id": app.id, "amount": 1000, "year": 2025})
        with self.assertRaises(AccessError):
            self.env["ixl.call.payment"].with_user(self.coordinator).create(
                {"grant_id": grant.id, "amount": 100})

    def test_finance_pays(self):
        app = self.make_apl_application()
        grant = self.grant(app, 1000, 2025)
        payment = self.env["ixl.call.payment"].with_user(self.finance).create(
            {"grant_id": grant.id, "amount": 100})
        self.assertEqual(payment.partner_id, self.agency)
        with self.assertRaises(AccessError):
            app.with_user(self.finance).write({"project_title": "x"})
        source = self.env["ixl.call.source"].with_user(self.finance)
        self.assertEqual(source.search_count([("id", "in", (self.hera | self.fund).ids)]), 2)
