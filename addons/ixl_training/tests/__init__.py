from . import test_indicators
from . import test_training
from . import test_settlement
from . import test_settlement_stateful
from . import test_ips_seats
from . import test_translation
from . import test_dashboard
from . import test_hr_access
