"""18.0.1.1.0: indemnity months keep their own rate and can be paid; a suspension pays
the indemnity only by an explicit decision with its reason.

* A month may now have more than one line (days added to a month already past or paid
  get a line of their own): the unique (internship, month) constraint goes.
* Each line records the monthly rate it applies: the lines so far were all built at the
  internship's current indemnity.
* Suspensions recorded as paid keep being paid; their reason is the one the old default
  stood for (income support).
"""

REASON = "Sostegno al reddito (indennità pagata d'ufficio prima della versione 18.0.1.1.0)"


def migrate(cr, version):
    cr.execute("ALTER TABLE ixl_internship_month "
               "DROP CONSTRAINT IF EXISTS ixl_internship_month_month_unique")
    cr.execute("DELETE FROM ir_model_constraint WHERE name = 'ixl_internship_month_month_unique'")
    cr.execute("""
        UPDATE ixl_internship_month m
           SET monthly_indemnity = i.monthly_indemnity
          FROM ixl_internship i
         WHERE m.internship_id = i.id AND m.monthly_indemnity IS NULL
    """)
    cr.execute("""
        UPDATE ixl_internship_suspension
           SET indemnity_reason = %s
         WHERE indemnity_due AND COALESCE(indemnity_reason, '') = ''
    """, [REASON])
