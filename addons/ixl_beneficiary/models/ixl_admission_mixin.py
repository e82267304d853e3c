"""The one home of the rule "only people admitted to the programme start something new".

Admitted means in target or active (``ixl.beneficiary.is_admitted``). The rule is for a
new episode (a placement, an internship, a training package, a seat, a hire claimed in
a call); following up an existing one (a renewal, an extension, a transformation, the
end of an incentivised hire) is allowed whatever the person's state: people out of
protocol because they now work keep their job's history.
"""

from odoo import api, models


class IxlAdmissionMixin(models.AbstractModel):
    _name = "ixl.admission.mixin"
    _description = "IXL: starts a new episode for an admitted beneficiary"

    def _ixl_needs_admission(self):
        """Whether this record starts a new episode (override for follow-ups)."""
        self.ensure_one()
        return True

    @api.constrains("beneficiary_id")
    def _check_beneficiary_admitted(self):
        what = self.env["ir.model"]._get(self._name).name
        for rec in self:
            if rec.beneficiary_id and rec._ixl_needs_admission():
                rec.beneficiary_id._ixl_check_admitted(what)
