from odoo import fields, models


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
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Training packages"),
            "res_model": "ixl.training.package",
            "view_mode": "list,form",
            "domain": [("beneficiary_id", "=", self.id)],
            "context": {"default_beneficiary_id": self.id},
        }
