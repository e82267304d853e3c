from odoo import models


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    def _ixl_offer_mail_blockers(self):
        """Job offers are communications: never emailed to people who withdrew the
        consent to communications (ixl_outreach)."""
        blocked = super()._ixl_offer_mail_blockers()
        for person in self.filtered(lambda p: not p.communication_consent):
            blocked.setdefault(person, self.env._("withdrew the consent to communications"))
        return blocked
