from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError
from stdnum import luhn
from stdnum.it import codicefiscale

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import IxlCase, make_fiscal_code


@tagged("post_install", "-at_install")
class TestBeneficiary(IxlCase):
    def test_fiscal_code_generator_is_valid(self):
        self.assertTrue(codicefiscale.is_valid(make_fiscal_code()))
        self.assertFalse(codicefiscale.is_valid(make_fiscal_code()[:-1] + "Z"))

    def test_name_and_reference(self):
        person = self.make_beneficiary(first_name=" Anna  Maria ", last_name="Bianchi")
        self.assertEqual(person.name, "Anna Maria Bianchi")
        self.assertRegex(person.reference, r"^IXL/\d{4}/\d{5}$")
        person.last_name = "Verdi"
        self.assertEqual(person.partner_id.name, "Anna Maria Verdi")

    def test_fiscal_code_validated_normalised_and_unique(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.make_beneficiary(fiscal_code="RSSMRA80A15A944X")
        code = make_fiscal_code("Neri", "Luca", "1990-05-05")
        person = self.make_beneficiary(fiscal_code=code.lower())
        self.assertEqual(person.fiscal_code, code)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.make_beneficiary(fiscal_code=f" {code} ")

    def test_identity_search_matches_the_four_fields(self):
        """One indexed search (union) finds what the OR of the four fields finds."""
        anna = self.make_beneficiary(first_name="Annalisa", last_name="Zanardi",
                                     email="anna.z@example.org")
        other = self.make_beneficiary(first_name="Piero", last_name="Zanotti")
        archived = self.make_beneficiary(first_name="Zeno", last_name="Zanardini")
        archived.active = False
        Beneficiary = self.env["ixl.beneficiary"]
        for value in ("zanard", "ANNA.Z@", anna.fiscal_code[:9].lower(), anna.reference,
                      "Piero Zan", "nobody"):
            old = ["|", "|", "|", ("name", "ilike", value), ("reference", "ilike", value),
                   ("fiscal_code", "ilike", value), ("email", "ilike", value)]
            self.assertEqual(Beneficiary.search([("identity_search", "ilike", value)]),
                             Beneficiary.search(old), value)
            self.assertEqual(Beneficiary.search([("identity_search", "not ilike", value)]),
                             Beneficiary.search(["!", *old]), value)
        self.assertEqual(Beneficiary.search([("identity_search", "ilike", "zanard")]), anna)
        self.assertEqual([r[0] for r in Beneficiary.name_search("Zanotti")], [other.id])
        self.assertEqual([r[0] for r in Beneficiary.name_search(anna.fiscal_code)], [anna.id])

    def test_birthdate_not_in_future(self):
        with self.assertRaisesRegex(ValidationError, "future"):
            self.make_beneficiary(birthdate_date="2099-01-01",
                                  fiscal_code=make_fiscal_code(birthdate="1999-01-01"))

    def test_nationality_group_and_district(self):
        # was test_is_italian_and_district: is_italian became nationality_group (issue 15)
        person = self.make_beneficiary(nationality_id=self.env.ref("base.it").id,
                                       municipality_id=self.imola.id)
        self.assertEqual(person.nationality_group, "italian")
        self.assertEqual(person.district_id, self.env.ref("ixl_beneficiary.district_imolese"))
        person.nationality_id = self.env.ref("base.ma")
        self.assertEqual(person.nationality_group, "non_italian")
        person.nationality_id = False
        self.assertEqual(person.nationality_group, "unknown")

    def test_age_at(self):
        person = self.make_beneficiary(birthdate_date="1970-06-15")
        self.assertEqual(person._age_at(date(2025, 6, 14)), 54)
        self.assertEqual(person._age_at(date(2025, 6, 15)), 55)


@tagged("post_install", "-at_install")
class TestFirstInterview(IxlCase):
    @freeze_time("2026-03-01 09:00:00")
    def test_fifteen_day_rule(self):
        person = self.make_beneficiary()
        self.assertEqual(person.interview_deadline, date(2026, 3, 16))
        activity = person.activity_ids
        self.assertEqual(activity.activity_type_id,
                         self.env.ref("ixl_beneficiary.mail_activity_type_first_interview"))
        self.assertEqual(activity.date_deadline, date(2026, 3, 16))
        overdue = [("id", "=", person.id), ("state", "in", ("registered", "scheduled")),
                   ("interview_deadline", "<", "2026-03-17")]
        with freeze_time("2026-03-16 18:00:00"):
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 15)
            self.assertFalse(person.is_interview_overdue)
        with freeze_time("2026-03-17 08:00:00"):
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 16)
            self.assertTrue(person.is_interview_overdue)
            self.assertEqual(self.env["ixl.beneficiary"].search(overdue), person)
            self._record_interview(person, "in_target", score=12, readiness="ready")
            person.invalidate_recordset(["days_waiting", "is_interview_overdue"])
            self.assertEqual(person.days_waiting, 16)
            self.assertFalse(person.is_interview_overdue)
            self.assertFalse(person.activity_ids, "the first-interview activity is done")
        with freeze_time("2026-05-01 08:00:00"):
            person.invalidate_recordset(["days_waiting"])
            self.assertEqual(person.days_waiting, 16, "waiting stops at the interview")

    @freeze_time("2026-03-01 09:00:00")
    def test_first_interview_activities_in_batches(self):
        """Many registrations at once (an import): one activity each, right operator and
        deadline, created in one batch per operator and deadline."""
        vals_list = []
        for i, (user, day) in enumerate([(self.operator, 1), (self.operator, 1),
                                         (self.coordinator, 1), (self.operator, 2)]):
            vals_list.append({
                "first_name": "Batch", "last_name": f"Person{'ABCD'[i]}",
                "fiscal_code": make_fiscal_code(f"Person{'ABCD'[i]}", "Batch", "1985-04-10",
                                                town=f"B{i:03d}"),
                "user_id": user.id, "registration_date": datetime(2026, 3, day, 9, 0),
                "municipality_id": self.bologna.id,
            })
        Activity = self.env["mail.activity"]
        created = []
        original = type(Activity).create

        def spy(model, batch):
            created.append(len(batch))
            return original(model, batch)

        with patch.object(type(Activity), "create", spy):
            people = self.env["ixl.beneficiary"].create(vals_list)
        self.assertEqual(sorted(created), [1, 1, 2], "one create per operator and deadline")
        for person, vals in zip(people, vals_list, strict=True):
            self.assertEqual(len(person.activity_ids), 1)
            self.assertEqual(person.activity_ids.user_id.id, vals["user_id"])
            self.assertEqual(person.activity_ids.date_deadline, person.interview_deadline)

    def _record_interview(self, person, outcome, score=0, readiness="pending", user=None):
        wizard = self.wizard_form(person, "action_record_interview", user)
        wizard.outcome = outcome
        if outcome == "in_target":
            wizard.vulnerability_score = score
            wizard.readiness = readiness
        wizard.save().action_confirm()

    def test_schedule_needs_a_date(self):
        person = self.make_beneficiary()
        with self.assertRaisesRegex(UserError, "date of the interview"):
            person.action_schedule_interview()
        person.interview_date = datetime(2026, 12, 1, 10, 0)
        person.action_schedule_interview()
        self.assertEqual(person.state, "scheduled")
        self.assertEqual(person.activity_ids.date_deadline, date(2026, 12, 1))

    def test_profile_type_from_score(self):
        strong, weak, edge = (self.make_beneficiary() for _i in range(3))
        self._record_interview(strong, "in_target", score=4, readiness="ready")
        self._record_interview(edge, "in_target", score=10, readiness="not_ready")
        self._record_interview(weak, "in_target", score=11, readiness="fragile")
        self.assertEqual((strong.profile_type, edge.profile_type, weak.profile_type),
                         ("strong", "strong", "weak"))
        self.assertEqual(weak.readiness, "fragile")
        self.assertEqual(weak.state, "in_target")
        self.assertTrue(weak.is_admitted)
        self.assertEqual(weak.interviewer_id, self.operator)

    def test_out_of_target_and_transitions(self):
        person = self.make_beneficiary()
        self._record_interview(person, "out_of_target")
        self.assertEqual(person.state, "out_of_target")
        self.assertFalse(person.profile_type)
        self.assertFalse(person.is_admitted)
        with self.assertRaisesRegex(UserError, "not possible"):
            person.action_activate()
        # Changed by issue 15 (case 8): a person not in target can be assessed again.
        self.assertEqual(person.action_record_interview()["res_model"], "ixl.interview.outcome")
        other = self.make_beneficiary()
        self._record_interview(other, "in_target", score=3, readiness="ready")
        other.action_activate()
        self.assertEqual(other.state, "active")

    def test_interview_wizard_refuses_bad_input(self):
        person = self.make_beneficiary()
        wizard = self.env["ixl.interview.outcome"].create({
            "beneficiary_id": person.id, "outcome": "in_target", "vulnerability_score": -1})
        with self.assertRaisesRegex(UserError, "negative"):
            wizard.action_confirm()
        wizard.write({"vulnerability_score": 5, "interview_date": "2099-01-01"})
        with self.assertRaisesRegex(UserError, "future"):
            wizard.action_confirm()
        self.assertEqual(person.state, "registered", "nothing saved")


@tagged("post_install", "-at_install")
class TestCodiceFiscalePending(IxlCase):
    def _register_pending(self, first, last):
        form = Form(self.env["ixl.beneficiary"].with_user(self.operator))
        form.first_name = first
        form.last_name = last
        form.fiscal_code_pending = True
        form.municipality_id = self.bologna
        return form.save()

    def test_staff_register_a_person_whose_code_is_pending(self):
        """Issue 15: people without a codice fiscale yet are registered at the office,
        flagged pending and listed by a filter; only real codes are unique."""
        first = self._register_pending("Yonas", "Tesfaye")
        second = self._register_pending("Selam", "Tesfaye")
        self.assertEqual((first.fiscal_code, first.fiscal_code_pending), (False, True))
        search = self.env.ref("ixl_beneficiary.ixl_beneficiary_view_search")
        node = etree.fromstring(search.arch).xpath("//filter[@name='fiscal_code_pending']")[0]
        listed = self.env["ixl.beneficiary"].search(safe_eval(node.get("domain")))
        self.assertEqual(listed & (first | second), first | second)
        with Form(first.with_user(self.operator)) as form:
            form.fiscal_code = make_fiscal_code("Tesfaye", "Yonas", "1994-02-11")
        self.assertFalse(first.fiscal_code_pending, "the code arrived")
        self.assertNotIn(first, self.env["ixl.beneficiary"].search(
            safe_eval(node.get("domain"))))

    def test_code_or_pending(self):
        form = Form(self.env["ixl.beneficiary"].with_user(self.operator))
        form.first_name = "No"
        form.last_name = "Code"
        form.municipality_id = self.bologna
        with self.assertRaisesRegex(AssertionError, "fiscal_code is a required field"):
            form.save()
        with self.assertRaisesRegex(ValidationError, "or mark it as pending"):
            self.env["ixl.beneficiary"].with_user(self.operator).create(
                {"first_name": "No", "last_name": "Code"})

    def test_provisional_code_validated(self):
        base = "7654321" + "037"
        code = base + luhn.calc_check_digit(base)
        self.assertEqual(self.make_beneficiary(fiscal_code=f" {code} ").fiscal_code, code)
        for bad in (base + str((int(code[-1]) + 1) % 10),  # check digit
                    "7654321" + "555" + "0",  # no such office
                    "12345"):
            with self.subTest(code=bad), self.assertRaisesRegex(ValidationError, "not valid"):
                self.make_beneficiary(fiscal_code=bad)

    def test_office_registration_with_a_shared_email(self):
        """The codice fiscale identifies a person; the shared email is a note."""
        first = self.make_beneficiary(email="famiglia.tesfaye@example.com")
        second = self.make_beneficiary(email="Famiglia.Tesfaye@example.com")
        kind = self.env.ref("ixl_beneficiary.mail_activity_type_shared_email")
        shared = second.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        self.assertEqual(len(shared), 1)
        self.assertIn(first.reference, str(shared.note))
        self.assertFalse(first.activity_ids.filtered(lambda a: a.activity_type_id == kind))

    def test_unticking_pending_without_a_code_is_refused(self):
        """Issue 19: the privacy file overrode the constraint on the codice fiscale alone,
        so unticking "pending" on a person without a code went through."""
        person = self.env["ixl.beneficiary"].create({
            "first_name": "Yonas", "last_name": "Tesfaye", "fiscal_code_pending": True,
            "municipality_id": self.bologna.id}).with_user(self.operator)
        with self.assertRefused("or mark it as pending"):
            person.fiscal_code_pending = False


@tagged("post_install", "-at_install")
class TestImport(IxlCase):
    def test_import_with_a_wrong_code_reports_the_code(self):
        """Staff import a spreadsheet of registrations; one row has a wrong check letter.
        The import is refused with the row's codice fiscale error, not a database error
        (the importer retries the rows after rolling back the failed batch)."""
        good = make_fiscal_code("BIANCHI", "LUCA", "1985-04-03")
        wrong = make_fiscal_code("NERI", "SARA", "1990-07-21", female=True)
        wrong = wrong[:-1] + ("A" if wrong[-1] != "A" else "B")
        result = self.env["ixl.beneficiary"].load(
            ["first_name", "last_name", "fiscal_code"],
            [["Luca", "Bianchi", good], ["Sara", "Neri", wrong]])
        messages = [m["message"] for m in result["messages"]]
        self.assertFalse(result["ids"])
        self.assertTrue(messages)
        self.assertTrue(all("codice fiscale" in m and "foreign key" not in m for m in messages),
                        messages)
        result = self.env["ixl.beneficiary"].load(
            ["first_name", "last_name", "fiscal_code"], [["Luca", "Bianchi", good]])
        self.assertEqual(len(result["ids"]), 1, result["messages"])
