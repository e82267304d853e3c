from . import ixl_call_hire_end
from . import ixl_call_grant_reduce
