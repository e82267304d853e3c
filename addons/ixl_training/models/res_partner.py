from odoo import api, fields, models

# Who reads agreements and editions: like Odoo's own fields, the links to them from a
# partner are not read for other internal or portal users.
TRAINING_READERS = "ixl_beneficiary.group_ixl_operator,ixl_beneficiary.group_ixl_finance"


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_training_provider = fields.Boolean(
        string="Training provider", help="A company that runs courses for IXL beneficiaries.")
    training_agreement_ids = fields.One2many(
        "ixl.training.agreement", "provider_id", string="Training agreements",
        groups=TRAINING_READERS)
    training_agreement_id = fields.Many2one(
        "ixl.training.agreement", string="Current agreement",
        compute="_compute_training_agreement_id", groups=TRAINING_READERS,
        help="The most recent active agreement with the provider.")
    course_edition_ids = fields.One2many(
        "ixl.course.edition", "provider_id", string="Course editions",
        groups=TRAINING_READERS)

    @api.depends("training_agreement_ids.active", "training_agreement_ids.date_start")
    def _compute_training_agreement_id(self):
        for partner in self:
            # Ordered by date_start desc (model order): the first one is the current.
            partner.training_agreement_id = partner.training_agreement_ids[:1]
