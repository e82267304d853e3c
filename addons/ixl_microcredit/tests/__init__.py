from . import test_access
from . import test_concurrency
from . import test_fund
from . import test_loan
from . import test_projects
from . import test_translation
from . import test_dashboard
from . import test_privacy
