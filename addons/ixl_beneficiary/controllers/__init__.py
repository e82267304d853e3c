from . import portal_tools
from . import registration
