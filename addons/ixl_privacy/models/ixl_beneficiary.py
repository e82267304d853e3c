import hashlib
import secrets
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models.tools import local_date, wizard_action

from .res_config_settings import DEFAULT_LINK_DAYS, LINK_DAYS_PARAM

COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
# Partner data that identify the person and are cleared by the anonymisation.
PARTNER_CLEARED = ("email", "phone", "mobile", "street", "street2", "zip", "city", "website",
                   "function", "comment", "vat", "ref", "title", "image_1920",
                   "birthdate_date")
# Demographic data cleared but whose stored figures must not move.
DEMOGRAPHIC_FIELDS = ("birthdate_date",)
# Chatter entries written by people (notes, emails), removed from related records.
WRITTEN_MESSAGE_TYPES = ("comment", "email", "email_outgoing")


def hash_token(token):
    """What is stored of a privacy-page token: its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


class IxlBeneficiary(models.Model):
    """Right of access, right to erasure, privacy page and the access log."""

    _inherit = "ixl.beneficiary"

    # The link to the privacy page is a credential of the person: only the hash of its
    # token is kept, it expires, and each sending replaces it (docs/security.md).
    privacy_token_hash = fields.Char(string="Privacy link token (hash)", copy=False,
                                     groups="base.group_system", index="btree_not_null")
    privacy_token_expiry = fields.Datetime(string="Privacy link valid until", copy=False,
                                           groups="base.group_system")
    erasure_blockers = fields.Text(
        compute="_compute_erasure_blockers", groups=COORDINATOR,
        help="Why the person cannot be anonymised now.")

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

    # -------------------------------------------------------------- privacy page
    def action_send_privacy_link(self):
        """Email each person a new link to their privacy page (the previous one stops
        working). The link is in the email only: not in the chatter, not on the form."""
        self.check_access("write")
        for person in self:
            if not person.email:  # anonymised people have none either
                raise UserError(self.env._(
                    "%s has no email address: the link to the privacy page cannot be sent.",
                    person.display_name))
        template = self.env.ref("ixl_privacy.mail_template_privacy_choices")
        for person in self:
            url, expiry = person._privacy_new_link()
            valid_until = format_date(self.env, local_date(expiry), lang_code=person.lang)
            person._send_private_email(
                template, self.env._("Link to the privacy page sent by email, valid until "
                                     "%(date)s.", date=valid_until),
                ixl_privacy_url=url, ixl_privacy_valid_until=valid_until)
        return True

    def _privacy_new_link(self):
        """A new link to the person's privacy page, valid for the days of the settings;
        the previous link stops working. Returns (url, expiry datetime)."""
        self.ensure_one()
        token = secrets.token_urlsafe(32)
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            LINK_DAYS_PARAM, DEFAULT_LINK_DAYS) or DEFAULT_LINK_DAYS)
        expiry = fields.Datetime.now() + timedelta(days=max(days, 1))
        self.sudo().write({"privacy_token_hash": hash_token(token),
                           "privacy_token_expiry": expiry})
        return f"{self.get_base_url()}/ixl/privacy/{token}", expiry

    @api.model
    def _privacy_person_from_token(self, token):
        """The person whose valid link carries ``token`` (as superuser: the token is the
        credential), or an empty recordset."""
        if not token or len(token) < 32:
            return self.browse()
        return self.sudo().search([
            ("privacy_token_hash", "=", hash_token(token)),
            ("privacy_token_expiry", ">", fields.Datetime.now()),
            ("anonymised_date", "=", False)], limit=1)

    # --------------------------------------------------------------- access log
    def _privacy_log_sensitive_read(self, what):
        people = self.exists()
        if people:
            self.env["ixl.sensitive.access.log"].sudo().create([
                {"user_id": self.env.uid, "beneficiary_id": person.id,
                 "reference": person.reference, "what": what} for person in people])
        return True

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
        return wizard_action(self.env._("Anonymise"), "ixl.privacy.anonymise",
                             beneficiary_id=self.id)

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
        for purpose, field in self._privacy_consent_fields().items():
            if self[field]:
                self._privacy_set_consent(purpose, False, channel="erasure")
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
