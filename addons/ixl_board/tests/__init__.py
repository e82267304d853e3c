from . import test_matching
from . import test_board
from . import test_internship
from . import test_portal
from . import test_portal_tour
from . import test_translation
from . import test_dashboard
from . import test_portal_malformed
