from odoo.addons.ixl_beneficiary.tests.common import IxlCase


class CallsCase(IxlCase):
    """Two sources, a hiring-incentive call (always open) and an APL call (deadline),
    an applicant organisation. Data built here, never demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Source = cls.env["ixl.call.source"]
        cls.hera = Source.create({"name": "Test Hera used clothes 2018-2019",
                                  "amount": 300000, "date_from": "2018-01-01",
                                  "date_to": "2019-12-31"})
        cls.fund = Source.create({"name": "Test fund of the Comune di Bologna",
                                  "amount": 1000000, "date_from": "2020-01-01"})
        cls.hiring = cls.make_call("Test hiring incentive", "hiring", 10000, "hire_year",
                                   {cls.hera: 50000})
        cls.apl = cls.make_call("Test APL projects", "apl", 40000, "project_year",
                                {cls.fund: 100000}, date_deadline="2030-01-31")
        cls.applicant = cls.env["res.partner"].create(
            {"name": "Cooperativa Test Sociale", "is_company": True})
        cls.agency = cls.env["res.partner"].create(
            {"name": "Agenzia Test Lavoro Spa", "is_company": True})

    @classmethod
    def make_call(cls, name, kind, cap, basis, allocations, **vals):
        call = cls.env["ixl.call"].create({
            "name": name, "kind": kind, "cap_amount": cap, "cap_basis": basis,
            "date_open": "2024-01-01", **vals})
        cls.env["ixl.call.allocation"].create([
            {"source_id": source.id, "call_id": call.id, "amount": amount}
            for source, amount in allocations.items()])
        call.action_open()
        return call

    @classmethod
    def make_senior(cls, state="active", birthdate="1965-03-10", **vals):
        return cls.make_beneficiary(state=state, birthdate_date=birthdate, **vals)

    @classmethod
    def make_approved_hire(cls, day):
        """A person of 55 or more hired on ``day``, in an approved application:
        (person, application, hire)."""
        person = cls.make_senior()
        app = cls.make_hiring_application([(person, day)])
        return person, app, app.hire_ids

    @classmethod
    def make_hiring_application(cls, hires, applicant=None, approve=True):
        """An application to the hiring call claiming (person, hire date) pairs; with
        ``approve``, staff review it, verify the hires and approve it."""
        app = cls.env["ixl.call.application"].create({
            "call_id": cls.hiring.id, "partner_id": (applicant or cls.applicant).id,
            "hire_ids": [(0, 0, {"fiscal_code": person.fiscal_code, "date_hire": day,
                                 "contract_type": "permanent"}) for person, day in hires]})
        if approve:
            app.action_review()
            app.hire_ids.action_verify()
            app.action_approve()
        return app

    @classmethod
    def make_apl_application(cls, applicant=None, approve=True, call=None,
                             period=("2024-01-01", "2026-12-31")):
        app = cls.env["ixl.call.application"].create({
            "call_id": (call or cls.apl).id, "partner_id": (applicant or cls.agency).id,
            "project_title": "Back to work", "project_description": "Coaching",
            "project_budget": 90000, "amount_requested": 40000,
            "date_start": period[0], "date_end": period[1]})
        if approve:
            app.action_review()
            app.action_approve()
        return app

    def grant(self, app, amount, year, hire=None):
        return self.env["ixl.call.grant"].create({
            "application_id": app.id, "amount": amount, "year": year,
            "hire_id": hire.id if hire else False})
