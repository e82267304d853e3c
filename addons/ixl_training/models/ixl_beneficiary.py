from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import related_records_action


class IxlBeneficiary(models.Model):
    _inherit = "ixl.beneficiary"

    training_package_ids = fields.One2many("ixl.training.package", "beneficiary_id",
                                           string="Training packages")
    training_package_count = fields.Integer(compute="_compute_training_package_count")

    def _compute_training_package_count(self):
        counts = dict(self.env["ixl.training.package"]._read_group(
            [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]))
        for person in self:
            person.training_package_count = counts.get(person, 0)

    def action_view_training_packages(self):
        return related_records_action(
            self, "ixl.training.package", "beneficiary_id", self.env._("Training packages"))
