from odoo import fields, models

from odoo.addons.ixl_beneficiary.models.tools import local_today


class CrmLead(models.Model):
    """Company relationship work: a won "Board membership" opportunity makes the
    company a Board member; meetings, events and the job fair are tagged
    opportunities and activities."""

    _inherit = "crm.lead"

    ixl_board_membership = fields.Boolean(
        string="Board membership",
        help="Winning this opportunity makes the company a member of the Board.",
    )

    def action_set_won(self):
        res = super().action_set_won()
        for lead in self.filtered("ixl_board_membership"):
            company = lead.partner_id.commercial_partner_id
            if company.is_company and company.ixl_board_state != "member":
                company._ixl_board_step("join", local_today())
        return res
