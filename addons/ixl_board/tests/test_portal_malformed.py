"""Regression tests of the defects make fuzz found in the company portal forms: a NUL
character made PostgreSQL fail (HTTP 500) and a 1 MB field was saved or broke an
index."""

from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.common import PortalCase

from .test_portal import make_company_user

LONG = "x" * 201


@tagged("post_install", "-at_install")
class TestBoardPortalMalformed(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company, cls.contact, cls.user = make_company_user(
            cls.env, "Gammafuzz Srl", "Gino Gammafuzz", "ixl_portal_fuzz")
        cls.colleague = cls.env["res.partner"].create({
            "name": "Gaia Gammafuzz", "parent_id": cls.company.id, "type": "contact"})
        cls.bologna = cls.env.ref("ixl_beneficiary.municipality_bologna")

    def setUp(self):
        super().setUp()
        self.authenticate(self.user.login, self.user.login)

    def _post(self, url, data, **kw):
        return super()._post(url, data, allow_redirects=False, **kw)

    def _requests(self):
        return self.env["ixl.job.request"].search([("partner_id", "=", self.company.id)])

    def test_contact_update_nul_and_long(self):
        url = f"/my/ixl/company/contact/{self.colleague.id}"
        form = {"name": "Gaia\x00 Gammafuzz", "function": "HR\x07", "email": "", "phone": ""}
        self.assertEqual(self._post(url, form).status_code, 303)
        self.colleague.invalidate_recordset()
        self.assertEqual(self.colleague.name, "Gaia Gammafuzz")
        self.assertEqual(self.colleague.function, "HR")
        for field in ("name", "function", "phone"):
            response = self._post(url, dict(form, **{field: LONG}))
            self.assertEqual(response.status_code, 400, field)
            self.assertIn("Too long (200 characters at most).", response.text)
            self.colleague.invalidate_recordset()
            self.assertNotEqual(self.colleague[field], LONG)

    def test_new_request_nul_and_long(self):
        form = {"name": "Packer\x00", "positions": "1", "placement_type": "hire",
                "municipality_id": str(self.bologna.id), "description": "Nights\x00"}
        self.assertEqual(self._post("/my/ixl/requests/new", form).status_code, 303)
        self.assertEqual(self._requests().name, "Packer")
        for changes in ({"name": LONG}, {"description": "x" * 10001}):
            response = self._post("/my/ixl/requests/new", dict(form, **changes))
            self.assertEqual(response.status_code, 400, changes.keys())
            self.assertIn("characters at most", response.text)
        self.assertEqual(len(self._requests()), 1)
