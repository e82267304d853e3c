from . import ixl_dated_operation
from . import ixl_fund_operation
from . import ixl_loan_payment
