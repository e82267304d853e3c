"""18.0.1.1.0: loans get a closing date (repaid, defaulted, cancelled), the day from
which a recovery may be dated. Fill it for the loans closed before: the last repayment,
the day the guarantee was called, the day the guarantee was released on cancelling
(or the approval / request day when nothing was posted)."""


def migrate(cr, version):
    cr.execute("""
        UPDATE ixl_loan l
           SET date_closed = CASE l.state
               WHEN 'repaid' THEN COALESCE(
                   (SELECT MAX(i.paid_date) FROM ixl_loan_instalment i WHERE i.loan_id = l.id),
                   l.date_disbursed)
               WHEN 'defaulted' THEN COALESCE(
                   (SELECT MAX(m.date) FROM ixl_fund_move m
                     WHERE m.loan_id = l.id AND m.move_type = 'called'),
                   (SELECT MAX(i.paid_date) FROM ixl_loan_instalment i WHERE i.loan_id = l.id),
                   l.date_disbursed)
               ELSE COALESCE(
                   (SELECT MAX(m.date) FROM ixl_fund_move m
                     WHERE m.loan_id = l.id AND m.move_type = 'released'),
                   l.date_approved, l.date_request)
               END
         WHERE l.state IN ('repaid', 'defaulted', 'cancelled') AND l.date_closed IS NULL
    """)
