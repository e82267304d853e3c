from . import ixl_interview_outcome
from . import ixl_out_of_protocol
from . import ixl_dashboard_export
from . import ixl_dashboard_print
from . import ixl_refusal_record
