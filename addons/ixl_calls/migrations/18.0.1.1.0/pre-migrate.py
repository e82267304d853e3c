"""18.0.1.1.0: a hire named in an application is a claim that staff verify.

Before, a hire was written on the person (with a placement) as soon as it was submitted.
The hires already recorded become: verified in approved applications (staff approved
them), claims to verify in open applications (the placement recorded at submission is
reused by the verification; if the claim is refused, staff check that placement by
hand), withdrawn or refused in withdrawn or rejected applications. The fiscal code of
the person is copied on the claim. One active claim per person: a later active claim
of a person already claimed is flagged as a conflict for staff.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        ALTER TABLE ixl_call_hire
            ADD COLUMN IF NOT EXISTS state varchar,
            ADD COLUMN IF NOT EXISTS fiscal_code varchar
    """)
    cr.execute("""
        UPDATE ixl_call_hire h
           SET fiscal_code = COALESCE(UPPER(b.fiscal_code), 'ID' || h.id)
          FROM ixl_beneficiary b
         WHERE b.id = h.beneficiary_id AND h.fiscal_code IS NULL
    """)
    cr.execute("""
        UPDATE ixl_call_hire h
           SET state = CASE a.state WHEN 'approved' THEN 'verified'
                                    WHEN 'withdrawn' THEN 'withdrawn'
                                    WHEN 'rejected' THEN 'refused'
                                    ELSE 'claimed' END
          FROM ixl_call_application a
         WHERE a.id = h.application_id AND h.state IS NULL
    """)
    cr.execute("""
        UPDATE ixl_call_hire h
           SET state = 'conflict'
          FROM (SELECT id, ROW_NUMBER() OVER (
                           PARTITION BY fiscal_code ORDER BY state = 'verified' DESC, id) AS rank
                  FROM ixl_call_hire
                 WHERE state IN ('claimed', 'verified')) ranked
         WHERE ranked.id = h.id AND ranked.rank > 1
    """)
