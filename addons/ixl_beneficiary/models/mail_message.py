"""The chatter of a person is the operators' case file.

Messages on ``ixl.beneficiary`` hold the operators' notes (health, family, calls), the
emails exchanged with the person (with their address in ``email_from``) and the notices
sent to them. Odoo lets anybody who reads the record read its messages; finance reads
the person's name and programme facts only, so messages of these models are readable by
the operators (and the groups implying it), by their author and by their recipients.
"""

from odoo import api, models

OPERATOR = "ixl_beneficiary.group_ixl_operator"
CASE_FILE_MODELS = ("ixl.beneficiary",)


def reads_case_files(env):
    """Whether the user of ``env`` reads the messages and files of people's records."""
    return env.su or env.user.has_group(OPERATOR)


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        if doc_model in CASE_FILE_MODELS and not reads_case_files(self.env):
            return set()
        return super()._find_allowed_model_wise(doc_model, doc_dict)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation != "read" or reads_case_files(self.env):
            return forbidden
        partner = self.env.user.partner_id
        # sudo: reading the model, author and recipients to decide the access
        case_file = (self - forbidden).sudo().filtered(
            lambda m: m.model in CASE_FILE_MODELS and m.author_id != partner
            and partner not in m.partner_ids)
        return forbidden + self.browse(case_file.ids)
