from odoo import fields, models


class IxlJobOfferSkill(models.Model):
    """A skill a job offer found online asks for, with the minimum level."""

    _name = "ixl.job.offer.skill"
    _inherit = ["ixl.required.skill"]
    _description = "Skill asked by a job offer"
    _order = "skill_type_id, id"

    offer_id = fields.Many2one("ixl.job.offer", required=True, ondelete="cascade", index=True)

    _sql_constraints = [
        ("skill_unique", "unique(offer_id, skill_id)",
         "A skill can be asked only once per offer."),
    ]
