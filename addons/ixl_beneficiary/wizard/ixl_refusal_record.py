from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.ixl_refusal import REFUSAL_KINDS, REFUSAL_REASONS, origin_label, origin_record
from ..models.tools import local_today, require_group

OPERATOR = "ixl_beneficiary.group_ixl_operator"


class IxlRefusalRecord(models.TransientModel):
    """Asks why the person refused, records the refusal and lets its origin (e.g. the
    candidature of the Board) follow up."""

    _name = "ixl.refusal.record"
    _description = "Record a refusal"

    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True)
    date = fields.Date(required=True, default=lambda self: local_today())
    kind = fields.Selection(REFUSAL_KINDS, string="What was refused", required=True)
    reason = fields.Selection(REFUSAL_REASONS, required=True)
    note = fields.Text()
    res_model = fields.Char(string="Origin model")
    res_id = fields.Integer(string="Origin ID")
    origin_name = fields.Char(string="Refused", compute="_compute_origin_name")

    @api.depends("res_model", "res_id")
    def _compute_origin_name(self):
        for wizard in self:
            wizard.origin_name = origin_label(wizard._origin_record())

    def _origin_record(self):
        self.ensure_one()
        return origin_record(self.env, self.res_model, self.res_id)

    def action_confirm(self):
        self.ensure_one()
        require_group(self, OPERATOR)
        origin = self._origin_record()
        if self.res_model and not origin:
            raise UserError(self.env._("The refused record no longer exists."))
        if origin:
            origin.check_access("read")
        refusal = self.env["ixl.refusal"].create({
            "beneficiary_id": self.beneficiary_id.id, "date": self.date, "kind": self.kind,
            "reason": self.reason, "note": self.note,
            "res_model": origin._name if origin else False, "res_id": origin.id if origin else 0,
        })
        if origin is not None and hasattr(origin, "_ixl_refusal_recorded"):
            origin.check_access("write")
            origin._ixl_refusal_recorded(refusal)
        return {"type": "ir.actions.act_window_close"}
