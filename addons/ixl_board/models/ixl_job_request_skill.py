from odoo import fields, models


class IxlJobRequestSkill(models.Model):
    """A skill required by a personnel request, with the minimum level."""

    _name = "ixl.job.request.skill"
    _inherit = ["ixl.required.skill"]
    _description = "Required skill"
    _order = "skill_type_id, id"

    request_id = fields.Many2one("ixl.job.request", required=True, ondelete="cascade",
                                 index=True)

    _sql_constraints = [
        ("skill_unique", "unique(request_id, skill_id)",
         "A skill can be required only once per request."),
    ]
