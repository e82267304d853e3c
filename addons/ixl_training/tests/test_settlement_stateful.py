"""Random sequences of what staff do with risk-sharing settlements, through the public
methods with the rights of each group (finance prepares, coordinators confirm and
reverse, operators enrol and record placements).

Invariants, after every step:

* an edition has at most one settlement that is neither reversed nor a reversal (the
  draft being prepared or the confirmed one that stands);
* every settlement's amounts are those of its snapshot computed exactly (fractions)
  and rounded once to the cent, half up; guaranteed + at risk = cost, earned +
  retained = at risk, due = guaranteed + earned, 0 <= earned <= at risk;
* a confirmed settlement's snapshot and amounts never change afterwards;
* a reversal is confirmed and exactly negates the settlement it reverses, which is
  marked reversed and points back to it;
* per edition, the confirmed settlements, the reversed ones and the reversals add up
  to the settlement that stands (zero when none stands): nothing is paid twice;
* a settlement is confirmed only after the observation window ended, or with a reason.
"""
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TrainingCase

MONEY = ("amount_guaranteed", "amount_at_risk", "amount_earned", "amount_retained",
         "amount_due")
FROZEN = ("total_cost", "risk_share", "indicator", "target_value", "indicator_numerator",
          "indicator_denominator", "indicator_value", "window_end", *MONEY)
CENT = Decimal("0.01")


def as_fraction(value):
    return Fraction(Decimal(str(value)))


def to_cents(value):
    return float((Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        CENT, rounding=ROUND_HALF_UP))


def expected_amounts(settlement):
    """The oracle: the amounts of a (non-reversal) settlement from its snapshot."""
    cost = as_fraction(settlement.total_cost)
    at_risk_exact = cost * as_fraction(settlement.risk_share) / 100
    denominator = settlement.indicator_denominator
    achieved = Fraction(100 * settlement.indicator_numerator, denominator) if denominator else 0
    ratio = min(achieved / as_fraction(settlement.target_value), 1)
    at_risk, earned = to_cents(at_risk_exact), to_cents(at_risk_exact * ratio)
    guaranteed = float(Decimal(str(settlement.total_cost)) - Decimal(str(at_risk)))
    return {"amount_at_risk": at_risk, "amount_earned": earned,
            "amount_guaranteed": guaranteed,
            "amount_retained": float(Decimal(str(at_risk)) - Decimal(str(earned))),
            "amount_due": float(Decimal(str(guaranteed)) + Decimal(str(earned)))}


class SettlementMachine(RuleBasedStateMachine):
    case = None  # the running TestSettlementStateful

    def __init__(self):
        super().__init__()
        self.editions = []
        self.frozen = {}  # confirmed settlement id -> its figures at confirmation

    # ------------------------------------------------------------------ set-up
    @initialize(cents=st.integers(0, 5_000_000), share=st.integers(0, 100),
                goal=st.integers(1, 200),
                indicator=st.sampled_from(["employment_rate", "placement_rate"]),
                participants=st.integers(0, 5), employed=st.integers(0, 5))
    def setup(self, cents, share, goal, indicator, participants, employed):
        case = self.case
        agreement = case.env["ixl.training.agreement"].create({
            "name": "Random agreement", "provider_id": case.provider.id,
            "risk_share": share, "indicator": indicator, "target_value": goal,
            "window_months": 6})
        for name, extra in (("closed", {}), ("open", {"window_end_date": "2026-06-30"})):
            edition = case.make_edition(f"Random {name}", agreement_id=agreement.id,
                                        total_cost=cents / 100, **extra)
            self.editions.append(edition)
            for person in case.enrol(edition, participants)[:employed]:
                case.place(person, "2025-04-01")

    def _settlements(self, edition=None, **filters):
        domain = [("edition_id", "in", [e.id for e in ([edition] if edition else self.editions)])]
        domain += [(name, "=", value) for name, value in filters.items()]
        return self.case.env["ixl.training.settlement"].search(domain)

    # ------------------------------------------------------------------ rules
    @rule(index=st.integers(0, 1), count=st.integers(1, 3))
    def enrol(self, index, count):
        people = [self.case.make_beneficiary(state="active") for _i in range(count)]
        self.case.env["ixl.training.package"].with_user(self.case.operator).create([
            {"beneficiary_id": person.id, "edition_id": self.editions[index].id}
            for person in people])

    @rule(index=st.integers(0, 1), pick=st.integers(0, 50), month=st.integers(1, 12))
    def place(self, index, pick, month):
        people = self.editions[index].package_ids.beneficiary_id
        if people:
            self.case.place(people[pick % len(people)], f"2025-{month:02d}-15")

    @rule(index=st.integers(0, 1))
    def prepare(self, index):
        edition = self.editions[index]
        standing = self._settlements(edition, is_reversal=False).filtered(
            lambda s: s.state != "reversed")
        Settlement = self.case.env["ixl.training.settlement"].with_user(self.case.finance)
        if standing:
            with self.case.assertRaises(ValidationError):
                Settlement.create({"edition_id": edition.id})
        else:
            Settlement.create({"edition_id": edition.id})

    @rule(index=st.integers(0, 1), refresh=st.booleans(), early=st.booleans())
    def confirm(self, index, refresh, early):
        draft = self._settlements(self.editions[index], state="draft")
        if not draft:
            self.prepare(index)
            draft = self._settlements(self.editions[index], state="draft")
        if not draft:
            return
        if refresh or early:
            draft.with_user(self.case.finance).action_refresh()
        mine = draft.with_user(self.case.coordinator)
        if early:
            mine.action_confirm_early("Agreed with the Board")
        elif draft.window_open or not refresh:
            try:
                with self.case.env.cr.savepoint():
                    mine.action_confirm()
            except UserError:
                self.case.assertEqual(draft.state, "draft")
                return
            self.case.assertFalse(draft.window_open, "confirmed inside the window")
        else:
            mine.action_confirm()
        self._freeze(draft)

    @precondition(lambda self: self.frozen)
    @rule(index=st.integers(0, 1))
    def reverse(self, index):
        standing = self._settlements(self.editions[index], state="confirmed", is_reversal=False)
        if standing:
            draft = standing.with_user(self.case.coordinator).action_reverse()
            self.case.assertEqual(draft.state, "draft")

    @rule(pick=st.integers(0, 50), field=st.sampled_from(FROZEN + ("state",)))
    def tamper(self, pick, field):
        settlements = self._settlements()
        if settlements:
            target = settlements[pick % len(settlements)]
            value = {"state": "confirmed", "indicator": "placement_rate"}.get(field)
            if field == "indicator" and target.indicator == value:
                value = "employment_rate"
            elif field == "window_end":
                value = target.window_end + timedelta(days=1)
            elif value is None:
                value = target[field] + 1
            with self.case.assertRaises(AccessError):
                target.with_user(self.case.finance).write({field: value})

    @rule(index=st.integers(0, 1), cents=st.integers(0, 5_000_000))
    def change_cost(self, index, cents):
        edition = self.editions[index].with_user(self.case.coordinator)
        if edition.is_settled:
            with self.case.assertRaises(AccessError):
                edition.write({"total_cost": cents / 100})
        else:
            edition.write({"total_cost": cents / 100})

    def _freeze(self, settlement):
        self.case.assertEqual(settlement.state, "confirmed")
        self.case.assertTrue(not settlement.window_open or settlement.early_reason)
        current = settlement._snapshot_values()
        self.case.assertFalse([name for name in FROZEN if settlement[name] != current[name]],
                              "confirmed on figures that were not the edition's")
        self.frozen[settlement.id] = {name: settlement[name] for name in FROZEN}

    # ------------------------------------------------------------------ invariants
    @invariant()
    def at_most_one_standing(self):
        for edition in self.editions:
            standing = self._settlements(edition, is_reversal=False).filtered(
                lambda s: s.state != "reversed")
            self.case.assertLessEqual(len(standing), 1)

    @invariant()
    def amounts_exact_and_consistent(self):
        for settlement in self._settlements(is_reversal=False):
            amounts = {name: settlement[name] for name in MONEY}
            self.case.assertEqual(amounts, expected_amounts(settlement))
            self.case.assertTrue(0 <= settlement.amount_earned <= settlement.amount_at_risk)

    @invariant()
    def confirmed_never_change(self):
        for settlement_id, figures in self.frozen.items():
            settlement = self.case.env["ixl.training.settlement"].browse(settlement_id)
            self.case.assertIn(settlement.state, ("confirmed", "reversed"))
            self.case.assertEqual({name: settlement[name] for name in FROZEN}, figures)

    @invariant()
    def reversals_negate(self):
        for reversal in self._settlements(is_reversal=True):
            original = reversal.reversed_settlement_id
            self.case.assertEqual((reversal.state, original.state, original.reversal_id),
                                  ("confirmed", "reversed", reversal))
            for name in ("total_cost", *MONEY):
                self.case.assertEqual(reversal[name], -original[name])

    @invariant()
    def booked_add_up_to_the_standing_one(self):
        for edition in self.editions:
            booked = self._settlements(edition).filtered(lambda s: s.state != "draft")
            standing = booked.filtered(lambda s: s.state == "confirmed" and not s.is_reversal)
            for name in MONEY:
                total = sum(Decimal(str(s[name])) for s in booked)
                self.case.assertEqual(total, Decimal(str(standing[name] if standing else 0)))


@tagged("post_install", "-at_install")
class TestSettlementStateful(TrainingCase):
    freeze_time = "2026-01-15 10:00:00"

    def test_random_sequences(self):
        SettlementMachine.case = self
        run_state_machine_as_test(SettlementMachine, settings=settings(
            max_examples=25, stateful_step_count=20, deadline=None, derandomize=True,
            database=None, suppress_health_check=list(HealthCheck)))
