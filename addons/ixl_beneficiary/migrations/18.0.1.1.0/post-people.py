"""18.0.1.1.0, people's intake: the history of interview outcomes starts with one row
per person already interviewed; people already out of protocol lose their pending
first-interview activity (a re-admission schedules a new one)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ixl.interview.outcome.record"]._ixl_backfill_first_interviews()
    out = env["ixl.beneficiary"].with_context(active_test=False).search(
        [("state", "=", "out_of_protocol")])
    out.activity_unlink(["ixl_beneficiary.mail_activity_type_first_interview"])
