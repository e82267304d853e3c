"""Finance opens every screen of its menus (cross-addon, every ixl_* addon installed).

The contact card of a beneficiary (res.partner) is hidden from finance and its inherited
fields on ixl.beneficiary are for the operators (docs/security.md): each list, kanban and
form that finance reaches from the menus must still load, reading what the web client
reads (the fields of the views, many2one display names included), with a borrower, a
hire, a placement and a training package on screen."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ixl_beneficiary.tests.common import IxlCase, make_fiscal_code

RECORD_VIEWS = ("list", "kanban", "form", "calendar", "activity")


def spec_of(fields):
    """The web client's specification for the fields of a view (display names of the
    many2one fields; ids of the x2many fields, which widgets load on demand)."""
    spec = {}
    for name, info in fields.items():
        many2one = info["type"] == "many2one"
        spec[name] = {"fields": {"display_name": {}}} if many2one else {}
    return spec


@tagged("post_install", "-at_install")
class TestFinanceScreens(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env, login="ixl_finance_screens", groups="ixl_beneficiary.group_ixl_finance")
        cls.person = cls.make_beneficiary(state="active", birthdate_date="1965-03-10",
                                          phone="+39 051 777 1234")
        cls._make_loan()
        cls._make_hire()  # the hire records the placement too

    @classmethod
    def _make_loan(cls):
        bank = cls.env["res.partner"].create({"name": "Banca Test", "is_company": True})
        fund = cls.env["ixl.guarantee.fund"].create({"name": "Fondo test", "bank_id": bank.id})
        fund.change_ceiling("2025-01-01", 100000.0, "Delibera 1/2025")
        product = cls.env["ixl.loan.product"].create({"name": "Autoimpiego", "coverage_rate": 80})
        cls.env["ixl.loan"].create({
            "fund_id": fund.id, "product_id": product.id, "beneficiary_id": cls.person.id,
            "amount_requested": 8000, "amount_approved": 8000, "term_months": 10})

    @classmethod
    def _make_hire(cls):
        source = cls.env["ixl.call.source"].create({
            "name": "Hera test", "amount": 100000, "date_from": "2024-01-01"})
        call = cls.env["ixl.call"].create({
            "name": "Incentivo test", "kind": "hiring", "cap_amount": 10000,
            "cap_basis": "hire_year", "date_open": "2024-01-01"})
        cls.env["ixl.call.allocation"].create(
            {"source_id": source.id, "call_id": call.id, "amount": 50000})
        call.action_open()
        applicant = cls.env["res.partner"].create({"name": "Coop test", "is_company": True})
        cls.env["ixl.call.application"].create({
            "call_id": call.id, "partner_id": applicant.id,
            "hire_ids": [(0, 0, {"beneficiary_id": cls.person.id, "date_hire": "2025-03-03",
                                 "contract_type": "permanent"})]})

    def _finance_actions(self):
        Menu = self.env["ir.ui.menu"].with_user(self.finance)
        root = self.env.ref("ixl_beneficiary.menu_ixl_root")
        menus = Menu.browse(Menu._visible_menu_ids()).filtered(
            lambda m: m.parent_path.startswith(root.parent_path) and m.action
            and m.action._name == "ir.actions.act_window")
        return self.env["ir.actions.act_window"].union(*(menu.action for menu in menus))

    def test_finance_opens_every_screen_of_its_menus(self):
        actions = self._finance_actions()
        self.assertIn("ixl.loan", actions.mapped("res_model"))
        self.assertIn("ixl.beneficiary", actions.mapped("res_model"))
        for action in actions:
            Model = self.env[action.res_model].with_user(self.finance)
            modes = [m for m in action.view_mode.split(",") if m in RECORD_VIEWS]
            for mode in modes:
                with self.subTest(action=action.name, model=action.res_model, view=mode):
                    views = Model.get_views([(False, mode)])
                    spec = spec_of(views["models"][action.res_model]["fields"])
                    found = Model.web_search_read([], spec, limit=20)
                    if found["records"] and mode == "form":
                        Model.browse(found["records"][0]["id"]).web_read(spec)

    def test_finance_sees_the_borrower_name_not_the_card(self):
        loan = self.env["ixl.loan"].with_user(self.finance).search(
            [("beneficiary_id", "=", self.person.id)])
        row = loan.web_read({"partner_id": {"fields": {"display_name": {}}}})[0]
        self.assertEqual(row["partner_id"]["display_name"], self.person.name)
        # through the borrower: neither the card nor a search on it
        with self.assertRaises(AccessError):
            loan.web_read({"partner_id": {"fields": {"email": {}, "phone": {}}}})
        with self.assertRaises(AccessError):
            loan.partner_id.phone  # noqa: B018
        Loan = self.env["ixl.loan"].with_user(self.finance)
        self.assertFalse(Loan.search([("partner_id.email", "=", self.person.email)]))
        for path in ("beneficiary_id.phone", "beneficiary_id.partner_id.phone"):
            with self.subTest(path=path), self.assertRaises(AccessError):
                Loan.search([(path, "ilike", "777")])
        with self.assertRaises(AccessError):
            Loan.search([("beneficiary_id", "any", [("partner_id", "any", [
                ("birthdate_date", "<", "1970-01-01")])])])
        person = self.person.with_user(self.finance)
        rows = person.search_read([("id", "=", self.person.id)])
        self.assertEqual(rows[0]["name"], self.person.name)
        for forbidden in ("email", "phone", "street", "birthdate_date", "protocol_exit_reason",
                          "current_exit_id", "service_ids", "cv_file", "id_document"):
            self.assertNotIn(forbidden, rows[0])


WAIT_FOR = """
const selectors = %s;
const wait = (selector) => new Promise((resolve, reject) => {
    const start = Date.now();
    const timer = setInterval(() => {
        if (document.querySelector(selector)) {
            clearInterval(timer);
            resolve();
        } else if (Date.now() - start > 30000) {
            clearInterval(timer);
            reject(new Error(`${selector} never appeared`));
        }
    }, 100);
});
selectors.reduce((done, selector) => done.then(() => wait(selector)), Promise.resolve())
    .then(() => console.log("test successful"), (error) => console.error(error.message));
"""


@tagged("post_install", "-at_install")
class TestFinanceScreensInBrowser(HttpCase):
    """The web client renders a person's list and form for finance (the fields finance may
    not read are left out of the views; nothing in the page may fail on them)."""

    def test_finance_opens_a_person(self):
        finance = new_test_user(self.env, login="ixl_finance_browser",
                                groups="ixl_beneficiary.group_ixl_finance")
        person = self.env["ixl.beneficiary"].create({
            "first_name": "Bianca", "last_name": "Browser", "birthdate_date": "1980-01-15",
            "fiscal_code": make_fiscal_code("Browser", "Bianca", "1980-01-15", female=True),
            "email": "bianca@example.com", "phone": "+39 051 999 0000",
        })
        person.message_post(body="Operator's note", message_type="comment")
        action = "/odoo/action-ixl_beneficiary.ixl_beneficiary_action"
        self.browser_js(action, WAIT_FOR % '[".o_list_renderer .o_data_row"]',
                        login=finance.login)
        self.browser_js(f"{action}/{person.id}",
                        WAIT_FOR % '[".o_form_view .o_form_sheet", ".o-mail-Chatter"]',
                        login=finance.login)
