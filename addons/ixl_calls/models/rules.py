"""Who may take the decisions of the calls (the transitions of ixl.workflow.mixin)."""

from odoo.exceptions import AccessError

OPERATOR = "ixl_beneficiary.group_ixl_operator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
FINANCE = "ixl_beneficiary.group_ixl_finance"


def require_group(records, *xmlids):
    """Refuse the current user unless they are in one of the groups ``xmlids`` (superuser
    code is trusted: it runs after its own check)."""
    env = records.env
    if env.su or any(env.user.has_group(xmlid) for xmlid in xmlids):
        return
    names = [env.ref(xmlid).name for xmlid in xmlids]
    raise AccessError(env._(
        "Only %(groups)s can do this on %(model)s.",
        groups=" / ".join(names), model=records._description))
