import io
import json
import zipfile

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import make_fiscal_code

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestExport(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.make_person(first_name="Ioana", last_name="Popescu")
        cls.placement = cls.place(cls.person, "2025-02-01", job_title="Cashier")
        cls.person.message_post(body="Asked for a part-time job.")
        cls.env["ir.attachment"].create({
            "name": "certificate.pdf", "raw": b"%PDF-1.4 certificate",
            "res_model": "ixl.placement", "res_id": cls.placement.id})

    def test_zip_holds_everything(self):
        data = self.env["ixl.privacy.export"].with_user(self.coordinator)._build_zip(
            self.person.with_user(self.coordinator))
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        self.assertIn("data.json", names)
        self.assertIn("data.xlsx", names)
        content = json.loads(archive.read("data.json"))
        person = content["records"]["Beneficiary"][0]
        self.assertEqual(person["Codice fiscale"], self.person.fiscal_code)
        self.assertIn("Health condition X", person["Health and fragility notes"])
        self.assertEqual(content["records"]["Placement"][0]["Role"], "Cashier")
        self.assertEqual(content["records"]["Contact"][0]["Email"], self.person.email)
        self.assertTrue(any("part-time" in m["Text"] for m in content["messages"]))
        files = {f["name"]: f["file"] for f in content["attachments"]}
        self.assertTrue(files["cv_file"].endswith("_cv.pdf"), "named after the upload")
        self.assertEqual(archive.read(files["certificate.pdf"]), b"%PDF-1.4 certificate")
        self.assertEqual(len(content["attachments"]), 3, "CV, identity document, certificate")
        workbook = load_workbook(io.BytesIO(archive.read("data.xlsx")))
        self.assertIn("Beneficiary", workbook.sheetnames)
        self.assertIn("Messages", workbook.sheetnames)
        log = self.env["ixl.sensitive.access.log"].search([("beneficiary_id", "=",
                                                            self.person.id)])
        self.assertEqual(log.user_id, self.coordinator)

    def test_only_coordinators(self):
        for user in (self.operator, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.person.with_user(user).action_privacy_export()
        action = self.person.with_user(self.coordinator).action_privacy_export()
        self.assertEqual(action["url"], f"/ixl/privacy/export/{self.person.id}")


@tagged("post_install", "-at_install")
class TestExportRoute(HttpCase):
    def test_download_route_checks_rights(self):
        person = self.env["ixl.beneficiary"].create({
            "first_name": "Awa", "last_name": "Ndiaye", "birthdate_date": "1990-04-02",
            "fiscal_code": make_fiscal_code("NDIAYE", "AWA", "1990-04-02", female=True),
            "email": "awa@example.com"})
        new_test_user(self.env, login="exp_coord", groups="ixl_beneficiary.group_ixl_coordinator")
        new_test_user(self.env, login="exp_oper", groups="ixl_beneficiary.group_ixl_operator")
        self.authenticate("exp_oper", "exp_oper")
        response = self.url_open(f"/ixl/privacy/export/{person.id}")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"awa@example.com", response.content)
        self.authenticate("exp_coord", "exp_coord")
        response = self.url_open(f"/ixl/privacy/export/{person.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        content = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
        self.assertEqual(content["records"]["Contact"][0]["Email"], "awa@example.com")
