from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IxlBeneficiarySkill(models.Model):
    """A skill of the hr_skills taxonomy declared by, or assessed for, a beneficiary."""

    _name = "ixl.beneficiary.skill"
    _inherit = ["ixl.workflow.mixin"]  # the level's progress is derived, never sent
    _description = "Beneficiary skill"
    _order = "skill_type_id, skill_level_id"
    _rec_name = "skill_id"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="cascade", index=True
    )
    skill_type_id = fields.Many2one("hr.skill.type", required=True, ondelete="cascade")
    skill_id = fields.Many2one(
        "hr.skill",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        compute="_compute_skill_level_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="skill_level_id.level_progress", store=True)
    origin = fields.Selection(
        [("declared", "Declared by the person"), ("assessed", "Assessed by staff")],
        default="assessed",
        required=True,
    )

    _sql_constraints = [
        (
            "skill_unique",
            "unique(beneficiary_id, skill_id)",
            "A skill can be recorded only once per beneficiary.",
        ),
    ]

    @api.depends("skill_id")
    def _compute_skill_level_id(self):
        for record in self:
            levels = record.skill_type_id.skill_level_ids
            if record.skill_level_id in levels:
                continue
            default = levels.filtered("default_level")[:1]
            record.skill_level_id = default or levels.sorted("level_progress")[:1]

    @api.constrains("skill_id", "skill_type_id", "skill_level_id")
    def _check_skill_type(self):
        for record in self:
            if record.skill_id.skill_type_id != record.skill_type_id:
                raise ValidationError(self.env._(
                    "The skill %(skill)s is not of the type %(type)s.",
                    skill=record.skill_id.name, type=record.skill_type_id.name))
            if record.skill_level_id.skill_type_id != record.skill_type_id:
                raise ValidationError(self.env._(
                    "The level %(level)s is not a level of the type %(type)s.",
                    level=record.skill_level_id.name, type=record.skill_type_id.name))

    @api.depends("skill_id", "skill_level_id")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.skill_id.name}: {record.skill_level_id.name}"
