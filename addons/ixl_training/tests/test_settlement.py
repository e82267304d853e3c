from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestSettlement(TrainingCase):
    """Cost 10,000, risk share 30%, indicator employment rate, target 50%."""

    def _settle(self, employed, participants=4):
        edition = self.make_edition(f"Edition {employed}")
        people = self.enrol(edition, participants)
        for person in people[:employed]:
            self.place(person, "2025-04-01")
        return self.env["ixl.training.settlement"].with_user(self.coordinator).create(
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

    def test_lock_and_reversal(self):
        settlement = self._settle(1)
        with self.assertRaises(AccessError):
            settlement.with_user(self.finance).action_confirm()
        settlement.action_confirm()
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(settlement.confirmed_by_id, self.coordinator)
        with self.assertRefused(UserError, "locked"):
            settlement.write({"note": "changed"})
        with self.assertRefused(UserError, "locked"):
            settlement.write({"state": "reversed"})
        with self.assertRefused(UserError, "locked"):
            settlement.unlink()
        settlement.invalidate_recordset()
        self.assertFalse(settlement.note, "nothing saved")
        self.assertEqual(settlement.state, "confirmed")
        # A second settlement of the same edition is refused while this one stands.
        with self.assertRefused(ValidationError, "already has a settlement"):
            self.env["ixl.training.settlement"].create({"edition_id": settlement.edition_id.id})
        # Reversal: opposite amounts, pointing to the original, and a new draft.
        draft = settlement.action_reverse()
        reversal = settlement.reversal_id
        self.assertEqual(settlement.state, "reversed")
        self.assertTrue(reversal.is_reversal)
        self.assertEqual(reversal.state, "confirmed")
        self.assertEqual(reversal.reversed_settlement_id, settlement)
        self.assertEqual(self._amounts(reversal), (-7000, -3000, -1500, -1500, -8500))
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.edition_id, settlement.edition_id)
        with self.assertRefused(UserError, "locked"):
            reversal.write({"note": "changed"})
        with self.assertRaises(UserError):
            settlement.action_reverse()

    def test_draft_follows_edition(self):
        settlement = self._settle(0)
        settlement.edition_id.total_cost = 20000
        settlement.action_refresh()
        self.assertEqual(settlement.amount_guaranteed, 14000)
        settlement.unlink()
