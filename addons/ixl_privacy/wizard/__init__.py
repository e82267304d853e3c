from . import ixl_privacy_anonymise
