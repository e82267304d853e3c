"""Issue 14: a host company reads "first name + initial" of its intern on every path:
the display names of internships, placements and candidates depend on who asks, even
when Odoo computes them as superuser (many2one values, web_read)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import PortalCase

from .test_portal import make_company_user, make_person


@tagged("post_install", "-at_install")
class TestPortalNames(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company, _contact, cls.portal = make_company_user(
            env, "Alfa Logistica Srl", "Aldo Referente", "ixl_names_portal")
        cls.intern = make_person(env, "Ivo", "Internoni", 41, b"%PDF-1.4 cv")
        today = fields.Date.today()
        cls.internship = env["ixl.internship"].create({
            "partner_id": cls.company.id, "beneficiary_id": cls.intern.id,
            "job_title": "Stock clerk", "date_start": today,
            "date_end": today + timedelta(days=70), "monthly_indemnity": 450})
        cls.internship.action_start()
        cls.placement = cls.internship.placement_id
        request = env["ixl.job.request"].create({
            "name": "Warehouse worker", "partner_id": cls.company.id,
            "municipality_id": env.ref("ixl_beneficiary.municipality_bologna").id})
        cls.candidate = env["ixl.candidate"].create({
            "request_id": request.id, "beneficiary_id": cls.intern.id})
        cls.candidate.action_send_cv()
        cls.short = "Ivo I."

    def test_orm_paths(self):
        Month = self.env["ixl.internship.month"].with_user(self.portal)
        line = Month.search([], limit=1)
        self.assertEqual(line.read(["internship_id"])[0]["internship_id"],
                         (self.internship.id, f"{self.short} - Alfa Logistica Srl"))
        spec = {"internship_id": {"fields": {"display_name": {}}}, "display_name": {}}
        row = line.web_read(spec)[0]
        self.assertTrue(row["internship_id"]["display_name"].startswith(self.short))
        self.assertTrue(row["display_name"].startswith(self.short))
        placement = self.placement.with_user(self.portal)
        self.assertEqual(placement.read(["internship_id"])[0]["internship_id"][1],
                         f"{self.short} - Alfa Logistica Srl")
        hire_spec = {"internship_id": {"fields": {"display_name": {}}}}
        self.assertTrue(placement.web_read(hire_spec)[0]["internship_id"]["display_name"]
                        .startswith(self.short))
        for record in (self.internship, self.placement, self.candidate):
            model = self.env[record._name].with_user(self.portal)
            with self.subTest(model=record._name):
                rows = model.search_read([("id", "=", record.id)], ["display_name"])
                self.assertTrue(rows[0]["display_name"].startswith(self.short))
                self.assertNotIn("Internoni", rows[0]["display_name"])
                self.assertFalse(model.name_search("Internoni"))
                self.assertEqual([name for _id, name in model.name_search("Ivo")][:1],
                                 [rows[0]["display_name"]])
                staff = self.env[record._name].with_user(self.env.ref("base.user_admin"))
                self.assertIn("Ivo Internoni", staff.browse(record.id).display_name)
                self.assertIn(record.id, [rid for rid, _name in staff.name_search("Internoni")])

    def test_pages_and_rpc(self):
        self.authenticate(self.portal.login, self.portal.login)
        for url in ("/my/ixl/internships", "/my/ixl/placements", "/my/ixl/candidates"):
            with self.subTest(url):
                text = self._get(url).text
                self.assertIn(self.short, text)
                self.assertNotIn("Internoni", text)
        line = self.internship.month_ids[:1]
        result = self.make_jsonrpc_request("/web/dataset/call_kw/ixl.internship.month/web_read", {
            "model": "ixl.internship.month", "method": "web_read", "args": [line.ids],
            "kwargs": {"specification": {"internship_id": {"fields": {"display_name": {}}}}},
        })
        self.assertIn(self.short, str(result))
        self.assertNotIn("Internoni", str(result))
