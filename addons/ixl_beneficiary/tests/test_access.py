from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import IxlCase

# Expected rights per model and group: letters r, w, c, u (unlink) that are allowed.
MATRIX = {
    "ixl.beneficiary": {"operator": "rwc", "coordinator": "rwcu", "finance": "r",
                        "admin": "rwcu", "employee": "", "portal": ""},
    "ixl.beneficiary.skill": {"operator": "rwcu", "coordinator": "rwcu", "finance": "r",
                              "admin": "rwcu", "employee": "", "portal": ""},
    "ixl.placement": {"operator": "rwc", "coordinator": "rwcu", "finance": "r",
                      "admin": "rwcu", "employee": "", "portal": ""},
    "ixl.service": {"operator": "rwc", "coordinator": "rwcu", "finance": "",
                    "admin": "rwcu", "employee": "", "portal": ""},
    "ixl.protocol.exit": {"operator": "rwc", "coordinator": "rwc", "finance": "",
                          "admin": "rwc", "employee": "", "portal": ""},
    "ixl.municipality": {"operator": "r", "coordinator": "r", "finance": "r",
                         "admin": "rwcu", "employee": "r", "portal": ""},
    "ixl.district": {"operator": "r", "coordinator": "r", "finance": "r",
                     "admin": "rwcu", "employee": "r", "portal": ""},
    "ixl.job.area": {"operator": "r", "coordinator": "rwc", "finance": "r",
                     "admin": "rwcu", "employee": "r", "portal": ""},
    # proofs are written by the server only (the consent's own write), never by a caller
    "ixl.consent": {"operator": "r", "coordinator": "r", "finance": "",
                    "admin": "r", "employee": "", "portal": ""},
    # created by the interview outcome wizard only (locked fields), never edited
    "ixl.interview.outcome.record": {"operator": "rc", "coordinator": "rc", "finance": "",
                                     "admin": "rc", "employee": "", "portal": ""},
    # issue 17: reasons of refusals may name health or family; missed appointments are
    # dated facts recorded by the "did not come" button
    "ixl.refusal": {"operator": "rwc", "coordinator": "rwcu", "finance": "",
                    "admin": "rwcu", "employee": "", "portal": ""},
    "ixl.missed.appointment": {"operator": "rc", "coordinator": "rwcu", "finance": "",
                               "admin": "rwcu", "employee": "", "portal": ""},
}


@tagged("post_install", "-at_install")
class TestAccess(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "operator": cls.operator,
            "coordinator": cls.coordinator,
            "finance": cls.finance,
            "admin": new_test_user(cls.env, login="ixl_admin",
                                   groups="ixl_beneficiary.group_ixl_admin"),
            "employee": new_test_user(cls.env, login="ixl_employee", groups="base.group_user"),
            "portal": new_test_user(cls.env, login="ixl_portal", groups="base.group_portal"),
        }
        person = cls.make_beneficiary(state="active", fragility_notes="<p>Confidential</p>")
        skill = cls.env.ref("ixl_beneficiary.skill_office_cleaning")
        cls.records = {
            "ixl.beneficiary": person,
            "ixl.beneficiary.skill": cls.env["ixl.beneficiary.skill"].create({
                "beneficiary_id": person.id, "skill_id": skill.id,
                "skill_type_id": skill.skill_type_id.id}),
            "ixl.placement": cls.env["ixl.placement"].create({
                "beneficiary_id": person.id, "employer_id": cls.employer.id,
                "placement_type": "internship", "date_start": "2026-01-10"}),
            "ixl.service": cls.env["ixl.service"].create({
                "beneficiary_id": person.id, "service_type": "cv_rewrite"}),
            "ixl.protocol.exit": cls.env["ixl.protocol.exit"].create({
                "beneficiary_id": person.id, "reason": "employed", "state_before": "active"}),
            "ixl.municipality": cls.bologna,
            "ixl.district": cls.bologna.district_id,
            "ixl.job.area": cls.env.ref("ixl_beneficiary.job_area_cleaning_services"),
            "ixl.consent": cls.env["ixl.consent"].create({
                "beneficiary_id": person.id, "purpose": "cv_sharing", "given": True}),
            "ixl.interview.outcome.record": cls.env["ixl.interview.outcome.record"].create({
                "beneficiary_id": person.id, "date": "2026-01-05", "outcome": "in_target",
                "has_score": True, "vulnerability_score": 4, "readiness": "ready"}),
            "ixl.refusal": cls.env["ixl.refusal"].create({
                "beneficiary_id": person.id, "kind": "job_offer", "reason": "hours",
                "date": "2026-01-06"}),
            "ixl.missed.appointment": cls.env["ixl.missed.appointment"].create({
                "beneficiary_id": person.id, "date": "2026-01-07"}),
        }
        cls.person = person

    def test_access_matrix(self):
        self.assertAccessMatrix("ixl_beneficiary", MATRIX, self.users, self.records)

    def test_finance_reads_no_fragility_notes(self):
        as_finance = self.person.with_user(self.finance)
        self.assertEqual(as_finance.read(["name"])[0]["name"], self.person.name)
        for field in ("fragility_notes", "interview_notes", "protocol_exit_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                as_finance.read([field])
        self.assertIn("Confidential", self.person.with_user(self.operator).fragility_notes)

    def test_portal_and_employee_read_nothing(self):
        for group in ("portal", "employee"):
            with self.subTest(group=group), self.assertRaises(AccessError):
                self.person.with_user(self.users[group]).read(["name"])

    def test_beneficiary_list_query_count_is_flat(self):
        """The list view's read costs the same number of queries for 5 or 40 people."""
        for _i in range(40):
            self.make_beneficiary(state="active")
        view = self.env.ref("ixl_beneficiary.ixl_beneficiary_view_list")
        fields_spec = {
            name: {} for name in self.env["ixl.beneficiary"].get_views(
                [(view.id, "list")])["models"]["ixl.beneficiary"]["fields"]
        }
        fields_spec.pop("activity_ids", None)
        Model = self.env["ixl.beneficiary"].with_user(self.operator)
        Model.web_search_read([("state", "=", "active")], fields_spec, limit=1)  # warm caches
        counts = []
        for limit in (5, 40):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Model.web_search_read([("state", "=", "active")], fields_spec, limit=limit)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 12)
        self.env.invalidate_all()
        with self.assertQueryCount(counts[1]):
            Model.web_search_read([("state", "=", "active")], fields_spec, limit=80)
