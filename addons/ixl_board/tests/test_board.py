import base64
import io

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import BoardCase


@tagged("post_install", "-at_install")
class TestRequestsAndCandidates(BoardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_forklift_request_and_person()

    def _candidate(self, person=None, request=None):
        return self.env["ixl.candidate"].with_user(self.operator).create({
            "request_id": (request or self.request).id,
            "beneficiary_id": (person or self.person).id})

    def test_request_validation(self):
        for vals, message in (({"positions": 0}, "at least one"),
                              ({"weekly_hours": -1}, "negative"),
                              ({"placement_type": "internship"}, "Only a hire")):
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message):
                with self.cr.savepoint():
                    self.make_request(**vals)
        self.assertRegex(self.request.reference, r"^DP/\d{4}/\d{4}$")

    def test_hire_from_request_creates_the_placement(self):
        cand = self._candidate()
        self.assertEqual(cand.portal_name, f"{self.person.first_name} {self.person.last_name[0]}.")
        cand.action_send_cv()
        self.assertEqual((cand.state, self.request.state), ("cv_sent", "selection"))
        cand.action_interview()
        action = cand.action_hire()
        wizard = self.action_form(action)
        wizard.date_start = "2026-12-01"
        wizard.date_end = "2027-05-31"
        result = wizard.save().action_confirm()
        placement = self.env["ixl.placement"].browse(result["res_id"])
        self.assertEqual(
            (placement.beneficiary_id, placement.employer_id, placement.placement_type,
             placement.contract_type, placement.job_title, placement.weekly_hours,
             placement.request_id),
            (self.person, self.company, "hire", "fixed_term", "Warehouse worker", 38.0,
             self.request))
        self.assertEqual((cand.state, cand.placement_id), ("hired", placement))
        self.assertEqual(self.request.state, "filled", "one position, one hire")
        with self.assertRaisesRegex(UserError, "closed"):
            self.request.action_match()

    def test_candidate_rules(self):
        no_cv = self.make_ready([(self.forklift, self.basic)])
        cand = self._candidate(no_cv)
        with self.assertRaisesRegex(UserError, "no CV"):
            cand.action_send_cv()
        no_consent = self.make_ready([(self.forklift, self.basic)], cv_sharing_consent=False,
                                     cv_file=base64.b64encode(b"%PDF-1.4 cv"))
        with self.assertRaisesRegex(UserError, "consent to share the CV"):
            self._candidate(no_consent).action_send_cv()
        with self.assertRaisesRegex(UserError, "not possible now"):
            cand.action_hire()
        with self.assertRaisesRegex(UserError, "Record why"):
            cand.action_refused_beneficiary()
        cand.refusal_reason = "distance"
        cand.action_refused_beneficiary()
        other = self._candidate(no_cv, self.make_request([(self.picking, None)]))
        other.refusal_reason = "hours"
        other.action_refused_beneficiary()
        self.assertEqual(no_cv.refusal_count, 2)
        outsider = self.make_beneficiary(state="out_of_target")
        with self.assertRaisesRegex(UserError, "not admitted"):
            self._candidate(outsider)

    def test_company_sees_only_candidates_whose_cv_it_received(self):
        contact = self.env["res.partner"].create({
            "name": "Referente", "parent_id": self.company.id, "email": "ref@example.com"})
        portal = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Referente", "login": "ref_portal", "partner_id": contact.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        shortlisted = self._candidate()
        early_refusal = self._candidate(self.make_ready([(self.forklift, self.basic)]))
        early_refusal.refusal_reason = "pay"
        early_refusal.action_refused_beneficiary()
        visible = self.env["ixl.candidate"].with_user(portal).search([])
        self.assertFalse(visible & (shortlisted | early_refusal))
        shortlisted.action_send_cv()
        shortlisted.refusal_reason = "hours"
        shortlisted.action_refused_beneficiary()
        self.assertEqual(self.env["ixl.candidate"].with_user(portal).search([]), shortlisted)

    def test_grant_portal_access_in_one_action(self):
        with self.assertRaisesRegex(UserError, "contact with an email"):
            self.company.with_user(self.coordinator).action_ixl_grant_portal()
        contact = self.env["res.partner"].create({
            "name": "Rita Referente", "parent_id": self.company.id, "email": "rita@example.com"})
        action = self.company.with_user(self.coordinator).action_ixl_grant_portal()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.user_ids.partner_id, contact)
        wizard.user_ids.with_user(self.coordinator).action_grant_access()
        self.assertTrue(contact.user_ids._is_portal())

    def test_finance_does_not_read_refusals(self):
        """Issue 14: why a person refused may name a health condition (here of a person
        followed on an IPS path): finance sees the candidatures, never the reasons."""
        cand = self._candidate()
        cand.with_user(self.operator).write({
            "refusal_reason": "health", "refusal_note": "IPS path: depressive episode"})
        cand.with_user(self.operator).action_refused_beneficiary()
        finance = new_test_user(self.env, login="ixl_finance_export",
                                groups="ixl_beneficiary.group_ixl_finance,base.group_allow_export")
        Candidate = self.env["ixl.candidate"].with_user(finance)
        self.assertEqual(Candidate.browse(cand.id).state, "refused_beneficiary")
        self.assertNotIn("refusal_note", Candidate.fields_get())
        calls = {
            "read": lambda: Candidate.browse(cand.id).read(["refusal_reason"]),
            "read note": lambda: Candidate.browse(cand.id).read(["refusal_note"]),
            "search_read": lambda: Candidate.search_read([], ["refusal_note"]),
            "read_group": lambda: Candidate.read_group([], ["refusal_reason"],
                                                       ["refusal_reason"]),
            "search": lambda: Candidate.search([("refusal_note", "ilike", "IPS")]),
            "export": lambda: Candidate.browse(cand.id).export_data(["refusal_note"]),
        }
        for label, call in calls.items():
            with self.subTest(label), self.assertRaises(AccessError):
                call()
        row = Candidate.search_read([("id", "=", cand.id)])[0]
        self.assertFalse({"refusal_reason", "refusal_note"} & row.keys())
        self.assertEqual(cand.with_user(self.operator).refusal_note,
                         "IPS path: depressive episode")


@tagged("post_install", "-at_install")
class TestRanking(BoardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        names = ["Alfa", "Beta", "Gamma", "Delta"]
        cls.companies = {
            n: cls.env["res.partner"].create({"name": f"{n} Rankingtest", "is_company": True})
            for n in names}
        person = cls.make_beneficiary(state="active")
        # 2025: Alfa 3, Beta 3, Gamma 1; Delta only in 2024.
        for name, count in (("Alfa", 3), ("Beta", 3), ("Gamma", 1)):
            for i in range(count):
                cls._place(person, cls.companies[name], f"2025-0{i + 1}-10")
        cls._place(person, cls.companies["Delta"], "2024-12-31")
        cls._place(person, cls.companies["Gamma"], "2026-01-01")

    @classmethod
    def _place(cls, person, company, start):
        cls.env["ixl.placement"].create({
            "beneficiary_id": person.id, "employer_id": company.id, "placement_type": "internship",
            "date_start": start})

    def test_ties_grouped_and_year_bounds(self):
        ranking = self.env["ixl.ranking"]._get_ranking(2025)
        mine = {count: [n for n in names if n.endswith(" Rankingtest")]
                for _rank, count, names in ranking}
        self.assertEqual(mine[3], ["Alfa Rankingtest", "Beta Rankingtest"])
        self.assertEqual(mine[1], ["Gamma Rankingtest"])
        ranks = [rank for rank, _count, _names in ranking]
        counts = [len(names) for _rank, _count, names in ranking]
        self.assertEqual(ranks, [1 + sum(counts[:i]) for i in range(len(ranks))],
                         "tied companies share a rank; the next rank skips them")
        with self.assertRaisesRegex(UserError, "between"):
            self.env["ixl.ranking"]._get_ranking(1200)

    def test_xlsx_export(self):
        wizard = self.env["ixl.ranking"].with_user(self.finance).create({"year": 2025})
        self.assertIn("Alfa Rankingtest", wizard.ranking_html)
        content, fmt = self.env["ir.actions.report"].with_user(self.finance)._render(
            "ixl_board.action_report_ranking_xlsx", wizard.ids)
        self.assertEqual(fmt, "xlsx")
        from openpyxl import load_workbook
        sheet = load_workbook(io.BytesIO(content)).active
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
        alfa = [row for row in rows if "Alfa Rankingtest" in (row[2] or "")]
        self.assertEqual(len(alfa), 1)
        self.assertEqual(alfa[0][1], 3)
        self.assertIn("Beta Rankingtest", alfa[0][2])
        self.assertEqual(sheet["A1"].value, "Companies by placements through IXL, 2025")
