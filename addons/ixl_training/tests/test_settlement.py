from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.ixl_beneficiary.tests.dashboard_common import figures, get_section

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestSettlement(TrainingCase):
    """Cost 10,000, risk share 30%, indicator employment rate, target 50%; the editions
    run 1 January - 31 March 2025, observed until 30 September 2025 (6 months)."""

    freeze_time = "2026-01-15 10:00:00"

    def _settle(self, employed, participants=4, user=None, **edition_vals):
        edition = self.make_edition(f"Edition {employed}/{participants}", **edition_vals)
        people = self.enrol(edition, participants)
        for person in people[:employed]:
            self.place(person, "2025-04-01")
        return self.env["ixl.training.settlement"].with_user(user or self.coordinator).create(
            {"edition_id": edition.id})

    def _amounts(self, settlement):
        return (settlement.amount_guaranteed, settlement.amount_at_risk,
                settlement.amount_earned, settlement.amount_retained, settlement.amount_due)

    def test_zero(self):
        settlement = self._settle(0)
        self.assertEqual(settlement.indicator_value, 0)
        self.assertEqual(self._amounts(settlement), (7000, 3000, 0, 3000, 7000))

    def test_partial(self):
        settlement = self._settle(1)  # 25% of a 50% target: half of the at-risk part
        self.assertEqual(settlement.indicator_value, 25)
        self.assertEqual((settlement.indicator_numerator, settlement.indicator_denominator),
                         (1, 4))
        self.assertEqual(settlement.achievement, 50)
        self.assertEqual(self._amounts(settlement), (7000, 3000, 1500, 1500, 8500))

    def test_over_target_capped(self):
        settlement = self._settle(3)  # 75% against 50%: capped at 100%
        self.assertEqual(settlement.achievement, 100)
        self.assertEqual(self._amounts(settlement), (7000, 3000, 3000, 0, 10000))

    def test_placement_rate_indicator(self):
        self.agreement.write({"indicator": "placement_rate", "target_value": 200})
        settlement = self._settle(2)  # 2 placements / 4 = 50% of a 200% target
        self.assertEqual(settlement.indicator_value, 50)
        self.assertEqual(settlement.amount_earned, 750)

    def test_exact_indicator_not_the_rounded_one(self):
        """Issue 15.15: 1 person employed of 16 is 6.25%. Shown 6.3% everywhere (half
        up, as the dashboard); the money uses 6.25%: 1,000 at risk x 6.25 / 12.5 = 500.00
        earned (the rounded 6.2% gave 496.00)."""
        self.agreement.write({"risk_share": 10, "target_value": 12.5})
        settlement = self._settle(1, participants=16)
        edition = settlement.edition_id
        self.assertEqual(edition.employment_rate, 6.3)
        self.assertEqual(settlement.indicator_value, 6.3)
        self.assertEqual(settlement.achievement, 50)
        self.assertEqual(self._amounts(settlement), (9000, 1000, 500, 500, 9500))
        section = get_section(self.env(user=self.operator), "training",
                              date_from="2025-01-01", date_to="2025-12-31")
        row = figures(section)["Course indicators (editions ended in the period)"]
        self.assertEqual(row[edition.display_name], [16, 1, 1, 6.3, 6.3])

    def test_rounded_once_to_the_cent(self):
        """Cost 1,000.05 at 30%: 300.015 at risk is 300.02 (half up); half of the exact
        300.015 earned is 150.0075: 150.01. The amounts still add up to the cent."""
        settlement = self._settle(1, total_cost=1000.05)
        self.assertEqual(self._amounts(settlement), (700.03, 300.02, 150.01, 150.01, 850.04))

    def test_nobody_writes_figures_or_state(self):
        """Issue 14: finance rewrote a draft's snapshot (due 6,000 -> 1,000,000), wrote
        state=confirmed and state=reversed, and created a confirmed reversal of
        500,000. Every group is refused; only the actions write these fields."""
        settlement = self._settle(1)
        before = self._amounts(settlement)
        count = self.env["ixl.training.settlement"].search_count([])
        writes = [{"amount_due": 1_000_000}, {"total_cost": 1_000_000},
                  {"indicator_value": 100}, {"indicator_numerator": 4},
                  {"state": "confirmed"}, {"state": "reversed"},
                  {"confirmed_by_id": self.finance.id}, {"early_reason": "because"},
                  {"edition_id": self.make_edition("Other").id}]
        creates = [
            {"state": "confirmed"},
            {"is_reversal": True, "state": "confirmed", "total_cost": 500_000,
             "amount_due": 500_000, "reversed_settlement_id": settlement.id},
        ]
        for user in (self.operator, self.coordinator, self.finance):
            mine = settlement.with_user(user)
            # refused before anything is written: no savepoint (assertRaisesRegex), so
            # that the figures and the count checked below would show a half-saved change
            for vals in writes:
                with self.subTest(user=user.login, write=vals), \
                        self.assertRaisesRegex(AccessError, "through its actions"):
                    mine.write(vals)
            for vals in creates:
                with self.subTest(user=user.login, create=vals), \
                        self.assertRaisesRegex(AccessError, "through its actions"):
                    mine.create({"edition_id": settlement.edition_id.id, **vals})
        settlement.invalidate_recordset()
        self.assertEqual((settlement.state, self._amounts(settlement)), ("draft", before))
        self.assertEqual(self.env["ixl.training.settlement"].search_count([]), count)
        # Finance prepares drafts (notes, figures updated) but does not confirm.
        settlement.with_user(self.finance).write({"note": "checked against invoices"})
        settlement.with_user(self.finance).action_refresh()
        with self.assertRaises(AccessError):
            settlement.with_user(self.finance).action_confirm()
        with self.assertRaises(AccessError):
            settlement.with_user(self.operator).action_refresh()

    def test_lock_and_reversal(self):
        settlement = self._settle(1)
        settlement.action_confirm()
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(settlement.confirmed_by_id, self.coordinator)
        for vals in ({"note": "changed"}, {"date": "2026-01-01"}, {"state": "reversed"}):
            # refused before anything is written: no savepoint, checked below
            with self.assertRaisesRegex(AccessError, "through its actions"):
                settlement.write(vals)
        with self.assertRefused("locked", UserError):
            settlement.unlink()
        settlement.invalidate_recordset()
        self.assertFalse(settlement.note, "nothing saved")
        self.assertEqual(settlement.state, "confirmed")
        # A second settlement of the same edition is refused while this one stands.
        with self.assertRefused("already has a settlement", ValidationError):
            self.env["ixl.training.settlement"].create({"edition_id": settlement.edition_id.id})
        # Reversal: exactly opposite amounts, pointing to the original, and a new draft.
        with self.assertRaises(AccessError):
            settlement.with_user(self.finance).action_reverse()
        draft = settlement.action_reverse()
        reversal = settlement.reversal_id
        self.assertEqual(settlement.state, "reversed")
        self.assertTrue(reversal.is_reversal)
        self.assertEqual(reversal.state, "confirmed")
        self.assertEqual(reversal.reversed_settlement_id, settlement)
        self.assertEqual(self._amounts(reversal), (-7000, -3000, -1500, -1500, -8500))
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.edition_id, settlement.edition_id)
        with self.assertRaises(AccessError):
            reversal.write({"note": "changed"})
        with self.assertRaises(UserError):
            settlement.action_reverse()

    def test_draft_follows_edition(self):
        settlement = self._settle(0)
        settlement.edition_id.total_cost = 20000
        settlement.action_refresh()
        self.assertEqual(settlement.amount_guaranteed, 14000)
        settlement.unlink()

    def test_stale_draft_not_confirmed(self):
        """A placement recorded after the draft was prepared: the coordinator updates
        the figures before confirming; what is confirmed is what was shown."""
        settlement = self._settle(1)
        person = settlement.edition_id.package_ids.beneficiary_id.filtered(
            lambda p: not p.placement_ids)[:1]
        self.place(person, "2025-06-01")
        with self.assertRefused("changed since this draft was prepared", UserError):
            settlement.action_confirm()
        settlement.action_refresh()
        settlement.action_confirm()
        self.assertEqual(settlement.amount_earned, 3000)

    def test_edition_frozen_while_settled(self):
        settlement = self._settle(1)
        edition = settlement.edition_id
        settlement.action_confirm()
        self.assertTrue(edition.is_settled)
        for user in (self.operator, self.coordinator):
            for vals in ({"total_cost": 1}, {"date_end": "2025-03-30"},
                         {"window_end_date": "2030-12-31"}, {"window_months": 60}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    edition.with_user(user).write(vals)
        edition.with_user(self.operator).write({"hours": 900, "note": "Room 3"})
        settlement.action_reverse()
        edition.with_user(self.coordinator).write({"total_cost": 12000})
        self.assertFalse(edition.is_settled)

    # ------------------------------------------------------------ observation window
    def test_no_confirmation_before_the_window_ends(self):
        """Issue 15.14: three days after the course, 1 person of 12 employed so far
        (2,500 retained). The coordinator cannot confirm, unless recording why."""
        with freeze_time("2025-04-03 10:00:00"):
            settlement = self._settle(1, participants=12, user=self.finance)
            self.assertTrue(settlement.window_open)
            self.assertEqual(settlement.amount_retained, 2500)
            coordinator = settlement.with_user(self.coordinator)
            # refused before anything is written: no savepoint, the state is checked after
            with self.assertRaisesRegex(UserError, "ends on 09/30/2025"):
                coordinator.action_confirm()
            with self.assertRaises(AccessError):
                settlement.with_user(self.finance).action_confirm_early("the provider asked")
            with self.assertRaisesRegex(UserError, "Write why"):
                coordinator.action_confirm_early("   ")
            self.assertEqual(settlement.state, "draft")
            action = coordinator.action_open_confirm_early()
            wizard = self.action_form(action, self.coordinator, tracking_disable=False)
            wizard.reason = "The provider closes down: agreed with the Board on 2 April."
            wizard.save().action_confirm()
        settlement = settlement.with_env(self.env)
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(settlement.early_reason,
                         "The provider closes down: agreed with the Board on 2 April.")
        self.env.cr.precommit.run()  # the tracking is written at commit
        tracked = settlement.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "early_reason")
        self.assertIn("closes down", tracked.new_value_text)

    def test_confirmation_once_the_window_ended(self):
        settlement = self._settle(1)
        with freeze_time("2025-09-30 21:00:00"):  # 23:00 in Bologna: last day observed
            self.assertTrue(settlement.window_open)
            with self.assertRefused("ends on", UserError):
                settlement.action_confirm()
        with freeze_time("2025-09-30 22:30:00"):  # 1 October in Bologna
            settlement.invalidate_recordset(["window_open"])
            self.assertFalse(settlement.window_open)
            settlement.action_confirm()
        self.assertEqual(settlement.state, "confirmed")
        self.assertFalse(settlement.early_reason)

    def test_window_ending_on_a_calendar_date(self):
        """Issue 18: "placements 2018-2020": the window ends on 31 December 2020,
        whatever the end of the course."""
        agreement = self.env["ixl.training.agreement"].create({
            "name": "Agreement 2018-2020", "provider_id": self.provider.id,
            "risk_share": 30, "indicator": "employment_rate", "target_value": 50,
            "window_end_date": "2020-12-31"})
        edition = self.make_edition("OSS 2018", date_start="2018-03-01",
                                    date_end="2018-09-30", agreement_id=agreement.id)
        self.assertEqual(str(edition.window_end_date), "2020-12-31")
        self.assertEqual(str(edition.window_end), "2020-12-31")
        last_day, after = self.enrol(edition, 2)
        self.place(last_day, "2020-12-31")
        self.place(after, "2021-01-01")
        self.assertEqual(edition.employment_rate, 50)
        settlement = self.env["ixl.training.settlement"].create({"edition_id": edition.id})
        self.assertEqual(str(settlement.window_end), "2020-12-31")
        with self.assertRefused("cannot end before the course", ValidationError):
            self.make_edition("OSS 2021", date_start="2021-01-01", date_end="2021-06-30",
                              agreement_id=agreement.id)
