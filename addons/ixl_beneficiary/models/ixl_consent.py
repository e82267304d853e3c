from odoo import api, fields, models

CONSENT_CHANNELS = [
    ("office", "At the office"),
    ("web", "Online form"),
    ("link", "Privacy page (link in an email)"),
    ("paper", "Signed on paper"),
    ("email", "By email"),
    ("phone", "By phone"),
    ("import", "Import"),
    ("erasure", "Erasure of the personal data"),
]


class IxlConsent(models.Model):
    """Proof of one consent given or withdrawn by a person: what, when, how and the
    version of the privacy notice shown. Records are never edited nor deleted."""

    _name = "ixl.consent"
    _description = "Consent proof"
    _order = "date desc, id desc"
    _rec_name = "purpose"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", string="Person", required=True, ondelete="cascade", index=True,
        readonly=True)
    purpose = fields.Selection(
        [("cv_sharing", "Sharing the CV with companies")], required=True, readonly=True)
    given = fields.Boolean(string="Consent given", readonly=True,
                           help="Ticked when the consent was given, unticked when withdrawn.")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    channel = fields.Selection(CONSENT_CHANNELS, required=True, default="office", readonly=True)
    notice_version = fields.Char(string="Privacy notice version", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True,
                              default=lambda self: self.env.user)

    @api.depends("purpose", "given")
    def _compute_display_name(self):
        purposes = dict(self._fields["purpose"]._description_selection(self.env))
        for rec in self:
            state = self.env._("given") if rec.given else self.env._("withdrawn")
            rec.display_name = f"{purposes.get(rec.purpose, '')}: {state}"
