from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import require_group

from ..models.board_tools import OPERATOR


class IxlInternshipAttendance(models.TransientModel):
    """Record a month's attendance of an internship from its attendance register."""

    _name = "ixl.internship.attendance"
    _description = "Record the attendance of an internship month"

    month_id = fields.Many2one("ixl.internship.month", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="month_id.currency_id")
    full_amount = fields.Monetary(related="month_id.full_amount")
    hours_planned = fields.Float(string="Hours planned", required=True,
                                 help="Hours the training project plans for the month.")
    hours_attended = fields.Float(string="Hours attended", required=True,
                                  help="Hours the trainee attended (attendance register).")

    def action_confirm(self):
        self.ensure_one()
        require_group(self, OPERATOR)
        self.month_id.internship_id.check_access("write")
        self.month_id.sudo()._record_attendance(self.hours_planned, self.hours_attended)
        return {"type": "ir.actions.act_window_close"}
