from odoo import api, fields, models

from odoo.addons.ixl_beneficiary.models.tools import check_percent, programme_currency


class IxlLoanProduct(models.Model):
    """A Credito Sociale product of the bank, with the share of each loan that the
    guarantee fund covers."""

    _name = "ixl.loan.product"
    _description = "Loan product"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    coverage_rate = fields.Float(
        string="Guarantee coverage (%)", required=True, default=50.0,
        help="Share of each loan (approved, then disbursed amount) guaranteed by the fund.")
    max_amount = fields.Monetary(string="Maximum amount")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: programme_currency(self.env))
    active = fields.Boolean(default=True)

    @api.constrains("coverage_rate")
    def _check_coverage_rate(self):
        for product in self:
            check_percent(product.coverage_rate, self.env._(
                "The guarantee coverage of %(product)s must be between 0 and 100%%.",
                product=product.name))
