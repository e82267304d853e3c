from . import test_anonymise
from . import test_export
from . import test_retention
from . import test_sensitive
from . import test_privacy_page
from . import test_translation
from . import test_tour
