from . import ixl_candidate_hire
from . import ixl_ranking
