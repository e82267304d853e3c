from . import ixl_candidate_hire
from . import ixl_job_offer_wizards
from . import ixl_ranking
from . import ixl_internship_wizards
from . import ixl_board_wizards
from . import ixl_internship_attendance
