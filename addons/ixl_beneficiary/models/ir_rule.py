"""The record rules that hide beneficiaries' contacts stay on res.partner.

Odoo applies the rules of res.partner to every model that ``_inherits`` it: reading an
``ixl.beneficiary`` would require reading its partner. The beneficiary has its own access
(ir.model.access and the ``groups`` of its fields, see docs/security.md): finance reads
the person's name and programme facts without the contact card. So, while Odoo computes
the rules of ixl.beneficiary, the partner rules listed in ``BENEFICIARY_PARTNER_RULES``
are left out; every other rule of res.partner (multi-company) still applies. The marker
is a module-level object that no RPC context (JSON) can carry.
"""

from odoo import api, models

BENEFICIARY_PARTNER_RULES = (
    "ixl_beneficiary.rule_res_partner_beneficiary_user",
    "ixl_beneficiary.rule_res_partner_beneficiary_operator",
)
_RULES_OF_BENEFICIARY = object()
_CONTEXT_KEY = "ixl_rules_of_beneficiary"


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_keys(self):
        return [*super()._compute_domain_keys(), _CONTEXT_KEY]

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        rules = self
        if model_name == "ixl.beneficiary":
            rules = self.with_context(**{_CONTEXT_KEY: _RULES_OF_BENEFICIARY})
        return super(IrRule, rules)._compute_domain(model_name, mode)

    def _get_rules(self, model_name, mode="read"):
        rules = super()._get_rules(model_name, mode)
        if model_name == "res.partner" and \
                self.env.context.get(_CONTEXT_KEY) is _RULES_OF_BENEFICIARY:
            data = self.env["ir.model.data"]
            rules -= self.browse(filter(None, (
                data._xmlid_to_res_id(xmlid, raise_if_not_found=False)
                for xmlid in BENEFICIARY_PARTNER_RULES)))
        return rules
