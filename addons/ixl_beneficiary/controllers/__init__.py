from . import portal_tools
