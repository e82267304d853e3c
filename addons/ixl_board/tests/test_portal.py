import base64
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.ixl_beneficiary.tests.common import PortalCase, new_person, new_portal_user

PORTAL_MODELS = ("ixl.job.request", "ixl.job.request.skill", "ixl.candidate", "ixl.placement",
                 "ixl.internship", "ixl.internship.month")


def make_company_user(env, company_name, contact_name, login):
    """A Board company, a contact of it and the contact's portal user; the password is
    the login, as start_tour expects."""
    company = env["res.partner"].create({
        "name": company_name, "is_company": True, "ixl_board_state": "member",
        "city": "Bologna"})
    return company, *new_portal_user(env, company, contact_name, login)


def make_person(env, first, last, seq, cv=None):
    """An active beneficiary, with a CV when ``cv`` (bytes) is given."""
    return new_person(
        env, first, last, town=f"A{950 + seq:03d}", state="active",
        phone=f"+39 051 00{seq:04d}", cv_file=base64.b64encode(cv) if cv else False,
        cv_filename=f"cv_{first.lower()}.pdf" if cv else False, cv_sharing_consent=True)


@tagged("post_install", "-at_install")
class TestBoardPortal(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env = cls.env
        cls.skill_type = env.ref("ixl_beneficiary.skill_type_professional")
        cls.forklift = env.ref("ixl_beneficiary.skill_forklift_operation")
        cls.picking = env.ref("ixl_beneficiary.skill_warehouse_picking")
        cls.casalecchio = env.ref("ixl_beneficiary.municipality_casalecchio_di_reno")
        cls.company_a, cls.contact_a, cls.user_a = make_company_user(
            env, "Alfa Logistica Srl", "Aldo Referente", "ixl_portal_a")
        cls.company_b, cls.contact_b, cls.user_b = make_company_user(
            env, "Betacostruzioni Spa", "Bruno Zetareferente", "ixl_portal_b")
        cls.colleague_a = env["res.partner"].create({
            "name": "Alice Collega", "parent_id": cls.company_a.id, "type": "contact"})
        cls.cv_a = b"%PDF-1.4 curriculum of Anna"
        cls.person_a = make_person(env, "Anna", "Alfieri", 1, cls.cv_a)
        cls.person_short = make_person(env, "Sandro", "Segretissimo", 2, b"%PDF-1.4 hidden")
        cls.person_b = make_person(env, "Beatrice", "Bianchini", 3, b"%PDF-1.4 curriculum B")
        cls.intern_a = make_person(env, "Ivo", "Internoni", 4)
        cls.intern_b = make_person(env, "Bice", "Borsistona", 5)
        cls.request_a = cls._make_request(cls.company_a, "Alfa warehouse worker")
        cls.request_b = cls._make_request(cls.company_b, "Betacrane operator")
        Candidate = env["ixl.candidate"]
        today = fields.Date.today()
        cls.cand_a = Candidate.create({"request_id": cls.request_a.id, "state": "cv_sent",
                                       "beneficiary_id": cls.person_a.id, "date_sent": today})
        cls.cand_short = Candidate.create({"request_id": cls.request_a.id,
                                           "beneficiary_id": cls.person_short.id})
        cls.cand_b = Candidate.create({"request_id": cls.request_b.id, "state": "cv_sent",
                                       "beneficiary_id": cls.person_b.id, "date_sent": today})
        Placement = env["ixl.placement"]
        cls.placement_a = Placement.create({
            "beneficiary_id": cls.person_a.id, "employer_id": cls.company_a.id,
            "placement_type": "hire", "contract_type": "fixed_term",
            "job_title": "Alfa forklift driver", "date_start": today, "weekly_hours": 30})
        cls.placement_b = Placement.create({
            "beneficiary_id": cls.person_b.id, "employer_id": cls.company_b.id,
            "placement_type": "hire", "contract_type": "permanent",
            "job_title": "Betasite helper", "date_start": today})
        Internship = env["ixl.internship"]
        cls.internship_a = Internship.create({
            "partner_id": cls.company_a.id, "beneficiary_id": cls.intern_a.id,
            "job_title": "Alfa stock clerk", "tutor_name": "Tullio Alfatutor",
            "date_start": today, "date_end": today + timedelta(days=90),
            "monthly_indemnity": 450})
        cls.internship_b = Internship.create({
            "partner_id": cls.company_b.id, "beneficiary_id": cls.intern_b.id,
            "job_title": "Betaclerk", "tutor_name": "Teresa Betatutor",
            "date_start": today, "date_end": today + timedelta(days=70),
            "monthly_indemnity": 500})
        other_type = env["hr.skill.type"].create({
            "name": "IXL portal test languages",
            "skill_ids": [(0, 0, {"name": "Klingon"})],
            "skill_level_ids": [(0, 0, {"name": "Fluent", "level_progress": 100})]})
        cls.other_skill = other_type.skill_ids
        cls.b_words = ["Betacostruzioni", "Zetareferente", "Betacrane", "Beatrice",
                       "Bianchini", "Betasite", "Borsistona", "Betatutor", "Betaclerk"]
        people = cls.person_a | cls.person_short | cls.person_b | cls.intern_a | cls.intern_b
        cls.secret_words = (people.mapped("fiscal_code") + people.mapped("email")
                            + people.mapped("phone")
                            + ["Alfieri", "Segretissimo", "Sandro", "Internoni"])

    @classmethod
    def _make_request(cls, company, role):
        return cls.env["ixl.job.request"].create({
            "name": role, "partner_id": company.id, "municipality_id": cls.casalecchio.id,
            "placement_type": "hire", "contract_type": "fixed_term", "weekly_hours": 38,
            "skill_ids": [(0, 0, {"skill_type_id": cls.skill_type.id,
                                  "skill_id": cls.forklift.id})]})

    def _login_a(self):
        self.authenticate(self.user_a.login, self.user_a.login)

    def assertNoLeak(self, text, url):
        for word in self.b_words + self.secret_words:
            self.assertNotIn(word, text, f"{word!r} shown on {url}")

    def test_home_counts_own_records(self):
        """Company A's contact opens the portal home: the Board cards are there and the
        counters count A's requests, candidates sent (not the shortlist), placements and
        internships only."""
        self._login_a()
        home = self._get("/my/home").text
        self.assertIn("/my/ixl/requests", home)
        counts = self.make_jsonrpc_request("/my/counters", {"counters": [
            "ixl_request_count", "ixl_candidate_count", "ixl_placement_count",
            "ixl_internship_count"]})
        self.assertEqual(counts, {"ixl_request_count": 1, "ixl_candidate_count": 1,
                                  "ixl_placement_count": 1, "ixl_internship_count": 1})

    # ------------------------------------------------------------------ ORM as portal user
    def test_orm_isolation(self):
        admin_b = {
            "ixl.job.request": self.request_b, "ixl.job.request.skill": self.request_b.skill_ids,
            "ixl.candidate": self.cand_b, "ixl.placement": self.placement_b,
            "ixl.internship": self.internship_b, "ixl.internship.month":
                self.internship_b.month_ids,
        }
        for model in PORTAL_MODELS:
            rows = self.env[model].with_user(self.user_a).search_read([])
            ids = {row["id"] for row in rows}
            self.assertTrue(ids, f"{model}: company A sees its own records")
            self.assertFalse(ids & set(admin_b[model].ids), f"{model}: B's records leak")
            self.assertTrue(admin_b[model], model)
            for row in rows:
                self.assertNotIn("beneficiary_id", row, model)
        candidate_ids = self.env["ixl.candidate"].with_user(self.user_a).search([]).ids
        self.assertEqual(candidate_ids, self.cand_a.ids)
        with self.assertRaises(AccessError):
            self.env["ixl.beneficiary"].with_user(self.user_a).search_read([])
        checks = [(self.cand_a, "beneficiary_id"), (self.cand_a, "match_score"),
                  (self.placement_a, "beneficiary_id"), (self.placement_a, "gender"),
                  (self.internship_a, "beneficiary_id")]
        for record, field in checks:
            with self.subTest(model=record._name, field=field), self.assertRaises(AccessError):
                record.with_user(self.user_a).read([field])
        with self.assertRaises(AccessError):
            self.request_b.with_user(self.user_a).read(["name"])
        portal_cand = self.cand_a.with_user(self.user_a)
        self.assertEqual(portal_cand.portal_name, "Anna A.")
        self.assertEqual(self.placement_a.with_user(self.user_a).portal_name, "Anna A.")

    def test_shortlisted_invisible(self):
        Candidate = self.env["ixl.candidate"].with_user(self.user_a)
        self.assertFalse(Candidate.search_count([("id", "=", self.cand_short.id)]))
        self.assertEqual(Candidate.search_count([("request_id", "=", self.request_a.id)]), 1)
        with self.assertRaises(AccessError):
            self.cand_short.with_user(self.user_a).read(["portal_name"])
        self._login_a()
        for url in ("/my/ixl/candidates", f"/my/ixl/requests/{self.request_a.id}"):
            self.assertNotIn("Sandro", self._get(url).text)
        self._get(f"/my/ixl/candidates/{self.cand_short.id}/cv", 404)

    # ------------------------------------------------------------------ pages
    def test_pages_show_own_data_only(self):
        self._login_a()
        expected = {
            "/my": ["Personnel requests", "Company sheet"],
            "/my/ixl/company": ["Alfa Logistica Srl", "Aldo Referente", "Alice Collega",
                                "Board member"],
            "/my/ixl/requests": ["Alfa warehouse worker", self.request_a.reference],
            f"/my/ixl/requests/{self.request_a.id}": [
                "Alfa warehouse worker", "Casalecchio di Reno", "Forklift operation",
                "Anna A.", f"/my/ixl/candidates/{self.cand_a.id}/cv"],
            "/my/ixl/candidates": ["Anna A.", "Alfa warehouse worker"],
            "/my/ixl/placements": ["Anna A.", "Alfa forklift driver"],
            "/my/ixl/internships": ["Ivo I.", "Alfa stock clerk", "Tullio Alfatutor"],
        }
        for url, words in expected.items():
            text = self._get(url).text
            for word in words:
                self.assertIn(word, text, url)
            self.assertNoLeak(text, url)

    def test_pages_for_companies_only(self):
        person = self.env["res.partner"].create({"name": "Private Pia"})
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "login": "ixl_portal_private", "password": "ixl_portal_private_pw",
            "partner_id": person.id, "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        self.authenticate(user.login, "ixl_portal_private_pw")
        self.assertNotIn("/my/ixl/requests", self._get("/my").text)
        for url in ("/my/ixl/company", "/my/ixl/requests", "/my/ixl/candidates"):
            self._get(url, 404)

    @mute_logger("odoo.http")
    def test_other_company_is_404(self):
        self._login_a()
        self.assertSameAsMissing("/my/ixl/requests/{}", self.request_b)
        self.assertSameAsMissing("/my/ixl/candidates/{}/cv", self.cand_b)
        for partner in (self.contact_b, self.company_a, self.company_b, self.person_a.partner_id):
            name = partner.name
            response = self._post(f"/my/ixl/company/contact/{partner.id}",
                                  {"name": "Hacked", "email": "x@example.com"})
            self.assertEqual(response.status_code, 404, partner.name)
            partner.invalidate_recordset()
            self.assertEqual(partner.name, name)

    @mute_logger("odoo.http")
    def test_contact_update(self):
        self._login_a()
        url = f"/my/ixl/company/contact/{self.colleague_a.id}"
        response = self._post(url, {"name": "Alice Collega", "function": "HR",
                                    "email": "not-an-email", "phone": "051"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("The email address is not valid.", response.text)
        self.colleague_a.invalidate_recordset()
        self.assertFalse(self.colleague_a.email)
        response = self._post(url, {"name": "Alice Collega", "function": "HR manager",
                                    "email": "alice@alfa.example", "phone": "051 123"},
                              allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.colleague_a.invalidate_recordset()
        self.assertEqual((self.colleague_a.function, self.colleague_a.email,
                          self.colleague_a.phone), ("HR manager", "alice@alfa.example",
                                                    "051 123"))
        # Without the CSRF token nothing is written.
        response = self.url_open(url, data={"name": "No token"})
        self.assertEqual(response.status_code, 400)
        self.colleague_a.invalidate_recordset()
        self.assertEqual(self.colleague_a.name, "Alice Collega")

    def test_cv_download(self):
        self._login_a()
        response = self._get(f"/my/ixl/candidates/{self.cand_a.id}/cv")
        self.assertEqual(response.content, self.cv_a)
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))

    # ------------------------------------------------------------------ new request
    def _requests_a(self):
        return self.env["ixl.job.request"].search([("partner_id", "=", self.company_a.id)])

    def _valid_form(self, **changes):
        form = {
            "name": "Alfa packer", "positions": "2", "municipality_id": str(self.casalecchio.id),
            "placement_type": "hire", "contract_type": "permanent", "weekly_hours": "20",
            "deadline": (date.today() + timedelta(days=30)).isoformat(),
            "description": "Night shifts\n<b>bold</b>",
            "skill_ids": [str(self.forklift.id), str(self.picking.id)],
        }
        form.update(changes)
        return {key: value for key, value in form.items() if value is not None}

    def test_new_request_form(self):
        self._login_a()
        text = self._get("/my/ixl/requests/new").text
        self.assertIn("Forklift operation", text)
        self.assertNotIn("Klingon", text)
        before = self._requests_a()
        response = self._post("/my/ixl/requests/new", self._valid_form(), allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        new = self._requests_a() - before
        self.assertEqual(len(new), 1)
        self.assertIn(f"/my/ixl/requests/{new.id}", response.headers["Location"])
        self.assertTrue(new.from_portal)
        self.assertEqual(new.partner_id, self.company_a)
        self.assertEqual(new.skill_ids.skill_id, self.forklift | self.picking)
        self.assertEqual((new.name, new.positions, new.municipality_id, new.contract_type,
                          new.weekly_hours), ("Alfa packer", 2, self.casalecchio, "permanent",
                                              20))
        self.assertNotIn("<b>", new.description)
        self.assertFalse(new.user_id)
        self.assertIn("submitted on the portal", new.message_ids[:1].body)
        text = self._get(f"/my/ixl/requests/{new.id}").text
        self.assertIn("Alfa packer", text)

    def test_new_request_form_italian(self):
        """The offer and contract choices are shown in the visitor's language."""
        self.env.ref("base.lang_it").active = True
        self._login_a()
        text = self._get("/it/my/ixl/requests/new").text
        self.assertIn("Assunzione", text)
        self.assertIn("Tempo determinato", text)
        self.assertNotIn("Fixed-term", text)

    def test_new_request_partner_forced(self):
        self._login_a()
        before = self.env["ixl.job.request"].search([])
        form = self._valid_form(partner_id=str(self.company_b.id), from_portal="0")
        self._post("/my/ixl/requests/new", form, allow_redirects=False)
        new = self.env["ixl.job.request"].search([]) - before
        self.assertEqual(new.partner_id, self.company_a)
        self.assertTrue(new.from_portal)

    def test_new_request_invalid(self):
        self._login_a()
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        cases = {
            "positions 0": {"positions": "0"},
            "positions -1": {"positions": "-1"},
            "positions text": {"positions": "two"},
            "deadline past": {"deadline": yesterday},
            "deadline garbage": {"deadline": "31/02/2030"},
            "unknown skill": {"skill_ids": [str(self.forklift.id), "999999999"]},
            "skill not a number": {"skill_ids": ["abc"]},
            "skill of another type": {"skill_ids": [str(self.other_skill.id)]},
            "missing role": {"name": None},
            "blank role": {"name": "   "},
            "hours text": {"weekly_hours": "many"},
            "hours nan": {"weekly_hours": "nan"},
            "hours negative": {"weekly_hours": "-4"},
            "no municipality": {"municipality_id": None},
            "unknown municipality": {"municipality_id": "999999999"},
            "unknown type": {"placement_type": "slavery"},
            "contract on internship": {"placement_type": "internship"},
        }
        before = self.env["ixl.job.request"].search_count([])
        for label, changes in cases.items():
            with self.subTest(label):
                response = self._post("/my/ixl/requests/new", self._valid_form(**changes))
                self.assertEqual(response.status_code, 400)
                self.assertIn("ixl_request_form", response.text)
                self.assertEqual(self.env["ixl.job.request"].search_count([]), before)
