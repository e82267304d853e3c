from . import ixl_call_finance_xlsx
