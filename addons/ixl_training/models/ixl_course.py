from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import related_records_action, set_related_count

COURSE_KINDS = [
    ("dynamic_cv", "Dynamic CV"),
    ("soft_skills", "Soft skills"),
    ("technical", "Technical"),
    ("safety", "Safety at work"),
    ("italian", "Italian language"),
    ("skills_assessment", "Skills assessment"),
    ("haccp", "HACCP food handler"),
    ("qualification", "Qualification (OSS, CQC...)"),
    ("cleaning", "Cleaning staff"),
    ("other", "Other"),
]
# The annual report's seven categories of training packages, with the course kinds each
# one takes: qualifications (OSS, CQC...) and cleaning courses are reported as
# technical-specific; "other" is in none. The one home of this mapping.
REPORT_CATEGORIES = [
    ("dynamic_cv", ("dynamic_cv",)),
    ("soft_skills", ("soft_skills",)),
    ("technical", ("technical", "qualification", "cleaning")),
    ("safety", ("safety",)),
    ("italian", ("italian",)),
    ("skills_assessment", ("skills_assessment",)),
    ("haccp", ("haccp",)),
]
UNREPORTED_KINDS = tuple(
    key for key, _label in COURSE_KINDS
    if not any(key in kinds for _category, kinds in REPORT_CATEGORIES))


class IxlCourse(models.Model):
    """A course of the catalogue, run by a training provider in one or more editions."""

    _name = "ixl.course"
    _description = "Course"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(COURSE_KINDS, required=True, default="technical", tracking=True)
    provider_id = fields.Many2one(
        "res.partner", string="Training provider", ondelete="restrict", index=True,
        domain=[("is_training_provider", "=", True)], tracking=True,
    )
    hours = fields.Float(help="Usual length of the course in hours.")
    qualification = fields.Char(help="Qualification or certificate obtained, e.g. OSS, CQC.")
    description = fields.Html()
    active = fields.Boolean(default=True)
    edition_ids = fields.One2many("ixl.course.edition", "course_id", string="Editions")
    edition_count = fields.Integer(compute="_compute_edition_count")

    def _compute_edition_count(self):
        set_related_count(self, "edition_count", "ixl.course.edition", "course_id")

    def action_view_editions(self):
        return related_records_action(self, "ixl.course.edition", "course_id",
                                      self.env._("Editions"), view_mode="list,form,pivot,graph")
