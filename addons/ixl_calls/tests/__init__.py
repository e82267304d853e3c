from . import test_access
from . import test_caps
from . import test_budget
from . import test_applications
from . import test_concurrency
from . import test_portal
from . import test_portal_tour
from . import test_translation
