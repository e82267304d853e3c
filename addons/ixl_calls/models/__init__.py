from . import ixl_call_source
from . import ixl_call_allocation
from . import ixl_call
from . import ixl_call_application
from . import ixl_call_hire
from . import ixl_call_grant
from . import ixl_call_payment
from . import ixl_beneficiary
