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
    ixl_attendee_type = fields.Selection(
        ATTENDEE_TYPES, string="Attendee type", compute="_compute_ixl_attendee_type",
        store=True)

    @api.onchange("beneficiary_id")
    def _onchange_beneficiary_id(self):
        if self.beneficiary_id:
            self.partner_id = self.beneficiary_id.partner_id

    @api.model_create_multi
    def create(self, vals_list):
        beneficiaries = self.env["ixl.beneficiary"].browse(
            [vals["beneficiary_id"] for vals in vals_list if vals.get("beneficiary_id")])
        partner_of = {rec.id: rec.partner_id.id for rec in beneficiaries}
        for vals in vals_list:
            if vals.get("beneficiary_id") and not vals.get("partner_id"):
                vals["partner_id"] = partner_of[vals["beneficiary_id"]]
        return super().create(vals_list)

    @api.depends("beneficiary_id", "partner_id.commercial_partner_id.is_company")
    def _compute_ixl_attendee_type(self):
        for reg in self:
            if reg.beneficiary_id:
                reg.ixl_attendee_type = "beneficiary"
            elif reg.partner_id.commercial_partner_id.is_company:
                reg.ixl_attendee_type = "company"
            else:
                reg.ixl_attendee_type = "other"
