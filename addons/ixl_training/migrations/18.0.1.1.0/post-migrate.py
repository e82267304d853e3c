"""Risk-sharing settlements: the amounts are no longer recomputed from the rounded
indicator; the snapshot now keeps the counts (counted / participants) and the window,
and the amounts are computed on the exact indicator, rounded once.

Confirmed settlements and reversals keep the figures they were confirmed with (a
confirmed settlement never changes). Drafts take their figures again from the edition.
"""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    drafts = env["ixl.training.settlement"].search(
        [("state", "=", "draft"), ("is_reversal", "=", False),
         ("edition_id.agreement_id", "!=", False)])
    for draft in drafts:
        draft.write(draft._snapshot_values())
