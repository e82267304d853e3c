from . import event_registration
from . import ixl_beneficiary
