from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestAnonymise(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_person("1995-03-10", "female", cls.morocco,
                                     first_name="Khadija", last_name="Ouazzani")
        cls.others = [
            cls.make_person("1970-06-01", "male"),
            cls.make_person("1999-12-31", "female", cls.morocco),
        ]
        cls.placements = cls.place(cls.person, "2025-02-01") | cls.place(
            cls.person, "2026-01-15", placement_type="internship", contract_type=False)
        cls.place(cls.others[0], "2025-05-01", contract_type="permanent")
        cls.person.message_post(body="Called her mother, she is ill.")
        cls.env["ir.attachment"].create({
            "name": "payslip.pdf", "raw": b"%PDF-1.4 payslip",
            "res_model": "ixl.beneficiary", "res_id": cls.person.id})
        cls.env["ixl.service"].create({"beneficiary_id": cls.person.id,
                                       "service_type": "cv_rewrite", "note": "Lives with X"})

    def _figures(self):
        Person = self.env["ixl.beneficiary"].with_context(active_test=False)
        Placement = self.env["ixl.placement"]
        self.env.flush_all()
        return {
            "people": Person._read_group(
                [], ["state", "gender", "nationality_group", "registration_date:month",
                     "municipality_id", "district_id", "profile_type", "readiness"],
                ["__count"]),
            "placements": Placement._read_group(
                [], ["placement_type", "contract_type", "gender", "nationality_group", "age_band",
                     "date_start:month"],
                ["__count", "age_at_start:sum", "age_at_start:avg"]),
        }

    def test_figures_do_not_move(self):
        ages = self.placements.mapped("age_at_start")
        before = self._figures()
        self.person.with_user(self.coordinator)._privacy_anonymise()
        self.env.invalidate_all()
        self.assertEqual(self._figures(), before)
        self.assertEqual(self.placements.mapped("age_at_start"), ages)
        self.assertEqual(set(self.placements.mapped("age_band")), {"under_35"})
        self.assertFalse(self.person.birthdate_date, "the birth date itself is gone")

    def _tracked(self):
        return self.env["mail.tracking.value"].search([
            ("mail_message_id.model", "=", "ixl.placement"),
            ("mail_message_id.res_id", "in", self.placements.ids)])

    def test_identifying_data_erased_facts_kept(self):
        person = self.person
        field = self.env["ir.model.fields"]._get("ixl.placement", "beneficiary_id")
        self.placements[0]._message_log(tracking_value_ids=[Command.create({
            "field_id": field.id, "old_value_char": "Someone",
            "new_value_char": person.name})])
        self.assertTrue(any("Khadija" in (v.new_value_char or "") for v in self._tracked()))
        partner = person.partner_id
        reference = person.reference
        person.with_user(self.coordinator)._privacy_anonymise()
        self.env.invalidate_all()
        self.assertEqual(person.name, f"Anonymised {reference}")
        self.assertEqual(person.fiscal_code, f"ANON{person.id}")
        for field in ("email", "phone", "street", "zip", "city", "birthdate_date",
                      "cv_file", "id_document", "fragility_notes", "interview_notes"):
            with self.subTest(field=field):
                self.assertFalse(person[field])
        self.assertEqual((person.state, person.gender, person.nationality_group),
                         ("active", "female", "non_italian"))
        self.assertEqual(person.municipality_id, self.bologna)
        self.assertEqual(len(person.placement_ids), 2)
        self.assertFalse(person.service_ids.note)
        self.assertFalse(person.cv_sharing_consent, "an anonymised person is never matched")
        self.assertFalse(self.env["mail.message"].search_count(
            [("model", "=", "ixl.beneficiary"), ("res_id", "=", person.id)]))
        self.assertFalse(self.env["ir.attachment"].search_count([
            "|", ("res_field", "=", False), ("res_field", "!=", False),
            ("res_model", "in", ("ixl.beneficiary", "res.partner")),
            ("res_id", "in", (person.id, partner.id))]))
        # the tracked name on the related placement is replaced
        self.assertFalse(any("Khadija" in (v.new_value_char or "") for v in self._tracked()))
        log = self.env["ixl.privacy.erasure"].search([("beneficiary_id", "=", person.id)])
        self.assertEqual((log.reference, log.user_id, log.origin),
                         (reference, self.coordinator, "request"))
        self.assertNotIn("Khadija", str(log.read()))
        with self.assertRaises(UserError):
            person.with_user(self.coordinator)._privacy_anonymise()

    def test_portal_user_archived(self):
        user = new_test_user(self.env, login="khadija.portal", groups="base.group_portal",
                             partner_id=self.person.partner_id.id)
        self.person.with_user(self.coordinator)._privacy_anonymise()
        self.assertFalse(user.active)
        self.assertNotIn("khadija", user.login)

    def test_rights(self):
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.person.with_user(user).action_privacy_anonymise()
        with self.assertRaises(AccessError):
            self.env["ixl.privacy.erasure"].with_user(self.operator).search([])

    def test_blocked_with_reason(self):
        Person = type(self.env["ixl.beneficiary"])
        original = Person._privacy_erasure_blockers

        def blockers(records):
            return original(records) + ["A loan is still open."]

        self.patch(Person, "_privacy_erasure_blockers", blockers)
        wizard = self.wizard_form(self.person, "action_privacy_anonymise", self.coordinator)
        self.assertIn("A loan is still open.", wizard.blockers)
        with self.assertRaisesRegex(UserError, "A loan is still open"):
            self.person.with_user(self.coordinator)._privacy_anonymise()
        self.assertFalse(self.person.anonymised_date)

    def test_wizard_needs_confirmation(self):
        form = self.wizard_form(self.person, "action_privacy_anonymise", self.coordinator)
        form.reason = "Request by email of 2026-11-20"
        wizard = form.save()
        with self.assertRaises(UserError):
            wizard.action_anonymise()
        self.assertFalse(self.person.anonymised_date)
        wizard.confirm = True
        wizard.action_anonymise()
        self.assertTrue(self.person.anonymised_date)
        log = self.env["ixl.privacy.erasure"].search([("beneficiary_id", "=", self.person.id)])
        self.assertEqual(log.reason, "Request by email of 2026-11-20")

    def test_dashboard_figures_do_not_move(self):
        """Every figure of the programme in numbers is the same after the erasure."""
        self.person.interview_held_date = "2025-01-10"
        dashboard = self.env["ixl.dashboard"].with_user(self.coordinator)
        before = dashboard.get_dashboard("2016-01-01", "2026-12-31")
        interviews = next(s for s in before["sections"] if s["key"] == "interviews")
        self.assertIn("1", str(interviews), "the erased person's interview is counted")
        self.person.with_user(self.coordinator)._privacy_anonymise()
        self.env.invalidate_all()
        self.assertEqual(dashboard.get_dashboard("2016-01-01", "2026-12-31"), before)
