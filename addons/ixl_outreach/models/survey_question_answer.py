from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    ixl_value = fields.Char(
        string="Follow-up value",
        help="Value stored on the beneficiary when this answer is chosen (e.g. yes, "
        "permanent, 3+).",
    )
