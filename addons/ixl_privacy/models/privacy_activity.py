from odoo import fields, models

LEGAL_BASES = [
    ("consent", "Consent - art. 6(1)(a)"),
    ("contract", "Contract - art. 6(1)(b)"),
    ("legal_obligation", "Legal obligation - art. 6(1)(c)"),
    ("vital_interest", "Vital interests - art. 6(1)(d)"),
    ("public_task", "Public-interest task - art. 6(1)(e)"),
    ("legitimate_interest", "Legitimate interests - art. 6(1)(f)"),
]
SPECIAL_BASES = [
    ("none", "No special categories"),
    ("explicit_consent", "Explicit consent - art. 9(2)(a)"),
    ("employment_social", "Employment and social protection - art. 9(2)(b)"),
    ("public_interest", "Substantial public interest - art. 9(2)(g)"),
    ("health_social_care", "Health or social care - art. 9(2)(h)"),
]


class PrivacyActivity(models.Model):
    """The register of processing activities (art. 30 GDPR) on OCA privacy's
    activities: the legal basis actually used, the categories of data and of people,
    the recipients and the retention."""

    _inherit = "privacy.activity"

    ixl_purpose = fields.Text(string="Purpose")
    legal_basis = fields.Selection(LEGAL_BASES, string="Legal basis")
    special_basis = fields.Selection(
        SPECIAL_BASES, string="Basis for special categories", default="none")
    legal_reference = fields.Char(
        string="Legal reference",
        help="The law, regulation or agreement that assigns the task or the obligation.")
    data_categories = fields.Text(string="Categories of personal data")
    subject_categories = fields.Text(string="Categories of data subjects")
    recipient_ids = fields.Many2many(
        "res.partner", "privacy_activity_ixl_recipient_rel", "activity_id", "partner_id",
        string="Recipients")
    recipients = fields.Text(string="Categories of recipients")
    retention = fields.Text()
    transfers = fields.Char(string="Transfers outside the EU", default="None")
    security_measures = fields.Text(string="Security measures")
