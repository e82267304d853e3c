from . import ixl_dashboard_xlsx
from . import ixl_list_xlsx
from . import ixl_dashboard_pdf
