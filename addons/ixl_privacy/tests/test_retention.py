from freezegun import freeze_time

from odoo.tests import tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestRetention(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old, cls.recent, cls.kept = (cls.make_person() for _i in range(3))
        with freeze_time("2020-03-01"):
            cls._leave_protocol(cls.old | cls.kept)
        with freeze_time("2023-03-01"):
            cls._leave_protocol(cls.recent)

    @classmethod
    def _leave_protocol(cls, people):
        cls.env["ixl.out.of.protocol"].create({
            "beneficiary_ids": people.ids, "reason": "employed", "send_email": False,
        }).action_confirm()

    def _run(self):
        return self.env["ixl.privacy.retention.run"]._cron_retention()

    def test_anonymises_after_the_period_skipping_blocked(self):
        Person = type(self.env["ixl.beneficiary"])
        original = Person._privacy_erasure_blockers
        kept = self.kept

        def blockers(records):
            extra = ["Loan still open."] if records == kept else []
            return original(records) + extra

        self.patch(Person, "_privacy_erasure_blockers", blockers)
        with freeze_time("2026-06-01"):
            run = self._run()
        self.assertEqual((run.anonymised_count, run.blocked_count, run.retention_years),
                         (1, 1, 5))
        self.assertTrue(self.old.anonymised_date)
        self.assertFalse(self.recent.anonymised_date, "out of protocol for 3 years only")
        self.assertFalse(self.kept.anonymised_date)
        self.assertEqual(run.anonymised, self.old.reference)
        self.assertIn(f"{self.kept.reference}: Loan still open.", run.blocked)
        log = self.env["ixl.privacy.erasure"].search([("beneficiary_id", "=", self.old.id)])
        self.assertEqual(log.origin, "retention")
        # runs again without doing anything twice
        with freeze_time("2026-06-02"):
            self.assertEqual(self._run().anonymised_count, 0)

    def test_period_from_the_settings(self):
        self.env["res.config.settings"].create({"ixl_retention_years": 2}).execute()
        with freeze_time("2026-06-01"):
            run = self._run()
        self.assertEqual(run.anonymised_count, 3)
        self.assertTrue(self.recent.anonymised_date)

    def test_coordinators_read_the_runs(self):
        with freeze_time("2026-06-01"):
            run = self._run()
        self.assertEqual(run.with_user(self.coordinator).read(["anonymised_count"])[0][
            "anonymised_count"], 2)
        self.assertFalse(run.with_user(self.coordinator).has_access("write"))
        self.assertFalse(run.with_user(self.operator).has_access("read"))

