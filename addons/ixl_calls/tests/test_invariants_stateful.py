"""Issue 14: random sequences of the real operations of staff (grant, pay, reverse a
payment, reduce a grant, end a hire early, change a cap, change a budget, shorten a
project, withdraw an application) never break the invariants of the calls:

- the grants of one hire or project and year never exceed its cap (computed here
  independently of the model: 10,000 pro rata over the days of the hire in the year;
  40,000 for a year of the project);
- the grants of a call never exceed its budget (the sum of its allocations);
- a grant is never paid more than granted, nor less than nothing.
"""

from datetime import date

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CallsCase

# Amounts around the caps (10,000 a year, pro rata; 40,000 a year per project).
AMOUNTS = st.one_of(st.sampled_from([1000.0, 2465.75, 5000.0, 10000.0, 40000.0]),
                    st.decimals(min_value="0.01", max_value="41000", places=2).map(float))


def year_days(year):
    return (date(year, 12, 31) - date(year, 1, 1)).days + 1


class CallsMachine(RuleBasedStateMachine):
    """The operations of staff on fresh calls (``case.setup_example``), each in its own
    savepoint like a request; the example is rolled back at its end."""

    case = None  # the TestCase, set by the test

    def __init__(self):
        super().__init__()
        case = self.case
        self.savepoint = case.env.cr.savepoint()
        self.calls, self.units, self.pending = case.setup_example()
        self.grants = case.env["ixl.call.grant"]
        self.payments = case.env["ixl.call.payment"]

    def teardown(self):
        self.savepoint.close(rollback=True)

    def attempt(self, label, operation):
        """Run one operation as staff would; a refusal changes nothing."""
        try:
            with self.case.env.cr.savepoint():
                result = operation()
            event(f"{label}: done")
            return result
        except (UserError, AccessError):
            event(f"{label}: refused")
            return None

    @rule(unit=st.integers(0, 2), year_offset=st.integers(0, 1), amount=AMOUNTS)
    def grant(self, unit, year_offset, amount):
        app, hire = self.units[unit]
        grant = self.attempt("grant", lambda: self.case.env["ixl.call.grant"].with_user(
            self.case.coordinator).create({
                "application_id": app.id, "hire_id": hire.id,
                "year": self.case.year + year_offset, "amount": amount}))
        self.grants |= grant or self.grants.browse()

    @rule(index=st.integers(0, 9), amount=AMOUNTS)
    def pay(self, index, amount):
        if self.grants:
            grant = self.grants[index % len(self.grants)]
            payment = self.attempt("pay", lambda: self.case.env["ixl.call.payment"].with_user(
                self.case.finance).create({"grant_id": grant.id, "amount": amount}))
            self.payments |= payment or self.payments.browse()

    @rule(index=st.integers(0, 9))
    def reverse(self, index):
        if self.payments:
            payment = self.payments[index % len(self.payments)]
            self.attempt("reverse", payment.with_user(self.case.finance).action_reverse)

    @rule(index=st.integers(0, 9), amount=AMOUNTS)
    def reduce(self, index, amount):
        if self.grants:
            grant = self.grants[index % len(self.grants)].with_user(self.case.finance)
            self.attempt("reduce", lambda: grant.action_reduce(amount, "Stateful"))

    @rule(unit=st.integers(0, 1), days=st.integers(0, 600), reduce=st.booleans())
    def end_hire(self, unit, days, reduce):
        hire = self.units[unit][1].with_user(self.case.coordinator)
        day = fields.Date.add(hire.date_hire, days=days)
        self.attempt("end hire", lambda: hire.action_end(day, reduce_grants=reduce))

    @rule(which=st.integers(0, 1), amount=st.integers(1000, 45000))
    def change_cap(self, which, amount):
        call = self.calls[which].with_user(self.case.finance)
        self.attempt("change cap", lambda: call.write({"cap_amount": amount}))

    @rule(which=st.integers(0, 1), amount=st.integers(1000, 80000))
    def change_budget(self, which, amount):
        allocation = self.calls[which].allocation_ids.with_user(self.case.finance)
        self.attempt("change budget", lambda: allocation.write({"amount": amount}))

    @rule(years=st.integers(0, 1))
    def shorten_project(self, years):
        app = self.units[2][0].with_user(self.case.coordinator)
        day = f"{self.case.year + years}-12-31"
        self.attempt("shorten project", lambda: app.write({"date_end": day}))

    @rule()
    def withdraw(self):
        self.attempt("withdraw", self.pending.with_user(self.case.operator).action_withdraw)

    @invariant()
    def invariants_hold(self):
        self.case.check_invariants(self.calls)


@tagged("post_install", "-at_install")
class TestInvariantsStateful(CallsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = fields.Date.context_today(cls.env["ixl.call"]).year - 1
        cls.people = [cls.make_senior(), cls.make_senior(), cls.make_senior()]

    def test_random_operations_keep_the_invariants(self):
        machine = type("CallsMachineOfTest", (CallsMachine,), {"case": self})
        run_state_machine_as_test(machine, settings=settings(
            max_examples=25, stateful_step_count=15, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow]))

    def setup_example(self):
        y = self.year
        hiring = self.make_call("Stateful hiring", "hiring", 10000, "hire_year",
                                {self.fund: 30000})
        apl = self.make_call("Stateful APL", "apl", 40000, "project_year", {self.fund: 60000})
        App = self.env["ixl.call.application"]
        hiring_app = App.create({
            "call_id": hiring.id, "partner_id": self.applicant.id,
            "hire_ids": [(0, 0, {"fiscal_code": person.fiscal_code, "date_hire": day,
                                 "contract_type": "permanent"})
                         for person, day in ((self.people[0], f"{y}-01-01"),
                                             (self.people[1], f"{y}-07-01"))]})
        hiring_app.action_review()
        hiring_app.hire_ids.action_verify()
        hiring_app.action_approve()
        project = self.make_apl_application(call=apl, period=(f"{y}-03-01", f"{y + 1}-12-31"))
        pending = App.create({
            "call_id": hiring.id, "partner_id": self.agency.id,
            "hire_ids": [(0, 0, {"fiscal_code": self.people[2].fiscal_code,
                                 "date_hire": f"{y}-02-01", "contract_type": "permanent"})]})
        hire1, hire2 = hiring_app.hire_ids.sorted("date_hire")
        units = [(hiring_app, hire1), (hiring_app, hire2), (project, project.hire_ids)]
        return [hiring, apl], units, pending

    def expected_cap(self, call, grant):
        """The cap of ``grant``'s unit and year, computed from the facts."""
        if grant.hire_id:
            hire = grant.hire_id
            start = max(date(grant.year, 1, 1), hire.date_hire)
            end = min(date(grant.year, 12, 31), hire.date_end or date(grant.year, 12, 31))
            days = max((end - start).days + 1, 0)
            return round(call.cap_amount * days / year_days(grant.year) + 1e-9, 2)
        app = grant.application_id
        inside = app.date_start.year <= grant.year <= app.date_end.year
        return call.cap_amount if inside else 0.0

    def check_invariants(self, calls):
        self.env.flush_all()
        self.env.invalidate_all()
        for call in calls:
            grants = self.env["ixl.call.grant"].search([("call_id", "=", call.id)])
            budget = sum(call.allocation_ids.mapped("amount"))
            self.assertLessEqual(round(sum(grants.mapped("amount")), 2), budget, call.name)
            units = {}
            for grant in grants:
                key = (grant.application_id, grant.hire_id, grant.year)
                units.setdefault(key, [grant, 0.0])[1] += grant.amount
                paid = round(sum(grant.payment_ids.mapped("amount")), 2)
                self.assertTrue(0 <= paid <= grant.amount, (grant.display_name, paid))
            for grant, total in units.values():
                self.assertLessEqual(round(total, 2), self.expected_cap(call, grant),
                                     grant.display_name)
