import secrets
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
# Fields of the person holding special-category data: opening them is logged.
SENSITIVE_FIELDS = ("interview_notes", "fragility_notes")
# Partner data that identify the person and are cleared by the anonymisation.
PARTNER_CLEARED = ("email", "phone", "mobile", "street", "street2", "zip", "city", "website",
                   "function", "comment", "vat", "ref", "title", "image_1920",
                   "birthdate_date")
# Demographic data cleared but whose stored figures must not move.
DEMOGRAPHIC_FIELDS = ("birthdate_date",)
# Chatter entries written by people (notes, emails), removed from related records.
WRITTEN_MESSAGE_TYPES = ("comment", "email", "email_outgoing")


class IxlBeneficiary(models.Model):
    """Right of access, right to erasure, privacy page and the access log."""

    _inherit = "ixl.beneficiary"

    privacy_token = fields.Char(
        copy=False, groups="base.group_system", default=lambda self: secrets.token_hex(32),
        index="btree_not_null")
    privacy_url = fields.Char(
        string="Privacy page", compute="_compute_privacy_url", compute_sudo=True,
        groups="ixl_beneficiary.group_ixl_operator",
        help="Public page where the person gives or withdraws the consents.")
    erasure_blockers = fields.Text(
        compute="_compute_erasure_blockers", groups=COORDINATOR,
        help="Why the person cannot be anonymised now.")

    def _compute_privacy_url(self):
        base = self.get_base_url()
        for person in self:
            person.privacy_url = (
                f"{base}/ixl/privacy/{person.privacy_token}" if person.privacy_token else False)

    def _compute_erasure_blockers(self):
        for person in self:
            person.erasure_blockers = "\n".join(person._privacy_erasure_blockers())

    # ------------------------------------------------------------------- rights
    def _privacy_check_coordinator(self):
        """Only coordinators (and administrators) export or anonymise."""
        if not self.env.user.has_group(COORDINATOR):
            raise AccessError(self.env._(
                "Only coordinators can export or erase the personal data of a person."))
        self.check_access("write")

    # --------------------------------------------------------------- access log
    def _privacy_log_sensitive_read(self, what):
        people = self.exists()
        if people:
            self.env["ixl.sensitive.access.log"].sudo().create([
                {"user_id": self.env.uid, "beneficiary_id": person.id,
                 "reference": person.reference, "what": what} for person in people])
        return True

    def web_read(self, specification):
        result = super().web_read(specification)
        opened = [name for name in SENSITIVE_FIELDS if name in specification]
        if opened and self:
            labels = ", ".join(self._fields[name].get_description(self.env)["string"]
                               for name in opened)
            self._privacy_log_sensitive_read(labels)
        return result

    def action_show_sensitive_notes(self):
        """Open the interview and fragility notes in a dialog (the opening is logged)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sensitive notes"),
            "res_model": "ixl.beneficiary",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("ixl_privacy.ixl_beneficiary_view_form_sensitive").id,
                       "form")],
            "target": "new",
        }

    # ----------------------------------------------------------- right of access
    def action_privacy_export(self):
        self.ensure_one()
        self._privacy_check_coordinator()
        return {"type": "ir.actions.act_url", "target": "download",
                "url": f"/ixl/privacy/export/{self.id}"}

    # ---------------------------------------------------------- right to erasure
    def action_privacy_anonymise(self):
        self.ensure_one()
        self._privacy_check_coordinator()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise"),
            "res_model": "ixl.privacy.anonymise",
            "view_mode": "form",
            "target": "new",
            "context": {"default_beneficiary_id": self.id},
        }

    def _privacy_anonymise(self, origin="request", reason=False):
        """Erase the identifying data of the people, irreversibly; refused when a legal
        obligation applies. The caller checked the rights."""
        for person in self:
            if person.anonymised_date:
                raise UserError(self.env._("%s is already anonymised.", person.reference))
            blockers = person._privacy_erasure_blockers()
            if blockers:
                raise UserError(self.env._(
                    "%(ref)s cannot be anonymised now:\n%(reasons)s",
                    ref=person.reference, reasons="\n".join(blockers)))
        logs = self.env["ixl.privacy.erasure"]
        for person in self.sudo():
            logs |= person._privacy_anonymise_one(origin, reason)
        return logs

    def _privacy_anonymise_one(self, origin, reason):
        self.ensure_one()
        related = [records for records in self._privacy_related_records() if records]
        partner = self.partner_id
        secrets_ = {value for value in (self.name, self.fiscal_code, partner.email,
                                        self.first_name, self.last_name) if value}
        self._privacy_anonymise_related()
        message_count = self._privacy_erase_messages(related, secrets_)
        attachment_count = self._privacy_erase_attachments(related)
        self._privacy_erase_own_data()
        return self.env["ixl.privacy.erasure"].create({
            "user_id": self.env.uid, "beneficiary_id": self.id, "reference": self.reference,
            "origin": origin, "reason": reason,
            "related_count": sum(len(records) for records in related),
            "attachment_count": attachment_count, "message_count": message_count,
        })

    def _privacy_demographic_computes(self):
        """(fields, records) of the stored figures computed from the demographic data
        that the anonymisation clears (ages at placement, at hire, at interview...):
        protected so that no figure moves."""
        partner = self.partner_id.sudo()
        triggers = partner._modified([partner._fields[name] for name in DEMOGRAPHIC_FIELDS],
                                     False)
        protected = defaultdict(list)
        for field, records, _create in triggers:
            if field.compute and field.store:
                protected[field].append(records)
        return [([field], self.env[field.model_name].union(*records))
                for field, records in protected.items()]

    def _privacy_erase_own_data(self):
        partner = self.partner_id
        email = partner.email_normalized
        self.activity_ids.unlink()
        for user in partner.with_context(active_test=False).user_ids:
            user.write({"active": False, "login": f"anonymised-{self.id}-{user.id}"})
        if email:
            self.env["mail.blacklist"].with_context(active_test=False).search(
                [("email", "=", email)]).unlink()
        for field in self._privacy_consent_fields().values():
            if self[field]:
                self.with_context(ixl_consent_channel="erasure").write({field: False})
        vals = {
            "first_name": self.env._("Anonymised"), "last_name": self.reference,
            "fiscal_code": f"ANON{self.id}", "anonymised_date": fields.Datetime.now(),
            "interview_notes": False, "fragility_notes": False,
            "id_document": False, "id_document_filename": False,
            "cv_file": False, "cv_filename": False,
            **{name: False for name in PARTNER_CLEARED if name in partner._fields},
        }
        with self.env.protecting(self._privacy_demographic_computes()):
            self.with_context(tracking_disable=True, mail_notrack=True).write(vals)
            self.flush_recordset()
        self.message_ids.unlink()
        partner.message_ids.unlink()

    def _privacy_erase_messages(self, related, secrets_):
        """Messages of the person's record and partner go; on the related records the
        notes and emails go, and tracked values showing the person are replaced."""
        Message = self.env["mail.message"]
        domains = [[("model", "=", self._name), ("res_id", "=", self.id)],
                   [("model", "=", "res.partner"), ("res_id", "=", self.partner_id.id)]]
        own = Message.search(["|", "&", *domains[0], "&", *domains[1]])
        count = len(own)
        written = Message
        tracked = Message
        for records in related:
            if "message_ids" not in records._fields:
                continue
            on_record = Message.search([("model", "=", records._name),
                                        ("res_id", "in", records.ids)])
            written |= on_record.filtered(lambda m: m.message_type in WRITTEN_MESSAGE_TYPES)
            tracked |= on_record - written
        count += len(written)
        authored = Message.search([("author_id", "=", self.partner_id.id)]) - own - written
        authored.write({"author_id": False, "email_from": False})
        (own | written).unlink()
        anonymous = self.env._("Anonymised %s", self.reference)
        for value in tracked.sudo().tracking_value_ids:
            for name in ("old_value_char", "new_value_char", "old_value_text",
                         "new_value_text"):
                if value[name] and any(secret in value[name] for secret in secrets_):
                    value[name] = anonymous
        return count

    def _privacy_erase_attachments(self, related):
        """Files of the person (documents, CV, chatter files) and of the related records."""
        Attachment = self.env["ir.attachment"]
        pairs = [(self._name, self.ids), ("res.partner", self.partner_id.ids)]
        pairs += [(records._name, records.ids) for records in related]
        domain = ["|", ("res_field", "=", False), ("res_field", "!=", False)]
        attachments = Attachment
        for model, ids in pairs:
            attachments |= Attachment.search(
                [*domain, ("res_model", "=", model), ("res_id", "in", ids)])
        # the document and CV fields are cleared by the write of the person
        files = attachments.filtered(lambda a: a.res_model != self._name or not a.res_field)
        count = len(attachments)
        files.unlink()
        return count

    # ---------------------------------------------------------------- retention
    @api.model
    def _privacy_retention_candidates(self, cutoff):
        return self.search([
            ("state", "=", "out_of_protocol"), ("anonymised_date", "=", False),
            ("current_exit_id.date_out", "<", cutoff),
        ])
