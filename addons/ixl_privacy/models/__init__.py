from . import privacy_activity
from . import ixl_sensitive_access_log
from . import ixl_privacy_erasure
from . import ixl_privacy_retention_run
from . import ixl_privacy_export
from . import ixl_beneficiary
from . import res_config_settings
