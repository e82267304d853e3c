from . import ixl_fund_ledger_xlsx
from . import ixl_fund_loans_xlsx
