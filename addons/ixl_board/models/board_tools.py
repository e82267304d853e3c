"""Who may take a step of the Board's workflows (the group half of a transition check)."""

from odoo.exceptions import AccessError

OPERATOR = "ixl_beneficiary.group_ixl_operator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"


def check_group(env, group):
    """Refuse the step unless the user is in ``group`` (superuser code is trusted)."""
    if env.su or env.user.has_group(group):
        return
    raise AccessError(env._(
        "Only users of the group %(group)s can do this.",
        group=env.ref(group).sudo().full_name))
