from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IxlBoardMembership(models.Model):
    """One stay of a company on the Board of companies: from the day it joined to the
    day it left (empty while it is a member). A company that leaves and joins again has
    one line per stay, so the members on any past day can be counted.

    Lines follow the company's Board dates (``res.partner._ixl_sync_board_membership``):
    nobody writes them directly."""

    _name = "ixl.board.membership"
    _description = "Board membership"
    _order = "partner_id, date_from desc"

    partner_id = fields.Many2one("res.partner", string="Company", required=True,
                                 ondelete="cascade", index=True, readonly=True)
    date_from = fields.Date(string="Joined on", required=True, readonly=True, index=True)
    date_to = fields.Date(string="Left on", readonly=True,
                          help="Empty while the company is a Board member.")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for line in self:
            if line.date_to and line.date_to < line.date_from:
                raise ValidationError(self.env._(
                    "A company cannot leave the Board before joining it."))

    @api.model
    def _member_domain(self, day):
        """Lines of the companies that were Board members at the end of ``day`` (one
        that left on ``day`` no longer is)."""
        day = fields.Date.to_string(day)
        return [("date_from", "<=", day), "|", ("date_to", "=", False), ("date_to", ">", day)]
