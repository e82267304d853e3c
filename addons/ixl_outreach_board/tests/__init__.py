from . import test_event_board
from . import test_translation
from . import test_offer_consent
