"""Issue 17: a person refuses a candidature; the reason goes on the person's history and
in the figures of the month."""

import importlib.util

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import file_path

from odoo.addons.ixl_beneficiary.tests.dashboard_common import figures, get_section

from .common import BoardCase


@tagged("post_install", "-at_install")
class TestCandidateRefusal(BoardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_forklift_request_and_person()
        cls.candidate = cls.env["ixl.candidate"].with_user(cls.operator).create({
            "request_id": cls.request.id, "beneficiary_id": cls.person.id})

    def _refuse_with_wizard(self, reason, note=""):
        form = self.wizard_form(self.candidate, "action_record_refusal")
        form.reason = reason
        form.note = note
        form.save().action_confirm()

    @freeze_time("2024-03-14 11:00:00")
    def test_refuses_the_cv_sending_for_the_distance(self):
        """Shortlisted for a warehouse job in Casalecchio, she does not want her CV sent:
        too far without a car."""
        self._refuse_with_wizard("distance", "Senza auto, troppo lontano")
        refusal = self.person.refusal_ids
        self.assertEqual((refusal.kind, refusal.reason, str(refusal.date)),
                         ("cv_sending", "distance", "2024-03-14"))
        self.assertEqual((refusal.res_model, refusal.res_id), ("ixl.candidate", self.candidate.id))
        self.assertEqual(self.candidate.state, "refused_beneficiary")
        self.assertEqual((self.candidate.refusal_reason, self.candidate.refusal_id),
                         ("distance", refusal))
        self.assertIn("Distance / transport", self.person.message_ids[:1].body)
        self.assertEqual(self.person.refusal_count, 1)
        section = get_section(self.env(user=self.operator), "services", "2024-03-01",
                              "2024-03-31")
        blocks = figures(section)
        self.assertEqual(blocks["Missed appointments and refusals per month"]["March 2024"],
                         [0, 1])
        self.assertEqual(blocks["Refusals by reason"]["Distance / transport"], [1, 100.0])

    def test_refuses_the_job_after_the_cv_was_sent(self):
        self.candidate.with_user(self.operator).action_send_cv()
        self._refuse_with_wizard("family")
        self.assertEqual(self.person.refusal_ids.kind, "job_offer")
        self.assertEqual(self.candidate.refusal_reason, "health")
        self.assertEqual(self.candidate.state, "refused_beneficiary")

    def test_old_way_also_lands_on_the_history(self):
        """The step without the wizard (a reason already on the candidature) records the
        refusal too, once."""
        self.candidate.refusal_reason = "role"
        self.candidate.with_user(self.operator).action_refused_beneficiary()
        self.assertEqual((self.person.refusal_ids.reason, self.person.refusal_ids.kind),
                         ("sector", "cv_sending"))

    def test_refusals_of_before_the_upgrade_come_onto_the_history(self):
        """18.0.1.2.0: a candidature refused in November 2019, before refusals were
        records, becomes a refusal of that day (its reason translated), so 2019's
        figures have it; running the migration again adds nothing."""
        spec = importlib.util.spec_from_file_location(
            "ixl_board_post_refusals_18_0_1_2_0",
            file_path("ixl_board/migrations/18.0.1.2.0/post-refusals.py"))
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.candidate.with_user(self.operator).action_send_cv()
        self.candidate.write({"refusal_reason": "role", "refusal_note": "Turni di notte"})
        self.env.flush_all()
        # as a 18.0.1.1.0 database left it: refused, no refusal record, changed that day
        self.env.cr.execute("""
            UPDATE ixl_candidate SET state = 'refused_beneficiary', refusal_id = NULL,
                   write_date = '2019-11-30 23:30:00' WHERE id = %s""", [self.candidate.id])
        for _run in range(2):
            migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        refusal = self.person.refusal_ids
        self.assertEqual(len(refusal), 1)
        # 23:30 UTC on 30 November is 1 December in Bologna
        self.assertEqual((str(refusal.date), refusal.kind, refusal.reason, refusal.note),
                         ("2019-12-01", "job_offer", "sector", "Turni di notte"))
        self.assertEqual(self.candidate.refusal_id, refusal)
        section = get_section(self.env(user=self.operator), "services", "2019-01-01",
                              "2019-12-31")
        self.assertEqual(figures(section)["Refusals by reason"][
            "Not interested in the sector"], [1, 100.0])
