from . import ixl_dashboard_xlsx
