"""Who may take a step of the Board's workflows (the group half of a transition check is
ixl_beneficiary's tools.require_group)."""

OPERATOR = "ixl_beneficiary.group_ixl_operator"
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
