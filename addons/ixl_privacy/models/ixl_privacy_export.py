"""Right of access: everything about one person in one ZIP (data.json, data.xlsx and
the files)."""

import io
import json
import re
import zipfile

import xlsxwriter

from odoo import api, models
from odoo.tools import html2plaintext

# Technical or chatter fields left out of the record sheets (messages have their own).
SKIPPED_FIELDS = {"message_ids", "message_follower_ids", "message_partner_ids",
                  "activity_ids", "website_message_ids", "rating_ids", "privacy_token_hash",
                  "privacy_token_expiry", "message_main_attachment_id", "access_token",
                  "password"}


class IxlPrivacyExport(models.AbstractModel):
    _name = "ixl.privacy.export"
    _description = "Export of a person's data"

    # ----------------------------------------------------------------- values
    @api.model
    def _value(self, record, field):
        value = record[field.name]
        if field.type == "many2one":
            return value.display_name or None
        if field.type in ("one2many", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value) if value else None
        if field.type == "html":
            return html2plaintext(value) if value else None
        if field.type in ("date", "datetime"):
            return value.isoformat(sep=" ") if field.type == "datetime" and value else (
                value.isoformat() if value else None)
        if field.type == "boolean":
            return bool(value)
        return value if value not in (False, None) else None

    @api.model
    def _fields_of(self, model):
        return [field for name, field in sorted(model._fields.items())
                if field.store and field.type != "binary" and name not in SKIPPED_FIELDS
                and not name.startswith("message_") and not name.startswith("activity_")]

    @api.model
    def _rows(self, records):
        fields_ = self._fields_of(records)
        labels = [field.get_description(self.env)["string"] for field in fields_]
        rows = [[self._value(record, field) for field in fields_] for record in records]
        return labels, rows

    # ------------------------------------------------------------------ build
    @api.model
    def _collect(self, person):
        """{sheet title: (labels, rows)} for the person and every related record,
        with the messages and the attachments (as superuser: rights checked before)."""
        person = person.sudo()
        groups = {}
        for records in [person, person.partner_id, *person._privacy_related_records()]:
            if records:
                groups[records._name] = groups.get(records._name, records.browse()) | records
        sheets = {records._description: self._rows(records) for records in groups.values()}
        messages = self._messages(groups)
        attachments = self._attachments(groups)
        return sheets, messages, attachments

    @api.model
    def _messages(self, groups):
        Message = self.env["mail.message"].sudo()
        found = Message
        for model, records in groups.items():
            found |= Message.search([("model", "=", model), ("res_id", "in", records.ids)])
        rows = []
        for message in found.sorted("date"):
            tracking = "; ".join(
                f"{value.field_id.field_description}: "
                f"{value._format_display_value(value.field_id.ttype, new=False)[0] or ''} -> "
                f"{value._format_display_value(value.field_id.ttype)[0] or ''}"
                for value in message.tracking_value_ids)
            rows.append([message.date.isoformat(sep=" "), message.model, message.res_id,
                         message.message_type, message.author_id.display_name or "",
                         message.subject or "", html2plaintext(message.body or ""), tracking])
        labels = ["Date", "Model", "Record", "Type", "Author", "Subject", "Text", "Changes"]
        return labels, rows

    @api.model
    def _attachments(self, groups):
        Attachment = self.env["ir.attachment"].sudo()
        found = Attachment
        for model, records in groups.items():
            found |= Attachment.search([
                "|", ("res_field", "=", False), ("res_field", "!=", False),
                ("res_model", "=", model), ("res_id", "in", records.ids), ("type", "=", "binary")])
        return found

    @api.model
    def _file_name(self, attachment):
        """The uploaded file name of a binary field (e.g. cv_filename), else the name."""
        field = attachment.res_field
        if field:
            record = self.env[attachment.res_model].sudo().browse(attachment.res_id)
            for name in (f"{field}_filename", f"{field}_name",
                         f"{field.removesuffix('_file')}_filename"):
                if name in record._fields and record[name]:
                    return record[name]
        return attachment.name or "file"

    @api.model
    def _build_zip(self, person):
        """The ZIP of everything about ``person`` (bytes); the caller checked the rights.
        The opening of the sensitive notes it contains is logged."""
        person.ensure_one()
        sheets, messages, attachments = self._collect(person)
        files = []
        for attachment in attachments:
            safe = re.sub(r"[^\w.\-]+", "_", self._file_name(attachment))[:80]
            files.append((f"attachments/{attachment.id}_{safe}", attachment))
        data = {
            "records": {title: [dict(zip(labels, row, strict=True)) for row in rows]
                        for title, (labels, rows) in sheets.items()},
            "messages": [dict(zip(messages[0], row, strict=True)) for row in messages[1]],
            "attachments": [{"file": path, "name": att.name, "mimetype": att.mimetype,
                             "model": att.res_model, "record": att.res_id,
                             "field": att.res_field or None} for path, att in files],
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False,
                                                     default=str))
            archive.writestr("data.xlsx", self._xlsx(sheets, messages, files))
            for path, attachment in files:
                archive.writestr(path, attachment.raw or b"")
        person._privacy_log_sensitive_read(self.env._("Export of all the personal data"))
        return buffer.getvalue()

    @api.model
    def _xlsx(self, sheets, messages, files):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        used = set()
        tables = list(sheets.items()) + [
            (self.env._("Messages"), messages),
            (self.env._("Files"), (["File", "Name", "Model", "Record"],
                                   [[path, att.name, att.res_model, att.res_id]
                                    for path, att in files])),
        ]
        for title, (labels, rows) in tables:
            name = re.sub(r"[\[\]:*?/\\]", " ", title)[:28]
            while name in used:
                name = f"{name[:26]}_{len(used)}"
            used.add(name)
            sheet = workbook.add_worksheet(name)
            sheet.write_row(0, 0, labels, bold)
            for index, row in enumerate(rows, 1):
                sheet.write_row(index, 0, [value if isinstance(value, (int, float, str))
                                           or value is None else str(value) for value in row])
        workbook.close()
        return buffer.getvalue()
