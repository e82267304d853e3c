from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_training_provider = fields.Boolean(
        string="Training provider", help="A company that runs courses for IXL beneficiaries.")
    training_agreement_ids = fields.One2many(
        "ixl.training.agreement", "provider_id", string="Training agreements")
    training_agreement_id = fields.Many2one(
        "ixl.training.agreement", string="Current agreement",
        compute="_compute_training_agreement_id",
        help="The most recent active agreement with the provider.")
    course_edition_ids = fields.One2many(
        "ixl.course.edition", "provider_id", string="Course editions")

    @api.depends("training_agreement_ids.active", "training_agreement_ids.date_start")
    def _compute_training_agreement_id(self):
        for partner in self:
            # Ordered by date_start desc (model order): the first one is the current.
            partner.training_agreement_id = partner.training_agreement_ids[:1]
