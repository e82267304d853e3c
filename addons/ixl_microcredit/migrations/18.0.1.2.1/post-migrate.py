"""18.0.1.2.1: the fund's ceiling change and deposit and the loan's repayment and
recovery are operations of the dialog ``ixl.dated.operation``; the two wizards
``ixl.fund.operation`` and ``ixl.loan.payment`` are gone. The update removes their
models, views and access rules; their tables (transient, nothing to keep) are dropped
here."""


def migrate(cr, version):
    cr.execute("DROP TABLE IF EXISTS ixl_fund_operation, ixl_loan_payment")
