from odoo import fields, models


class IxlDistrict(models.Model):
    _name = "ixl.district"
    _description = "District of the Metropolitan City"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    municipality_ids = fields.One2many("ixl.municipality", "district_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A district with this name already exists."),
    ]
