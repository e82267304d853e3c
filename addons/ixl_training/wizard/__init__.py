from . import ixl_training_settlement_early
from . import ixl_ips_path_close
