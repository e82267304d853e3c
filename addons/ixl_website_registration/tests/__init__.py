from . import test_registration
from . import test_translation
