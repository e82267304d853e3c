from odoo import api, fields, models


class IxlPlacement(models.Model):
    _name = "ixl.placement"
    _inherit = ["ixl.placement", "ixl.portal.person.mixin"]
    _ixl_public_name_fields = ("employer_id", "job_title")

    request_id = fields.Many2one("ixl.job.request", string="Personnel request", index=True,
                                 ondelete="set null")
    internship_id = fields.Many2one("ixl.internship", index=True, ondelete="set null")
    # Companies see their placements on the portal, never the person's data (the
    # person's fields are for staff only: groups of ixl_beneficiary's placement).

    @api.depends_context("uid")
    @api.depends("portal_name", "employer_id", "placement_type")
    def _compute_display_name(self):
        if self._ixl_viewer_is_staff():
            return super()._compute_display_name()
        for placement in self:
            placement.display_name = f"{placement.portal_name} - {placement.employer_id.name}"
        return None
