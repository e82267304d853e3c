from odoo import fields, models


class IxlMunicipality(models.Model):
    """Municipality (comune) where beneficiaries live and requests are located.

    Matching compares territories at two levels: same municipality, then same
    district (distretto) of the Metropolitan City of Bologna.
    """

    _name = "ixl.municipality"
    _description = "Municipality"
    _order = "name"

    name = fields.Char(required=True)
    istat_code = fields.Char(string="ISTAT code", size=6)
    district_id = fields.Many2one("ixl.district", index=True, ondelete="restrict")
    in_metro_area = fields.Boolean(
        string="In the Metropolitan City",
        default=True,
        help="Municipality of the Metropolitan City of Bologna.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A municipality with this name already exists."),
        ("istat_unique", "unique(istat_code)",
         "A municipality with this ISTAT code already exists."),
    ]
