from . import ixl_beneficiary
from . import mailing_mailing
from . import survey_question
from . import survey_question_answer
from . import survey_user_input
from . import ixl_followup_campaign
from . import event_event
from . import event_registration
