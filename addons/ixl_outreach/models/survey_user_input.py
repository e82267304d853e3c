from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_date

from .ixl_beneficiary import CONTRACT_TYPES, OFFER_BANDS, YES_NO

# Follow-up key of a question -> field of the answer (and of the beneficiary).
FOLLOWUP_FIELDS = {
    "working": ("ixl_working", "followup_working"),
    "contract_type": ("ixl_contract_type", "followup_contract_type"),
    "offers": ("ixl_offers", "followup_offers"),
    "comment": ("ixl_comment", "followup_comment"),
}


class SurveyUserInput(models.Model):
    """A personal answer; for the follow-up survey it belongs to one beneficiary
    (not to an email: two people may share one) and its answers are copied as
    structured fields, on the answer and on the beneficiary.

    Whose answer it is, its campaign, the reminders and the structured values are
    written only by the campaign's actions and the answer itself (the person filling
    it in): ``ixl.workflow.mixin``. The free-text comment is for operators."""

    _name = "survey.user_input"
    _inherit = ["survey.user_input", "ixl.workflow.mixin"]
    _ixl_locked_fields = ("beneficiary_id", "ixl_campaign_id", "ixl_reminder_count",
                          "ixl_working", "ixl_contract_type", "ixl_offers", "ixl_comment")

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", index="btree_not_null", ondelete="set null",
        readonly=True, copy=False)
    ixl_campaign_id = fields.Many2one(
        "ixl.followup.campaign", string="Follow-up campaign", index="btree_not_null",
        ondelete="set null", readonly=True, copy=False)
    ixl_reminder_count = fields.Integer(string="Reminders sent", readonly=True, copy=False)
    ixl_working = fields.Selection(YES_NO, string="Working", readonly=True, copy=False)
    ixl_contract_type = fields.Selection(CONTRACT_TYPES, string="Contract type", readonly=True,
                                         copy=False)
    ixl_offers = fields.Selection(OFFER_BANDS, string="Job offers received", readonly=True,
                                  copy=False)
    ixl_comment = fields.Text(string="Follow-up comment", readonly=True, copy=False,
                              groups="ixl_beneficiary.group_ixl_operator")

    def _mark_done(self):
        res = super()._mark_done()
        self.filtered("beneficiary_id")._ixl_apply_followup()
        return res

    def _ixl_followup_values(self):
        """Structured values of the answer, from the questions with a follow-up key."""
        self.ensure_one()
        values = {}
        for line in self.user_input_line_ids.filtered("question_id.ixl_followup_key"):
            field_name = FOLLOWUP_FIELDS[line.question_id.ixl_followup_key][0]
            if line.suggested_answer_id.ixl_value:
                values[field_name] = line.suggested_answer_id.ixl_value
            elif line.answer_type == "text_box":
                values[field_name] = line.value_text_box
            elif line.answer_type == "char_box":
                values[field_name] = line.value_char_box
        return values

    def _ixl_apply_followup(self):
        for answer in self.sudo():
            values = answer._ixl_followup_values()
            answer.write(values)
            beneficiary_vals = {
                FOLLOWUP_FIELDS[key][1]: values.get(FOLLOWUP_FIELDS[key][0], False)
                for key in FOLLOWUP_FIELDS
            }
            beneficiary_vals["followup_date"] = local_date(
                answer.end_datetime or fields.Datetime.now())
            answer.beneficiary_id.write(beneficiary_vals)
