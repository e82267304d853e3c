from . import test_link
from . import test_translation
