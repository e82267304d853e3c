"""What a company (portal user) sees of the person behind a candidate, a placement or an
internship: the first name and the initial of the last name, on EVERY path.

Odoo computes the display name of a many2one as superuser (``read``, ``web_read``), so
the display name cannot depend on ``env.su``: it depends on who asks (``env.user``,
which ``sudo()`` keeps). Staff (internal users) see the full name; portal and public
users the short one. Their name searches match what they see: the first name (looked
up as superuser, never the last name), and the other parts of the display name.
"""

from odoo import api, fields, models
from odoo.osv import expression


class IxlPortalPerson(models.AbstractModel):
    _name = "ixl.portal.person.mixin"
    _description = "IXL: the person's name as the viewer may see it"

    # Fields of the display name besides the person, searchable by everyone who reads it.
    _ixl_public_name_fields = ()

    portal_name = fields.Char(string="Person", compute="_compute_portal_name",
                              compute_sudo=True)

    @api.depends("beneficiary_id.first_name", "beneficiary_id.last_name")
    def _compute_portal_name(self):
        for rec in self:
            person = rec.beneficiary_id
            rec.portal_name = person._portal_short_name() if person else ""

    def _ixl_viewer_is_staff(self):
        """Whether the user asking sees full names (even when the ORM reads as superuser)."""
        return self.env.user._is_internal()

    def _ixl_person_label(self):
        """The person's name for the user asking."""
        self.ensure_one()
        if self._ixl_viewer_is_staff():
            return self.sudo().beneficiary_id.name or ""
        return self.portal_name

    @api.model
    def _search_display_name(self, operator, value):
        if self._ixl_viewer_is_staff():
            return super()._search_display_name(operator, value)
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        positive = expression.TERM_OPERATORS_NEGATION[operator] if negative else operator
        if positive.endswith("like") and not value:
            return expression.FALSE_DOMAIN if negative else expression.TRUE_DOMAIN
        first_names = self.sudo()._search([("beneficiary_id.first_name", positive, value)])
        domain = expression.OR([[("id", "in", first_names)]] + [
            [(name, positive, value)] for name in self._ixl_public_name_fields])
        return ["!", *domain] if negative else domain
