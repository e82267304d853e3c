from odoo import models
from odoo.osv import expression


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def _get_recipients_domain(self):
        """Whatever domain staff set, a beneficiary who withdrew the consent to
        communications or whose email is blacklisted is never a recipient."""
        domain = super()._get_recipients_domain()
        if self.mailing_model_real == "ixl.beneficiary":
            domain = expression.AND([domain, [
                ("communication_consent", "=", True), ("is_blacklisted", "=", False)]])
        return domain
