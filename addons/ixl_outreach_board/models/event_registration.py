from odoo import api, fields, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    ixl_board_member = fields.Boolean(
        string="Board company", compute="_compute_ixl_board_member",
        help="The contact's company is a member of the Board of companies.")

    @api.depends("partner_id.commercial_partner_id.ixl_board_state")
    def _compute_ixl_board_member(self):
        for reg in self:
            company = reg.partner_id.commercial_partner_id
            reg.ixl_board_member = company.is_company and company.ixl_board_state == "member"
