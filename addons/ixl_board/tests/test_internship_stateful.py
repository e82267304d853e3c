"""Random sequences of the real operations on one internship (issue 15.20): the
indemnity of months already past or paid never changes, and the total is the sum of
the months."""

from datetime import date, timedelta

from freezegun import freeze_time
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.ixl_internship import CLOSE_OUTCOMES
from .common import InternshipCase

START = date(2026, 1, 15)


class IndemnityMachine(RuleBasedStateMachine):
    """One started internship per example, in a savepoint rolled back at the end."""

    case = None

    def __init__(self):
        super().__init__()
        case = self.case
        self.today = date(2026, 3, 20)
        self.savepoint = case.env.cr.savepoint()
        with freeze_time(self.today):
            self.internship = case._internship(
                date_start=START, date_end=date(2026, 6, 20), monthly_indemnity=500)
            self.internship.with_user(case.operator).action_start()
        self.fixed = {}

    def teardown(self):
        self.savepoint.close(rollback=True)

    def _do(self, operation):
        """Run a staff operation on today's date; a refused one leaves nothing behind."""
        try:
            with freeze_time(self.today), self.case.env.cr.savepoint():
                operation()
        except UserError:
            self.case.env.invalidate_all()

    def _wizard(self, model, user, values):
        wizard = self.case.env[model].with_user(user).create(values)
        return wizard.action_confirm()

    # OPERATIONS

    @rule(amount=st.integers(0, 1500))
    def change_indemnity(self, amount):
        self._do(lambda: self.internship.with_user(self.case.operator).write(
            {"monthly_indemnity": amount}))

    @rule(offset=st.integers(0, 200), length=st.integers(0, 25), paid=st.booleans())
    def add_suspension(self, offset, length, paid):
        date_from = START + timedelta(days=offset)
        self._do(lambda: self._wizard("ixl.internship.suspend", self.case.coordinator, {
            "internship_id": self.internship.id, "date_from": date_from,
            "date_to": date_from + timedelta(days=length), "indemnity_due": paid,
            "indemnity_reason": "Regional ordinance" if paid else False}))

    @rule(index=st.integers(0, 30), cents=st.integers(-5000, 5000))
    def record_payment(self, index, cents):
        lines = self.internship.month_ids
        line = lines[index % len(lines)]
        amount = max(line.amount + cents / 100, 0.01)
        self._do(lambda: self._wizard("ixl.internship.payment", self.case.coordinator, {
            "month_id": line.id, "date": self.today, "amount": amount}))

    @rule(days=st.integers(1, 120))
    def extend(self, days):
        self._do(lambda: self._wizard("ixl.internship.extend", self.case.operator, {
            "internship_id": self.internship.id,
            "date_end": self.internship.date_end + timedelta(days=days)}))

    @rule(outcome=st.sampled_from(CLOSE_OUTCOMES), back=st.integers(0, 90))
    def close(self, outcome, back):
        end = max(self.internship.date_end - timedelta(days=back), START)
        self._do(lambda: self._wizard("ixl.internship.close", self.case.operator, {
            "internship_id": self.internship.id, "outcome": outcome, "date_end": end,
            "hire_start": end + timedelta(days=1)}))

    @rule(days=st.integers(1, 45))
    def time_passes(self, days):
        self.today += timedelta(days=days)

    # INVARIANTS

    @invariant()
    def past_and_paid_months_never_change(self):
        internship = self.internship
        for line_id, values in self.fixed.items():
            line = internship.month_ids.browse(line_id)
            assert line.exists(), f"fixed line {values} deleted"
            now = self._values(line)
            assert now[:len(values)] == values, f"{values} became {now}"
        for line in internship.month_ids:
            if line._ixl_fixed(self.today):
                self.fixed[line.id] = self._values(line)

    @invariant()
    def total_is_the_sum_of_the_months(self):
        internship = self.internship
        lines = internship.month_ids
        assert round(internship.total_indemnity - sum(lines.mapped("amount")), 2) == 0
        assert round(internship.total_paid - sum(lines.mapped("paid_amount")), 2) == 0
        period = (internship.date_end - internship.date_start).days + 1
        assert sum(lines.mapped("days_in_period")) == period

    @staticmethod
    def _values(line):
        """What a fixed line keeps: its indemnity, and once paid what was paid (a month
        past but unpaid can still be paid)."""
        due = (line.month, line.days_in_period, line.days_paid, line.monthly_indemnity,
               line.amount)
        return due + (line.paid_amount, line.paid_date) if line.paid_date else due


@tagged("post_install", "-at_install")
class TestIndemnityStateful(InternshipCase):
    def test_random_operations_keep_past_months(self):
        machine = type("Machine", (IndemnityMachine,), {"case": self})
        run_state_machine_as_test(machine, settings=settings(
            max_examples=25, stateful_step_count=15, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
