from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tools import related_records_action, set_related_count

CONTACT_DOOR = "ixl_contact_door"


class ContactDoor:
    """Context marker set by ixl.beneficiary's create and write after they checked the
    person's access: the person's own contact is created or written as superuser, since
    operators have no rights on contacts (res.partner). ``partner_ids``: the contacts
    that may be written; ``create``: whether a person's contact may be created. Not JSON:
    no RPC context carries it."""

    def __init__(self, partner_ids=(), create=False):
        self.partner_ids = frozenset(partner_ids)
        self.create = create


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

    @api.model_create_multi
    def create(self, vals_list):
        door = self.env.context.get(CONTACT_DOOR)
        if isinstance(door, ContactDoor) and door.create and not self.env.su:
            return super(ResPartner, self.sudo()).create(vals_list).sudo(False)
        return super().create(vals_list)

    def write(self, vals):
        door = self.env.context.get(CONTACT_DOOR)
        if isinstance(door, ContactDoor) and not self.env.su \
                and door.partner_ids.issuperset(self.ids):
            return super(ResPartner, self.sudo()).write(vals)
        return super().write(vals)

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
        set_related_count(self, "ixl_placement_count", "ixl.placement", "employer_id")

    def action_view_ixl_placements(self):
        return related_records_action(
            self, "ixl.placement", "employer_id", self.env._("Placements"))

    @api.constrains("birthdate_date")
    def _check_birthdate_not_future(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(self.env._("The birth date cannot be in the future."))
