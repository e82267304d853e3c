from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import related_records_action, set_related_count

from .ixl_ips_path import IPS_GROUPS


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    training_package_ids = fields.One2many("ixl.training.package", "beneficiary_id",
                                           string="Training packages")
    training_package_count = fields.Integer(compute="_compute_training_package_count")
    ips_path_ids = fields.One2many("ixl.ips.path", "beneficiary_id", string="IPS paths",
                                   groups=IPS_GROUPS)

    def _compute_training_package_count(self):
        set_related_count(self, "training_package_count", "ixl.training.package", "beneficiary_id")

    def action_view_training_packages(self):
        return related_records_action(
            self, "ixl.training.package", "beneficiary_id", self.env._("Training packages"))

    # ---------------------------------------------------------------- privacy hooks
    def _privacy_ips_paths(self):
        return self.env["ixl.ips.path"].sudo().with_context(active_test=False).search(
            [("beneficiary_id", "in", self.ids)])

    def _privacy_related_records(self):
        seats = self.env["ixl.retraining.seat"].sudo().search(
            [("beneficiary_id", "in", self.ids)])
        return super()._privacy_related_records() + [
            self.sudo().training_package_ids, self._privacy_ips_paths(), seats]

    def _privacy_anonymise_related(self):
        res = super()._privacy_anonymise_related()
        self.sudo().training_package_ids.write({"note": False})
        self._privacy_ips_paths().write({"notes": False})
        return res
