"""Files attached to a person's record (chatter files, emails' attachments) belong to
the operators' case file, like its messages (see mail_message.py)."""

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .mail_message import CASE_FILE_MODELS, reads_case_files


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        res = super().check(mode, values)
        if mode == "read" and self and not reads_case_files(self.env):
            self.flush_model(["res_model", "create_uid"])
            rows = self.env.execute_query(SQL(
                "SELECT 1 FROM ir_attachment WHERE id IN %s AND res_model IN %s "
                "AND create_uid != %s LIMIT 1",
                tuple(self.ids), CASE_FILE_MODELS, self.env.uid))
            if rows:
                raise AccessError(self.env._(
                    "The files of a person's record are for the operators only."))
        return res

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not reads_case_files(self.env):
            domain = ["|", "|", ("res_model", "=", False),
                      ("res_model", "not in", CASE_FILE_MODELS),
                      ("create_uid", "=", self.env.uid), *domain]
        return super()._search(domain, offset, limit, order)
