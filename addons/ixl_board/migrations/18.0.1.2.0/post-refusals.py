"""18.0.1.2.0: the refusals of candidatures recorded before ixl.refusal existed become
refusals on the person's history, so the figures of refusals per month and by reason
include the past (the report compares 2019 and 2020).

A candidature refused by the beneficiary without a refusal gets one: dated on the day
the candidature was last changed (in Bologna; the refusal was its last step), of the CV
sending when no CV had been sent, else of the job; the reason translated as the wizard
does (TO_REFUSAL_REASON), "other" when none was recorded; the candidature's note kept.
Running it again adds nothing.
"""
import json

from odoo.addons.ixl_board.models.ixl_candidate import TO_REFUSAL_REASON


def migrate(cr, version):
    cr.execute("""
        WITH refused AS (
            SELECT c.id, c.beneficiary_id, c.refusal_note,
                   (c.write_date AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date AS day,
                   CASE WHEN c.date_sent IS NULL THEN 'cv_sending' ELSE 'job_offer' END
                       AS kind,
                   COALESCE(reasons.value, 'other') AS reason
              FROM ixl_candidate c
              LEFT JOIN json_each_text(%s::json) reasons ON reasons.key = c.refusal_reason
             WHERE c.state = 'refused_beneficiary' AND c.refusal_id IS NULL
        ), created AS (
            INSERT INTO ixl_refusal (beneficiary_id, date, kind, reason, note, user_id,
                                     res_model, res_id, create_uid, write_uid,
                                     create_date, write_date)
            SELECT beneficiary_id, day, kind, reason, refusal_note, 1, 'ixl.candidate', id,
                   1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
              FROM refused
         RETURNING id, res_id
        )
        UPDATE ixl_candidate c SET refusal_id = created.id
          FROM created WHERE c.id = created.res_id
    """, [json.dumps(TO_REFUSAL_REASON)])
