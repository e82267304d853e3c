from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import figures, get_section

from .common import MicrocreditCase


@tagged("post_install", "-at_install")
class TestFundAsOf(MicrocreditCase):
    """Issue 15.16: every figure of the fund is as of a day; today's is today's."""

    @freeze_time("2025-03-10 12:00:00")
    def test_future_ceiling_change_counts_from_its_day(self):
        fund = self.fund.with_user(self.finance)
        fund.change_ceiling("2025-07-01", 150000.0, "Delibera 7/2025")
        fund.invalidate_recordset()
        self.assertEqual((fund.ceiling, fund.free_capacity), (100000.0, 100000.0))
        self.assertEqual(fund._ledger_figures("2025-07-01")[fund.id]["free_capacity"], 150000.0)
        self.make_loan(125000.0).with_user(self.finance).action_approve()  # 100,000
        later = self.make_loan(10000.0)
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, "does not fit in the free capacity"):
            later.with_user(self.finance).action_approve()
        fund.invalidate_recordset()
        self.assertEqual((fund.used, fund.free_capacity, fund.utilisation),
                         (100000.0, 0.0, 100.0))
        with freeze_time("2025-07-01 08:00:00"):
            fund.invalidate_recordset()
            self.assertEqual((fund.ceiling, fund.free_capacity), (150000.0, 50000.0))
            later.with_user(self.finance).action_approve()
        self.assertEqual(later.date_approved.isoformat(), "2025-07-01")

    def test_figures_at_the_end_of_past_years(self):
        with freeze_time("2025-05-02"):
            self.make_loan(10000.0).action_approve()  # 8,000 committed
        with freeze_time("2026-01-20"):
            self.fund.change_ceiling("2026-01-20", 120000.0, "Delibera 1/2026")
            self.make_loan(5000.0).action_approve()  # 4,000
            past = self.fund._ledger_figures("2025-12-31")[self.fund.id]
            self.assertEqual((past["ceiling"], past["used"], past["free_capacity"]),
                             (100000.0, 8000.0, 92000.0))
            before = self.fund._ledger_figures("2024-12-31")[self.fund.id]
            self.assertEqual((before["ceiling"], before["used"]), (0.0, 0.0))
            self.fund.invalidate_recordset()
            self.assertEqual((self.fund.ceiling, self.fund.used), (120000.0, 12000.0))


@tagged("post_install", "-at_install")
class TestRealDates(MicrocreditCase):
    """Issue 15.18: loans and projects of past years are entered with their real dates;
    the rules are checked as of those dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old_fund = cls.env["ixl.guarantee.fund"].create({"name": "Fondo 2017",
                                                             "bank_id": cls.bank.id})
        cls.old_fund.change_ceiling("2017-01-01", 100000.0, "Delibera 1/2017")

    def old_loan(self, amount, requested_on, **vals):
        return self.make_loan(amount, fund_id=self.old_fund.id, date_request=requested_on,
                              **vals).with_user(self.finance)

    def operate(self, operation, record, day, amount=None, **values):
        """Through the dialog staff use: the operation on its real date."""
        form = Form(self.env["ixl.dated.operation"].with_user(self.finance).with_context(
            default_operation=operation, default_res_id=record.id))
        form.date = day
        if amount:
            form.amount = amount
        for name, value in values.items():
            setattr(form, name, value)
        form.save().action_confirm()

    def test_every_money_operation_through_the_dialog(self):
        """The fund's and the loan's money buttons open the same dated dialog: the ceiling
        raised by a decision, a deposit, a repayment, the default and a recovery, each
        on its day."""
        self.operate("fund_ceiling", self.old_fund, "2018-01-10", 150000.0,
                     reference="Delibera 3/2018")
        self.operate("fund_deposit", self.old_fund, "2018-01-15", 20000.0,
                     reference="Bonifico Fondazione")
        self.assertEqual(self.old_fund.ceiling_ids.sorted("date")[-1].mapped(
            lambda line: (str(line.date), line.amount, line.decision_reference)),
            [("2018-01-10", 150000.0, "Delibera 3/2018")])
        deposit = self.old_fund.move_ids.filtered(lambda move: move.move_type == "deposit")
        self.assertEqual((str(deposit.date), deposit.amount), ("2018-01-15", 20000.0))
        loan = self.old_loan(10000.0, "2018-02-01", term_months=10)
        self.operate("loan_approve", loan, "2018-02-10")
        self.operate("loan_disburse", loan, "2018-03-01")
        self.operate("loan_repayment", loan, "2018-04-01", 1000.0)
        self.assertEqual((loan.state, loan.amount_outstanding), ("repaying", 9000.0))
        self.operate("loan_default", loan, "2018-09-01")
        self.operate("loan_recovery", loan, "2018-10-01", 500.0)
        recovery = loan.move_ids.filtered(lambda move: move.move_type == "recovery")
        self.assertEqual((str(recovery.date), recovery.amount), ("2018-10-01", 500.0))

    def test_operator_cannot_move_money_through_the_dialog(self):
        """The dialog is open to operators (they start projects), its money operations
        are not: an operator's ceiling change, deposit or repayment is refused and
        nothing is posted."""
        loan = self.old_loan(10000.0, "2018-02-01", term_months=10)
        self.operate("loan_approve", loan, "2018-02-10")
        self.operate("loan_disburse", loan, "2018-03-01")
        moves = self.old_fund.move_ids
        for operation, record, values in (
                ("fund_ceiling", self.old_fund, {"amount": 1.0, "reference": "Nessuna"}),
                ("fund_deposit", self.old_fund, {"amount": 1000.0}),
                ("loan_repayment", loan, {"amount": 100.0})):
            with self.subTest(operation=operation), self.assertRaises(AccessError):
                self.env["ixl.dated.operation"].with_user(self.operator).create(dict(
                    values, operation=operation, res_id=record.id,
                    date="2018-04-01")).action_confirm()
        self.assertEqual(self.old_fund.move_ids, moves)
        self.assertEqual(loan.amount_outstanding, 10000.0)

    def test_loan_of_2017_with_its_dates(self):
        """Entering 2017-2020 loans showed used = -5,400 and free capacity above the
        ceiling in the 2020 block of the dashboard."""
        loan = self.old_loan(30000.0, "2017-02-01", term_months=24)
        self.operate("loan_approve", loan, "2017-03-01")
        self.operate("loan_disburse", loan, "2017-04-01", amount=27000.0)
        loan.register_repayment(13500.0, "2018-04-01")
        loan.register_repayment(13500.0, "2019-04-03")
        self.assertEqual((loan.state, loan.date_approved.isoformat(),
                          loan.date_disbursed.isoformat(), loan.date_closed.isoformat()),
                         ("repaid", "2017-03-01", "2017-04-01", "2019-04-03"))
        self.assertEqual(sorted(loan.move_ids.mapped(lambda m: (str(m.date), m.amount))), [
            ("2017-03-01", 24000.0), ("2017-04-01", -2400.0), ("2018-04-01", -10800.0),
            ("2019-04-03", -10800.0)])
        self.assertEqual(str(loan.instalment_ids[0].due_date), "2017-05-01")
        used = {year: self.old_fund._ledger_figures(f"{year}-12-31")[self.old_fund.id]["used"]
                for year in (2016, 2017, 2018, 2019, 2020)}
        self.assertEqual(used, {2016: 0.0, 2017: 21600.0, 2018: 10800.0, 2019: 0.0, 2020: 0.0})
        section = get_section(self.env(user=self.finance), "guarantee_fund",
                              "2020-01-01", "2020-12-31")
        block = figures(section)["Fondo 2017"]
        self.assertEqual(block["Used at the end of the period (committed + net losses)"], [0.0])
        self.assertEqual(block["Free capacity at the end of the period"], [100000.0])

    def test_default_and_recovery_dated(self):
        loan = self.old_loan(10000.0, "2018-01-10", product=self.product50)
        loan.action_approve("2018-01-15")
        loan.action_disburse("2018-02-01")
        loan.register_repayment(4000.0, "2018-12-01")
        with self.assertRefused("cannot be before the disbursement or the last", UserError):
            loan.action_default("2018-11-30")
        self.operate("loan_default", loan, "2019-06-30")
        with self.assertRefused("cannot be before the default", UserError):
            loan.register_recovery(1000.0, "2019-06-29")
        loan.register_recovery(1000.0, "2020-02-01")
        figures_2019 = self.old_fund._ledger_figures("2019-12-31")[self.old_fund.id]
        self.assertEqual((figures_2019["committed"], figures_2019["losses_paid"],
                          figures_2019["used"]), (0.0, 3000.0, 3000.0))
        self.assertEqual(self.old_fund._ledger_figures("2020-12-31")[self.old_fund.id]["used"],
                         2000.0)

    def test_approval_must_fit_on_later_days_too(self):
        """A 2018 approval that fits on its day but breaks the capacity of 2019."""
        self.old_loan(100000.0, "2019-01-02").action_approve("2019-01-10")  # 80,000 open
        older = self.old_loan(37500.0, "2018-05-01")  # 30,000: fits in June 2018 only
        # refused before anything is written: no savepoint (assertRaisesRegex), checked after
        with self.assertRaisesRegex(UserError, r"does not fit .*20,000\.00\W+ on 01/10/2019"):
            older.action_approve("2018-06-01")
        self.assertEqual(older.state, "requested")
        fitting = self.old_loan(25000.0, "2018-05-01")  # 20,000
        fitting.action_approve("2018-06-01")
        self.assertEqual(self.old_fund._lowest_free("2018-06-01")[0], 0.0)
        with self.assertRefused("cannot be lowered", UserError):
            self.old_fund.with_user(self.finance).change_ceiling("2019-06-01", 90000.0, "Cut")

    def test_dates_are_checked(self):
        loan = self.old_loan(1000.0, "2019-03-01")
        with freeze_time("2025-05-05 10:00:00"):
            for day, message in (("2025-05-06", "cannot be in the future"),
                                 ("2019-02-28", "cannot be before the request date")):
                with self.subTest(day=day), self.assertRefused(message, UserError):
                    loan.action_approve(day)
            loan.action_approve("2019-03-01")
            with self.assertRefused("cannot be before the approval date", UserError):
                loan.action_disburse("2019-02-28")
            loan.action_disburse("2019-04-01")
            loan.register_repayment(100.0, "2019-05-01")
            with self.assertRefused("cannot be before the disbursement or", UserError):
                loan.register_repayment(100.0, "2019-04-30")
            with self.assertRefused("cannot be in the future", UserError):
                loan.register_repayment(100.0, "2025-05-06")

    @freeze_time("2025-03-31 22:30:00")
    def test_default_date_is_today_in_bologna(self):
        """At 00:30 in Bologna on 1 April (22:30 UTC on 31 March)."""
        loan = self.make_loan(1000.0)
        form = Form(self.env["ixl.dated.operation"].with_user(self.finance).with_context(
            default_operation="loan_approve", default_res_id=loan.id))
        self.assertEqual(str(form.date), "2025-04-01")
        form.save().action_confirm()
        self.assertEqual(str(loan.date_approved), "2025-04-01")

    def test_project_started_on_its_day(self):
        project = self.env["ixl.selfemployment.project"].create({
            "name": "Bakery", "beneficiary_id": self.person.id, "date_proposed": "2019-01-15"})
        coordinator = project.with_user(self.coordinator)
        coordinator.action_accompany()
        with self.assertRefused("cannot be before the proposal date", UserError):
            coordinator.action_start("2019-01-14")
        form = Form(self.env["ixl.dated.operation"].with_user(self.coordinator).with_context(
            default_operation="project_start", default_res_id=project.id))
        form.date = "2019-09-01"
        form.save().action_confirm()
        self.assertEqual((project.state, str(project.date_started)), ("started", "2019-09-01"))
