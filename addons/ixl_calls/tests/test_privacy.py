from freezegun import freeze_time

from odoo.tests import tagged

from .common import CallsCase


@tagged("post_install", "-at_install")
class TestPrivacyHooks(CallsCase):
    def test_grant_paid_within_ten_years_blocks_erasure(self):
        person = self.make_senior()
        app = self.make_hiring_application([(person, "2025-03-01")])
        hire = app.hire_ids
        self.assertEqual(person._privacy_erasure_blockers(), [])
        grant = self.grant(app, 5000, 2025, hire=hire)
        self.assertIn("still to pay", person._privacy_erasure_blockers()[0])
        self.env["ixl.call.payment"].create(
            {"grant_id": grant.id, "amount": 5000, "date": "2025-06-30"})
        self.assertIn(grant.display_name, person._privacy_erasure_blockers()[0])
        with freeze_time("2035-07-01"):
            self.assertEqual(person._privacy_erasure_blockers(), [])
        claim = self.make_hiring_application([(person, "2025-04-01")],
                                             applicant=self.agency, approve=False).hire_ids
        self.assertEqual(claim.state, "conflict")
        related = person._privacy_related_records()
        for record in (hire, grant, claim):
            self.assertTrue(any(record in records for records in related
                                if records._name == record._name))
