from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IxlRequiredSkill(models.AbstractModel):
    """A skill a target of the matching requires (a personnel request, a job offer), with
    the minimum level."""

    _name = "ixl.required.skill"
    _inherit = ["ixl.workflow.mixin"]  # the level's progress is derived, never sent
    _description = "IXL: required skill"
    _order = "skill_type_id, id"

    skill_type_id = fields.Many2one("hr.skill.type", required=True, ondelete="cascade")
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade", index=True,
                               domain="[('skill_type_id', '=', skill_type_id)]")
    min_level_id = fields.Many2one(
        "hr.skill.level", string="Minimum level", ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
        help="Empty: any level of the skill is enough.",
    )
    min_progress = fields.Integer(related="min_level_id.level_progress", store=True)

    @api.constrains("skill_id", "skill_type_id", "min_level_id")
    def _check_types(self):
        for line in self:
            if line.skill_id.skill_type_id != line.skill_type_id or (
                    line.min_level_id and line.min_level_id.skill_type_id != line.skill_type_id):
                raise ValidationError(self.env._(
                    "The skill and its level must belong to the type %s.",
                    line.skill_type_id.name))

    @api.depends("skill_id", "min_level_id")
    def _compute_display_name(self):
        for line in self:
            level = f" ({line.min_level_id.name})" if line.min_level_id else ""
            line.display_name = f"{line.skill_id.name}{level}"
