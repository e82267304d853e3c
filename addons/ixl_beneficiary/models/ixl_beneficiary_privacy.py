"""ixl.beneficiary: consents with their proof, the sensitive notes and the hooks of the
privacy tools (the split of the model in files is described in ixl_beneficiary.py)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

NOTICE_PARAM = "ixl_beneficiary.privacy_notice_version"
CHANNEL_KEY = "ixl_consent_channel"
# Fields of the person holding special-category data: opening them is reported to
# ``_privacy_log_sensitive_read`` (ixl_privacy writes it in the access log).
SENSITIVE_FIELDS = ("interview_notes", "fragility_notes")


class _Channel(str):
    """The channel of a consent proof given by server code (``_privacy_set_consent``):
    a context value that no RPC call (JSON) can carry. A plain string in the context is
    trusted from superuser code only (the registration form, the erasure); any other
    caller's change is proven as made at the office, by them, now."""


class IxlBeneficiary(models.Model):
    """Privacy facts of the person: consents (with their proof) and the hooks that the
    privacy tools (ixl_privacy) call and that each addon extends with its own records:

    - ``_privacy_related_records()``: every record about the person (right of access);
    - ``_privacy_erasure_blockers()``: why the person cannot be anonymised now (a legal
      obligation to keep the data), as translated sentences;
    - ``_privacy_anonymise_related()``: clears identifying data and free text held by
      the related records when the person is anonymised.
    """

    # one model split by concern on purpose (ixl_beneficiary.py): no file overrides another
    _inherit = "ixl.beneficiary"  # pylint: disable=consider-merging-classes-inherited

    cv_sharing_consent = fields.Boolean(
        string="Consent to share the CV", copy=False, tracking=True, readonly=True,
        help="The person agreed that IXL proposes them and sends their CV to the companies "
        "of the Board. Without it, matching never proposes the person.",
    )
    cv_sharing_consent_date = fields.Datetime(
        string="CV consent changed on", copy=False, readonly=True)
    consent_ids = fields.One2many(
        "ixl.consent", "beneficiary_id", string="Consent proofs",
        groups="ixl_beneficiary.group_ixl_operator")
    anonymised_date = fields.Datetime(
        string="Anonymised on", copy=False, readonly=True, index="btree_not_null",
        help="Identifying data were erased on this date; the non-identifying facts stay "
        "for the figures.")

    # ------------------------------------------------------------------ consents
    @api.model
    def _privacy_consent_fields(self):
        """{purpose of ixl.consent: boolean field of the person}; addons add theirs."""
        return {"cv_sharing": "cv_sharing_consent"}

    @api.model
    def _privacy_notice_version(self):
        return self.env["ir.config_parameter"].sudo().get_param(NOTICE_PARAM, "2026-01")

    def _privacy_set_consent(self, purpose, given, channel="office"):
        """Give or withdraw a consent, with its proof; takes effect at once."""
        field = self._privacy_consent_fields()[purpose]
        return self.with_context(**{CHANNEL_KEY: _Channel(channel)}).write({field: given})

    def action_give_cv_consent(self):
        return self._privacy_set_consent("cv_sharing", True)

    def action_withdraw_cv_consent(self):
        return self._privacy_set_consent("cv_sharing", False)

    @api.model
    def _demo_give_cv_consent(self):
        """Demo data: the demo people agreed on paper to share their CV."""
        data = self.env["ir.model.data"].sudo().search([
            ("model", "=", self._name), ("name", "=like", "demo_beneficiary_%")])
        people = self.browse(data.mapped("res_id")).exists()
        people.filtered(lambda p: not p.cv_sharing_consent)._privacy_set_consent(
            "cv_sharing", True, channel="paper")

    # ------------------------------------------------- steps of create and write
    @api.model
    def _privacy_prepare_create(self, vals_list):
        """Date the consents given at creation (the server's date); returns {purpose:
        consent field} of the consents the values set, for ``_privacy_log_consents``."""
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("cv_sharing_consent"):
                vals["cv_sharing_consent_date"] = now
        return {purpose: field for purpose, field in self._privacy_consent_fields().items()
                if any(field in vals for vals in vals_list)}

    def _privacy_prepare_write(self, vals):
        """(values, {purpose: people whose consent changes}): a changed CV consent is
        dated by the server."""
        changed = {}
        for purpose, field in self._privacy_consent_fields().items():
            if field in vals:
                changed[purpose] = self.filtered(lambda r, f=field: r[f] != bool(vals[f]))
        if changed.get("cv_sharing"):
            vals = {**vals, "cv_sharing_consent_date": fields.Datetime.now()}
        return vals, changed

    @api.model
    def _privacy_check_server_dates(self, vals_list):
        """The dates of the consents are the server's: no caller sets them."""
        if not self.env.su and any("cv_sharing_consent_date" in vals for vals in vals_list):
            raise AccessError(self.env._(
                "The date of a consent is recorded by the system when the consent changes."))

    def _privacy_consent_channel(self):
        channel = self.env.context.get(CHANNEL_KEY)
        trusted = isinstance(channel, _Channel) or (self.env.su and isinstance(channel, str))
        return str(channel) if trusted else "office"

    def _privacy_log_consents(self, changed):
        """Proof records for the consents that changed ({purpose: people}): date, author
        and channel come from the server, never from the caller."""
        consent_fields = self._privacy_consent_fields()
        channel = self._privacy_consent_channel()
        version = self._privacy_notice_version()
        now = fields.Datetime.now()
        vals_list = [
            {"beneficiary_id": person.id, "purpose": purpose,
             "given": bool(person[consent_fields[purpose]]), "channel": channel,
             "notice_version": version, "date": now, "user_id": self.env.uid}
            for purpose, people in changed.items() for person in people
        ]
        if vals_list:
            # the rights were checked by the write/create of the person itself
            self.env["ixl.consent"].sudo().create(vals_list)

    # ------------------------------------------------------------- sensitive notes
    def action_show_sensitive_notes(self):
        """Open the interview and fragility notes in a dialog: the main form does not
        load them, so that each opening is reported (``_privacy_log_sensitive_read``)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sensitive notes"),
            "res_model": "ixl.beneficiary",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("ixl_beneficiary.ixl_beneficiary_view_form_sensitive").id,
                       "form")],
            "target": "new",
        }

    def web_read(self, specification):
        result = super().web_read(specification)
        opened = [name for name in SENSITIVE_FIELDS if name in specification]
        if opened and self:
            labels = ", ".join(self._fields[name].get_description(self.env)["string"]
                               for name in opened)
            self._privacy_log_sensitive_read(labels)
        return result

    # --------------------------------------------------------------- privacy hooks
    def _privacy_related_records(self):
        """Every record about the person, as a list of recordsets (right of access).
        Each addon adds its own records."""
        self.ensure_one()
        person = self.sudo()
        return [person.skill_ids, person.service_ids, person.placement_ids,
                person.protocol_exit_ids, person.interview_outcome_ids, person.consent_ids,
                person.refusal_ids, person.missed_appointment_ids]

    def _privacy_erasure_blockers(self):
        """Translated reasons why the person cannot be anonymised now (a legal
        obligation applies); empty when nothing blocks. Each addon adds its own."""
        self.ensure_one()
        return []

    def _privacy_anonymise_related(self):
        """Clear the identifying free text of the related records (the person is being
        anonymised, the rights were checked by the caller). Each addon adds its own."""
        person = self.sudo()
        person.service_ids.write({"note": False})
        person.placement_ids.write({"note": False})
        person.protocol_exit_ids.write({"note": False})
        person.refusal_ids.write({"note": False})
        person.missed_appointment_ids.write({"note": False})

    def _privacy_log_sensitive_read(self, what):
        """Called when a user opens special-category data of the person (``what``, a
        translated label); ixl_privacy writes it in the access log."""
        return True
