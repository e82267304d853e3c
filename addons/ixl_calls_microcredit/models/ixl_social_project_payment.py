from odoo import api, models
from odoo.exceptions import ValidationError


class IxlSocialProjectPayment(models.Model):
    _inherit = "ixl.social.project.payment"

    @api.constrains("project_id")
    def _check_project_not_linked(self):
        for payment in self:
            app = payment.project_id.application_id
            if app:
                raise ValidationError(self.env._(
                    "The money of %(project)s is recorded in its call application "
                    "%(application)s: record the payment on its grant there.",
                    project=payment.project_id.name, application=app.name))
