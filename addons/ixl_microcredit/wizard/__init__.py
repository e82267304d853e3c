from . import ixl_dated_operation
