from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

CONTEXT = {"tracking_disable": True, "mail_create_nosubscribe": True,
           "mail_create_nolog": True}


@tagged("post_install", "-at_install")
class TestConcurrentGrants(BaseCase):
    """Two coordinators grant money on the same call at the same moment, each with a
    real database cursor: the data is committed, then removed at the end."""

    def setUp(self):
        super().setUp()
        from odoo.modules.registry import Registry
        from odoo.tests.common import get_db_name

        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            agency = env["res.partner"].create({"name": "Race agency", "is_company": True})
            source = env["ixl.call.source"].create(
                {"name": "Race source", "amount": 50000, "date_from": "2024-01-01"})
            call = env["ixl.call"].create({
                "name": "Race call", "kind": "apl", "cap_amount": 40000,
                "cap_basis": "project_year", "date_open": "2024-01-01"})
            env["ixl.call.allocation"].create(
                {"source_id": source.id, "call_id": call.id, "amount": 50000})
            call.action_open()
            apps = env["ixl.call.application"].create([{
                "call_id": call.id, "partner_id": agency.id, "project_title": f"Race {i}",
                "date_start": "2025-01-01", "date_end": "2026-12-31",
            } for i in range(2)])
            apps.action_review()
            apps.action_approve()
            self.ids = {"agency": agency.id, "source": source.id, "call": call.id,
                        "apps": apps.ids}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            ids = self.ids
            env["ixl.call.grant"].search([("call_id", "=", ids["call"])]).unlink()
            env["ixl.call.application"].browse(ids["apps"]).unlink()
            env["ixl.call"].browse(ids["call"]).unlink()
            env["ixl.call.source"].browse(ids["source"]).unlink()
            env["res.partner"].browse(ids["agency"]).unlink()

    def _grant(self, cr, index, amount=30000):
        env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
        return env["ixl.call.grant"].create({
            "application_id": self.ids["apps"][index], "amount": amount, "year": 2025})

    @mute_logger("odoo.sql_db")
    def test_two_cursors_never_exceed_budget(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._grant(cr1, 0)  # holds the call's lock, not committed
            with self.assertRaises(errors.LockNotAvailable):
                self._grant(cr2, 1)
            cr2.rollback()
            # cr2 takes its snapshot before cr1 commits: it must not grant on it
            cr2.execute("SELECT COUNT(*) FROM ixl_call_grant")
            cr1.commit()
            with self.assertRaises(errors.SerializationFailure):
                self._grant(cr2, 1)
            cr2.rollback()
        with self.registry.cursor() as cr3:
            with self.assertRaisesRegex(ValidationError, "budget"):
                self._grant(cr3, 1)
            cr3.rollback()
            self._grant(cr3, 1, 20000)
            env = api.Environment(cr3, SUPERUSER_ID, CONTEXT)
            call = env["ixl.call"].browse(self.ids["call"])
            self.assertEqual((call.budget, call.granted, call.available), (50000, 50000, 0))
            cr3.rollback()
