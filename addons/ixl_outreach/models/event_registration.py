from odoo import api, fields, models

ATTENDEE_TYPES = [
    ("beneficiary", "Beneficiary"),
    ("company", "Company contact"),
    ("other", "Other"),
]


class EventRegistration(models.Model):
    """Registrations of beneficiaries (by staff) and of company contacts."""

    _inherit = "event.registration"

    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", index="btree_not_null", ondelete="set null")
    # The beneficiary's own contact, until staff choose another one (editable compute).
    partner_id = fields.Many2one(compute="_compute_partner_id", store=True, readonly=False,
                                 precompute=True)
    ixl_attendee_type = fields.Selection(
        ATTENDEE_TYPES, string="Attendee type", compute="_compute_ixl_attendee_type",
        store=True)

    @api.depends("beneficiary_id")
    def _compute_partner_id(self):
        for reg in self:
            if reg.beneficiary_id:
                reg.partner_id = reg.beneficiary_id.partner_id

    @api.depends("beneficiary_id", "partner_id.commercial_partner_id.is_company")
    def _compute_ixl_attendee_type(self):
        for reg in self:
            if reg.beneficiary_id:
                reg.ixl_attendee_type = "beneficiary"
            elif reg.partner_id.commercial_partner_id.is_company:
                reg.ixl_attendee_type = "company"
            else:
                reg.ixl_attendee_type = "other"
