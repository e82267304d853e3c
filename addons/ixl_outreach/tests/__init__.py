from . import test_mailing
from . import test_followup
from . import test_survey_access
from . import test_event
from . import test_translation
from . import test_dashboard
