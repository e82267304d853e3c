from . import test_beneficiary
from . import test_protocol
from . import test_placement
from . import test_access
from . import test_registration
from . import test_tour
from . import test_translation
from . import test_consent
