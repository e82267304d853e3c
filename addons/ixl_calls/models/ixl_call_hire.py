from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import ADMITTED_STATES
from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES

from .ixl_call_application import CLOSED_STATES

MIN_AGE = 55


class IxlCallHire(models.Model):
    """A hire for which a Third-sector entity asks the incentive: an admitted
    beneficiary aged 55 or more at the hire date, unemployed when hired. The hire is
    recorded as a placement (ixl.placement, type hire) with the applicant as employer;
    a hire is in one application only."""

    _name = "ixl.call.hire"
    _description = "Hire in a call application"
    _order = "date_hire, id"

    application_id = fields.Many2one("ixl.call.application", required=True,
                                     ondelete="cascade", index=True)
    partner_id = fields.Many2one(related="application_id.partner_id", store=True)
    beneficiary_id = fields.Many2one("ixl.beneficiary", required=True, ondelete="restrict",
                                     index=True, groups="base.group_user")
    date_hire = fields.Date(string="Hire date", required=True)
    date_end = fields.Date(string="End of the hire")
    contract_type = fields.Selection(CONTRACT_TYPES, string="Contract", required=True,
                                     default="fixed_term")
    job_title = fields.Char(string="Role")
    placement_id = fields.Many2one("ixl.placement", readonly=True, ondelete="restrict",
                                   copy=False, groups="base.group_user")
    age_at_hire = fields.Integer(compute="_compute_age_at_hire", compute_sudo=True,
                                 groups="base.group_user")
    portal_name = fields.Char(string="Person", compute="_compute_portal_name",
                              compute_sudo=True)

    @api.depends("beneficiary_id.birthdate_date", "date_hire")
    def _compute_age_at_hire(self):
        for hire in self:
            hire.age_at_hire = hire.beneficiary_id._age_at(hire.date_hire) or 0

    @api.depends("beneficiary_id.first_name", "beneficiary_id.last_name")
    def _compute_portal_name(self):
        """What the applicant sees of the person: first name and initial."""
        for hire in self:
            person = hire.beneficiary_id
            initial = (person.last_name or "")[:1].upper()
            hire.portal_name = f"{person.first_name or ''} {initial}.".strip() \
                if person else ""

    @api.depends("portal_name", "date_hire")
    def _compute_display_name(self):
        for hire in self:
            hire.display_name = f"{hire.portal_name} ({hire.date_hire or ''})"

    @api.model_create_multi
    def create(self, vals_list):
        hires = super().create(vals_list)
        hires._check_eligible()
        hires._make_placements()
        return hires

    def write(self, vals):
        res = super().write(vals)
        if {"beneficiary_id", "date_hire", "date_end", "application_id"} & set(vals):
            self._check_eligible()
            for hire in self.sudo():
                hire.placement_id.write({"beneficiary_id": hire.beneficiary_id.id,
                                         "date_start": hire.date_hire,
                                         "date_end": hire.date_end})
        return res

    def _make_placements(self):
        """The placement of each hire: an existing hire of the same person by the
        applicant on the same day, or a new one."""
        Placement = self.env["ixl.placement"].sudo()
        for hire in self.sudo():
            placement = Placement.search([
                ("beneficiary_id", "=", hire.beneficiary_id.id),
                ("employer_id", "=", hire.partner_id.id), ("placement_type", "=", "hire"),
                ("date_start", "=", hire.date_hire)], limit=1)
            if not placement:
                placement = Placement.create({
                    "beneficiary_id": hire.beneficiary_id.id,
                    "employer_id": hire.partner_id.id, "placement_type": "hire",
                    "contract_type": hire.contract_type, "job_title": hire.job_title,
                    "date_start": hire.date_hire, "date_end": hire.date_end,
                    "note": self.env._("Hire for the call application %s.",
                                       hire.application_id.name)})
            hire.placement_id = placement

    def _check_eligible(self):
        for hire in self.sudo():
            hire._check_one()

    def _check_one(self):
        person, _ = self.beneficiary_id, self.env._
        if self.application_id.kind != "hiring":
            raise ValidationError(_("Hires are listed only for the hiring incentive."))
        if person.state not in ADMITTED_STATES:
            raise ValidationError(_(
                "%(name)s is not admitted to the programme: no incentive for the hire.",
                name=self.portal_name))
        age = person._age_at(self.date_hire)
        if age is None or age < MIN_AGE:
            raise ValidationError(_(
                "%(name)s is not %(age)s or older at the hire date: no incentive.",
                name=self.portal_name, age=MIN_AGE))
        if self.date_end and self.date_end < self.date_hire:
            raise ValidationError(_("A hire cannot end before it starts."))
        duplicate = self.search_count([
            ("id", "!=", self.id), ("beneficiary_id", "=", person.id),
            ("application_id.state", "not in", CLOSED_STATES),
            ("application_id.partner_id", "=", self.partner_id.id)])
        if duplicate:
            raise ValidationError(_(
                "The hire of %(name)s is already in another application.",
                name=self.portal_name))
        employed = self.env["ixl.placement"].search_count([
            ("beneficiary_id", "=", person.id), ("placement_type", "=", "hire"),
            ("employer_id", "!=", self.partner_id.id),
            ("date_start", "<", self.date_hire), "|", ("date_end", "=", False),
            ("date_end", ">=", self.date_hire)])
        if employed:
            raise ValidationError(_(
                "%(name)s was employed when hired: no incentive.", name=self.portal_name))
