from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import figures, get_section
from odoo.addons.ixl_microcredit.tests.common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestProjectLinkedToCall(MicrocreditCase):
    """Issue 15.19: a social project and its application to the social-innovation call
    recorded the same money twice. Linked, the project reads its funding from the
    application's grants and payments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org = cls.env["res.partner"].create({"name": "Coop Orti", "is_company": True})
        cls.other = cls.env["res.partner"].create({"name": "Coop Altro", "is_company": True})
        source = cls.env["ixl.call.source"].create({
            "name": "Fondo straordinario", "amount": 1000000, "date_from": "2020-01-01"})
        cls.call = cls.make_call("Innovazione sociale", "social", "project", source)
        cls.apl_call = cls.make_call("APL", "apl", "project_year", source)
        cls.app = cls.make_application(cls.call, cls.org)
        cls.grant = cls.env["ixl.call.grant"].create({
            "application_id": cls.app.id, "amount": 20000.0})
        cls.project = cls.env["ixl.social.project"].create({
            "name": "Orti inclusivi", "partner_id": cls.org.id, "funding_approved": 30000.0})

    @classmethod
    def make_call(cls, name, kind, basis, source):
        call = cls.env["ixl.call"].create({
            "name": name, "kind": kind, "cap_amount": 40000.0, "cap_basis": basis,
            "date_open": "2024-01-01"})
        cls.env["ixl.call.allocation"].create({"source_id": source.id, "call_id": call.id,
                                               "amount": 200000.0})
        call.action_open()
        return call

    @classmethod
    def make_application(cls, call, partner):
        app = cls.env["ixl.call.application"].create({
            "call_id": call.id, "partner_id": partner.id, "project_title": "Orti",
            "amount_requested": 20000.0, "date_start": "2024-03-01",
            "date_end": "2026-12-31"})
        app.action_review()
        app.action_approve()
        return app

    def pay(self, amount, day="2025-05-01"):
        return self.env["ixl.call.payment"].with_user(self.finance).create({
            "grant_id": self.grant.id, "date": day, "amount": amount})

    def link(self, project=None, app=None):
        form = Form((project or self.project).with_user(self.coordinator))
        form.application_id = app or self.app
        return form.save()

    def test_linked_project_reads_the_call_money(self):
        self.pay(12500.0)
        self.link()
        self.assertEqual((self.project.funding_approved, self.project.funding_paid),
                         (20000.0, 12500.0))
        self.pay(2500.0, "2025-06-01")
        self.grant.with_user(self.finance).action_reduce(18000.0, "Budget revised")
        self.assertEqual((self.project.funding_approved, self.project.funding_paid),
                         (18000.0, 15000.0))
        self.assertEqual(self.app.social_project_ids, self.project)
        with self.assertRefused("record the payment on its grant there", ValidationError):
            self.env["ixl.social.project.payment"].with_user(self.finance).create({
                "project_id": self.project.id, "date": "2025-06-01", "amount": 100.0})
        with self.assertRaises(AccessError):
            self.project.with_user(self.committee).funding_approved = 6250.0
        with self.assertRefused("reverse payments first", UserError):
            self.grant.with_user(self.finance).action_reduce(10000.0, "Below what was paid")
        self.assertEqual(self.project.funding_approved, 18000.0)

    def test_link_refused_when_the_money_would_be_wrong(self):
        self.env["ixl.social.project.payment"].create({
            "project_id": self.project.id, "date": "2025-04-01", "amount": 1000.0})
        with self.assertRefused("would be recorded twice", ValidationError):
            self.link()
        other_app = self.make_application(self.call, self.other)
        apl_app = self.make_application(self.apl_call, self.org)
        fresh = self.env["ixl.social.project"].create({"name": "Orti 2",
                                                       "partner_id": self.org.id})
        for app, message in ((other_app, "not from the organisation"),
                             (apl_app, "not for a call for social-innovation")):
            with self.subTest(app=app.name), self.assertRefused(message, ValidationError):
                fresh.with_user(self.coordinator).application_id = app
        fresh.with_user(self.coordinator).application_id = self.app
        twin = self.env["ixl.social.project"].create({"name": "Orti 3",
                                                      "partner_id": self.org.id})
        with self.assertRefused("already funds another project", ValidationError):
            twin.with_user(self.coordinator).application_id = self.app

    def test_dashboard_counts_call_payments_of_linked_projects(self):
        self.link()
        self.pay(4000.0, "2024-03-01")
        rows = figures(get_section(self.env(user=self.finance), "project_funding"))[
            "Social-innovation projects"]
        self.assertEqual(rows["Funding paid in the period through the calls (linked projects)"],
                         [4000.0, 1])
        self.assertEqual(rows["Funding paid in the period"], [0.0, 0])
