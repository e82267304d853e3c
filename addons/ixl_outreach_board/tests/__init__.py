from . import test_event_board
from . import test_translation
