"""Random sequences of fund operations (Hypothesis), through the public methods staff
call, each on its own (possibly past) day: the ledger stays consistent on every day."""

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MicrocreditCase

START = date(2020, 1, 1)
FREE_SIGN = {"ceiling": 1, "committed": -1, "released": -1, "recovery": 1}
OPEN = ("approved", "disbursed", "repaying")


class LedgerMachine(RuleBasedStateMachine):
    """Loans requested, approved, disbursed, repaid, defaulted, recovered, cancelled and
    ceiling changes, by a finance user, on days that go forward with some back-dating."""

    case = None  # the running test case

    def __init__(self):
        super().__init__()
        case = self.case
        self.env = case.env
        self.fund = self.env["ixl.guarantee.fund"].create({
            "name": "Stateful fund", "bank_id": case.bank.id}).with_user(case.finance)
        self.fund.change_ceiling(START, 50000.0, "Initial ceiling")
        self.products = [case.product80, case.product50]
        self.clock = START
        self.loans = self.env["ixl.loan"]
        self.refused = 0

    # helpers ----------------------------------------------------------------

    def attempt(self, method, *args, **kwargs):
        """Call an operation; a refusal (UserError) must leave nothing behind."""
        try:
            with self.env.cr.savepoint():
                method(*args, **kwargs)
        except UserError:
            self.refused += 1
        self.env.invalidate_all()

    def day(self, back, floor):
        """``back`` days before the clock, never before ``floor``."""
        return max(self.clock - timedelta(days=back), floor)

    def loans_in(self, *states):
        return self.loans.filtered(lambda loan: loan.state in states).sorted("id")

    def advance(self, days):
        self.clock += timedelta(days=days)

    # rules ------------------------------------------------------------------------

    @rule(amount=st.integers(1, 400), product=st.integers(0, 1), days=st.integers(0, 20))
    def request(self, amount, product, days):
        self.advance(days)
        self.loans |= self.env["ixl.loan"].with_user(self.case.coordinator).create({
            "fund_id": self.fund.id, "product_id": self.products[product].id,
            "borrower_type": "organisation", "partner_id": self.case.bank.id,
            "amount_requested": amount * 100.0, "amount_approved": amount * 100.0,
            "term_months": 6, "date_request": self.clock})

    @precondition(lambda self: self.loans_in("requested"))
    @rule(data=st.data(), back=st.integers(0, 60), days=st.integers(0, 20))
    def approve(self, data, back, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("requested")))
        self.attempt(loan.with_user(self.case.finance).action_approve,
                     self.day(back, loan.date_request))

    @precondition(lambda self: self.loans_in("approved"))
    @rule(data=st.data(), share=st.sampled_from([1.0, 0.9, 0.5]), days=st.integers(0, 20))
    def disburse(self, data, share, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("approved")))
        self.attempt(loan.with_user(self.case.finance).action_disburse,
                     self.day(0, loan.date_approved), round(loan.amount_approved * share, 2))

    @precondition(lambda self: self.loans_in("disbursed", "repaying"))
    @rule(data=st.data(), share=st.sampled_from([0.1, 0.5, 1.0]), days=st.integers(0, 40))
    def repay(self, data, share, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("disbursed", "repaying")))
        amount = max(0.01, round(loan.amount_outstanding * share, 2))
        self.attempt(loan.with_user(self.case.finance).register_repayment, amount,
                     self.day(0, loan._last_payment_date()))

    @precondition(lambda self: self.loans_in("disbursed", "repaying"))
    @rule(data=st.data(), days=st.integers(0, 40))
    def default(self, data, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("disbursed", "repaying")))
        self.attempt(loan.with_user(self.case.finance).action_default,
                     self.day(0, loan._last_payment_date()))

    @precondition(lambda self: self.loans_in("defaulted").filtered("loss_amount"))
    @rule(data=st.data(), share=st.sampled_from([0.3, 1.0]), days=st.integers(0, 40))
    def recover(self, data, share, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("defaulted").filtered("loss_amount")))
        self.attempt(loan.with_user(self.case.finance).register_recovery,
                     max(0.01, round(loan.loss_amount * share, 2)),
                     self.day(0, loan.date_closed))

    @precondition(lambda self: self.loans_in("requested", "approved"))
    @rule(data=st.data(), days=st.integers(0, 20))
    def cancel(self, data, days):
        self.advance(days)
        loan = data.draw(st.sampled_from(self.loans_in("requested", "approved")))
        self.attempt(loan.with_user(self.case.finance).action_cancel,
                     self.day(0, loan.date_approved or loan.date_request))

    @precondition(lambda self: len(self.fund.ceiling_ids) < 4)
    @rule(amount=st.integers(10, 150), ahead=st.integers(-30, 90))
    def change_ceiling(self, amount, ahead):
        last = max(self.fund.ceiling_ids.mapped("date"))
        when = max(last, self.clock + timedelta(days=ahead))
        self.attempt(self.fund.change_ceiling, when, amount * 1000.0, "Decision")

    # invariants -------------------------------------------------------------------

    def ledger(self):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT date, effect_type, amount, loan_id FROM ixl_fund_move WHERE fund_id = %s",
            [self.fund.id])
        return self.env.cr.fetchall()

    @invariant()
    def free_capacity_never_negative_on_any_day(self):
        lines = self.ledger()
        days = sorted({line[0] for line in lines} | {START - timedelta(days=1), self.clock})
        for day in days:
            upto = [line for line in lines if line[0] <= day]
            ceiling = sum(float(a) for _d, e, a, _l in upto if e == "ceiling")
            free = sum(FREE_SIGN.get(e, 0) * float(a) for _d, e, a, _l in upto)
            figures = self.fund._ledger_figures(day)[self.fund.id]
            self.case.assertAlmostEqual(figures["ceiling"], ceiling, places=2)
            self.case.assertAlmostEqual(figures["free_capacity"], free, places=2, msg=day)
            self.case.assertGreaterEqual(round(free, 2), 0.0, day)

    @invariant()
    def loans_match_their_ledger(self):
        lines = defaultdict(list)
        for day, effect, amount, loan_id in self.ledger():
            if loan_id:
                lines[loan_id].append((day, effect, float(amount)))
        for loan in self.loans:
            mine = lines[loan.id]
            guarantee = round(sum(a for _d, e, a in mine
                                  if e in ("committed", "released", "called")), 2)
            loss = round(sum(-a for _d, e, a in mine if e in ("called", "recovery")), 2)
            self.case.assertEqual(loan.guarantee_amount, guarantee)
            self.case.assertGreaterEqual(guarantee, 0.0)
            self.case.assertGreaterEqual(loss, 0.0)
            if loan.state == "requested":
                self.case.assertFalse(mine)
            elif loan.state == "approved":
                self.case.assertGreater(guarantee, 0.0, "approved means guaranteed")
            elif loan.state not in OPEN:
                self.case.assertEqual(guarantee, 0.0, loan.state)
            if loan.date_approved:
                self.case.assertTrue(all(d >= loan.date_approved for d, _e, _a in mine))
            if loan.state not in ("defaulted",) and loan.date_closed:
                self.case.assertTrue(all(d <= loan.date_closed for d, _e, _a in mine))


@tagged("post_install", "-at_install")
class TestFundStateful(MicrocreditCase):
    def test_ledger_over_random_operations(self):
        LedgerMachine.case = self
        run_state_machine_as_test(LedgerMachine, settings=settings(
            max_examples=25, stateful_step_count=15, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
