from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tools import related_records_action


class ResPartner(models.Model):
    _inherit = "res.partner"

    ixl_beneficiary_ids = fields.One2many("ixl.beneficiary", "partner_id", string="Beneficiary",
                                          context={"active_test": False})
    # The record rules of res.partner hide these contacts from anybody outside the IXL
    # operators (docs/security.md): archived people stay protected.
    is_ixl_beneficiary = fields.Boolean(
        string="IXL beneficiary", compute="_compute_is_ixl_beneficiary", store=True, index=True,
        compute_sudo=True, help="The contact of a person followed by the programme.")
    ixl_placement_ids = fields.One2many("ixl.placement", "employer_id", string="IXL placements")
    ixl_placement_count = fields.Integer(
        string="IXL placements count", compute="_compute_ixl_placement_count"
    )

    @api.depends("ixl_beneficiary_ids")
    def _compute_is_ixl_beneficiary(self):
        for partner in self:
            partner.is_ixl_beneficiary = bool(partner.ixl_beneficiary_ids)

    @api.constrains("parent_id", "is_ixl_beneficiary")
    def _check_beneficiary_standalone(self):
        """A person's contact never hangs under a company: the company's portal users
        read their company's contacts."""
        if any(partner.is_ixl_beneficiary and partner.parent_id for partner in self):
            raise ValidationError(self.env._(
                "The contact of a beneficiary cannot belong to a company."))

    def _compute_ixl_placement_count(self):
        counts = dict(self.env["ixl.placement"]._read_group(
            [("employer_id", "in", self.ids)], ["employer_id"], ["__count"]))
        for partner in self:
            partner.ixl_placement_count = counts.get(partner, 0)

    def action_view_ixl_placements(self):
        return related_records_action(
            self, "ixl.placement", "employer_id", self.env._("Placements"))

    @api.constrains("birthdate_date")
    def _check_birthdate_not_future(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(self.env._("The birth date cannot be in the future."))
