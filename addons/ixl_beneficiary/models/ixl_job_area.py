from odoo import fields, models


class IxlJobArea(models.Model):
    """A field of work a beneficiary is interested in (job interests)."""

    _name = "ixl.job.area"
    _description = "Job area"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A job area with this name already exists."),
    ]
