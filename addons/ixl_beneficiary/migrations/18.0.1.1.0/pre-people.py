"""18.0.1.1.0, people's intake: the new stored columns filled with SQL before the ORM
loads the new fields (it would recompute them record by record on 100,000 people).

- nationality_group replaces is_italian: a person whose nationality is not recorded is
  no longer counted as non-Italian (beneficiaries and the stored split of placements);
- waiting_since and interview_deadline: the 15-day clock in Bologna days (it used the
  UTC date), restarted by a re-admission of a person still waiting;
- first_outcome and first_profile_type: the first interview (in target when a score
  was recorded; people still "interviewed" wait for the outcome, which the figures
  counted as "not in target").
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        ALTER TABLE ixl_beneficiary
            ADD COLUMN IF NOT EXISTS nationality_group varchar,
            ADD COLUMN IF NOT EXISTS waiting_since timestamp,
            ADD COLUMN IF NOT EXISTS first_outcome varchar,
            ADD COLUMN IF NOT EXISTS first_profile_type varchar
    """)
    cr.execute("""
        UPDATE ixl_beneficiary b
           SET nationality_group = CASE WHEN p.nationality_id IS NULL THEN 'unknown'
                                        WHEN b.is_italian THEN 'italian'
                                        ELSE 'non_italian' END
          FROM res_partner p
         WHERE p.id = b.partner_id
    """)
    cr.execute("ALTER TABLE ixl_placement ADD COLUMN IF NOT EXISTS nationality_group varchar")
    cr.execute("""
        UPDATE ixl_placement pl
           SET nationality_group = b.nationality_group
          FROM ixl_beneficiary b
         WHERE b.id = pl.beneficiary_id
    """)
    cr.execute("""
        UPDATE ixl_beneficiary
           SET waiting_since = CASE
                   WHEN admitted_since IS NOT NULL AND (
                        interview_held_date IS NULL OR interview_held_date
                        >= (admitted_since AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date)
                   THEN admitted_since ELSE registration_date END
    """)
    cr.execute("""
        UPDATE ixl_beneficiary
           SET interview_deadline =
               (waiting_since AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date + 15
    """)
    cr.execute("""
        UPDATE ixl_beneficiary
           SET first_outcome = CASE WHEN has_score THEN 'in_target' ELSE 'out_of_target' END,
               first_profile_type = profile_type
         WHERE interview_held_date IS NOT NULL AND state != 'interviewed'
    """)
