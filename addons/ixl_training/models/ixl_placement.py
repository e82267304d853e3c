from collections import defaultdict

from odoo import api, fields, models

from .ixl_ips_path import IPS_GROUPS


class IxlPlacement(models.Model):
    """A placement made while the person is followed on an IPS path points to that path
    (health-related: only IPS operators and coordinators see the link)."""

    _inherit = "ixl.placement"

    ips_path_id = fields.Many2one(
        "ixl.ips.path", string="IPS path", compute="_compute_ips_path_id", store=True,
        index="btree_not_null", groups=IPS_GROUPS,
        help="The IPS path the person was on when the placement started (started on or "
        "before that day and not closed before it).")

    @api.depends("beneficiary_id", "date_start", "beneficiary_id.ips_path_ids.date_start",
                 "beneficiary_id.ips_path_ids.date_end")
    def _compute_ips_path_id(self):
        # sudo: whoever records a placement links it, without reading the health data.
        paths = self.env["ixl.ips.path"].sudo().search(
            [("beneficiary_id", "in", self.beneficiary_id.ids)], order="date_start desc, id desc")
        by_person = defaultdict(list)
        for path in paths:
            by_person[path.beneficiary_id.id].append(path)
        for rec in self:
            day = rec.date_start
            rec.ips_path_id = day and next(
                (path.id for path in by_person[rec.beneficiary_id.id]
                 if path.date_start <= day and (not path.date_end or path.date_end >= day)),
                False)
