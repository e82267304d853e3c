from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase


@tagged("post_install", "-at_install")
class TestBoardSteps(IxlCase):
    """Issue 15.18: each Board step on the day it happened, rules checked as of then."""

    freeze_time = "2026-03-01 23:30:00"  # already 2 March in Bologna

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.partner"].create({"name": "Nuova Srl", "is_company": True})

    def _step(self, method, user=None, **values):
        return self.run_wizard(self.company, method, user, **values)

    def test_steps_on_their_real_dates(self):
        wizard = self.wizard_form(self.company, "action_ixl_mark_contacted")
        self.assertEqual(wizard.date, date(2026, 3, 2), "today in Bologna")
        contact, join, leave = ("action_ixl_mark_contacted", "action_ixl_join_board",
                                "action_ixl_leave_board")
        story = [  # (button, date, refused with / the state and the date it records)
            (contact, date(2026, 3, 3), "future"),
            (contact, date(2025, 11, 4), ("contacted", "ixl_contact_date")),
            (contact, date(2025, 12, 1), "already contacted"),
            (join, date(2025, 11, 3), "previous step"),
            (join, date(2026, 1, 20), ("member", "ixl_board_join_date")),
            (leave, date(2026, 1, 19), "before joining"),
            (leave, date(2026, 2, 27), ("left", "ixl_board_leave_date")),
            (join, date(2026, 2, 26), "previous step"),
        ]
        for method, day, outcome in story:
            with self.subTest(method=method, date=day):
                if isinstance(outcome, str):
                    with self.assertRaisesRegex(UserError, outcome), self.cr.savepoint():
                        self._step(method, date=day)
                    continue
                self._step(method, date=day)
                state, field = outcome
                self.assertEqual((self.company.ixl_board_state, self.company[field]),
                                 (state, day))
        with self.assertRaises(AccessError):
            self._step("action_ixl_join_board", user=self.finance, date=date(2026, 3, 1))

    def test_dates_only_through_the_steps(self):
        for user in (self.operator, self.coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).write({"ixl_contact_date": "2026-01-01"})
        self.assertFalse(self.company.ixl_contact_date)

    def test_crm_membership(self):
        self._step("action_ixl_mark_contacted", date=date(2026, 2, 2))
        lead = self.env["crm.lead"].create({"name": "Board", "type": "opportunity",
                                            "partner_id": self.company.id,
                                            "ixl_board_membership": True})
        lead.action_set_won()
        self.assertEqual((self.company.ixl_board_state, self.company.ixl_board_join_date),
                         ("member", date(2026, 3, 2)))


@tagged("post_install", "-at_install")
class TestCompanyRegistration(IxlCase):
    """Issue 15.10: an operator (Operator group only) registers a company."""

    def _register(self, user, **values):
        action = self.env.ref("ixl_board.ixl_company_register_action")
        form = Form(self.env[action.res_model].with_user(user))
        for name, value in values.items():
            setattr(form, name, value)
        return form.save().action_confirm()

    def test_operator_registers_a_company(self):
        self.assertFalse(self.operator.has_group("base.group_partner_manager"))
        result = self._register(
            self.operator, name=" Forno Pane Srl ", vat="IT01234567890", city="Bologna",
            ixl_company_size="small", ixl_municipality_id=self.bologna,
            contact_date=date(2025, 10, 6))
        company = self.env["res.partner"].with_user(self.operator).browse(result["res_id"])
        self.assertRecordValues(company, [{
            "name": "Forno Pane Srl", "is_company": True, "vat": "IT01234567890",
            "ixl_board_state": "contacted", "ixl_contact_date": date(2025, 10, 6),
            "ixl_company_size": "small", "ixl_municipality_id": self.bologna.id}])
        with self.assertRaisesRegex(UserError, "already registered"):
            self._register(self.operator, name="forno pane srl")
        with self.assertRaisesRegex(UserError, "already registered"):
            self._register(self.operator, name="Another name", vat="IT01234567890")
        # The grant is the registration, not partner rights in general.
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.operator).create(
                {"name": "Direct Srl", "is_company": True})
        with self.assertRaises(AccessError):
            self._register(self.finance, name="Finance Srl")

    def test_registration_date_not_in_the_future(self):
        with self.assertRaisesRegex(UserError, "future"):
            self._register(self.operator, name="Domani Srl", contact_date=date(2099, 1, 1))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Domani Srl")]))
