from . import ixl_call_application
from . import ixl_social_project
from . import ixl_social_project_payment
from . import ixl_dashboard
