from . import ixl_training_xlsx
