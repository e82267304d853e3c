from . import ixl_ranking_xlsx
