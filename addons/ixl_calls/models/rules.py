"""Who may take the decisions of the calls (the transitions of ixl.workflow.mixin); the
group check itself is ixl_beneficiary's tools.require_group."""

from odoo.addons.ixl_beneficiary.models.tools import require_group  # noqa: F401

OPERATOR = "ixl_beneficiary.group_ixl_operator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
FINANCE = "ixl_beneficiary.group_ixl_finance"
