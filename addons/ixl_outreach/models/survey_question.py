from odoo import fields, models

FOLLOWUP_KEYS = [
    ("working", "Working now"),
    ("contract_type", "Contract type"),
    ("offers", "Job offers received"),
    ("comment", "Comment"),
]


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    ixl_followup_key = fields.Selection(
        FOLLOWUP_KEYS, string="Follow-up field",
        help="Beneficiary field filled by the answers to this question (follow-up of "
        "people out of protocol).",
    )
