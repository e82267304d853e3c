from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import related_records_action

BOARD_STATES = [
    ("contacted", "Contacted"),
    ("member", "Board member"),
    ("left", "Left the Board"),
]
COMPANY_SIZES = [
    ("micro", "Micro (under 10)"),
    ("small", "Small (10-49)"),
    ("medium", "Medium (50-249)"),
    ("large", "Large (250 and more)"),
]


class ResPartner(models.Model):
    """The company sheet (scheda azienda) of the Board of companies."""

    _inherit = "res.partner"

    ixl_board_state = fields.Selection(
        BOARD_STATES, string="Board status", tracking=True, index=True, copy=False,
        help="Empty for companies IXL has not contacted yet.",
    )
    ixl_contact_date = fields.Date(string="First contacted on", copy=False,
                                   index="btree_not_null")
    ixl_board_join_date = fields.Date(string="Joined the Board on", copy=False, tracking=True,
                                      index="btree_not_null")
    ixl_board_leave_date = fields.Date(string="Left the Board on", copy=False, tracking=True)
    ixl_company_size = fields.Selection(COMPANY_SIZES, string="Company size")
    ixl_municipality_id = fields.Many2one("ixl.municipality", string="Territory")
    ixl_hiring_capacity = fields.Integer(
        string="Hiring capacity", help="People the company expects to hire in a year.")
    ixl_request_ids = fields.One2many("ixl.job.request", "partner_id", string="Personnel requests")
    ixl_internship_ids = fields.One2many("ixl.internship", "partner_id",
                                         string="Internships hosted")
    ixl_open_request_count = fields.Integer(compute="_compute_ixl_board_counts")
    ixl_internship_count = fields.Integer(compute="_compute_ixl_board_counts")
    ixl_hires_by_year = fields.Html(compute="_compute_ixl_hires_by_year", sanitize=False)

    @api.constrains("ixl_board_join_date", "ixl_board_leave_date")
    def _check_ixl_board_dates(self):
        for partner in self:
            join, leave = partner.ixl_board_join_date, partner.ixl_board_leave_date
            if join and leave and leave < join:
                raise UserError(self.env._("A company cannot leave the Board before joining it."))

    def _compute_ixl_board_counts(self):
        open_requests = dict(self.env["ixl.job.request"]._read_group(
            [("partner_id", "in", self.ids), ("state", "in", ("open", "selection"))],
            ["partner_id"], ["__count"]))
        internships = dict(self.env["ixl.internship"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]))
        for partner in self:
            partner.ixl_open_request_count = open_requests.get(partner, 0)
            partner.ixl_internship_count = internships.get(partner, 0)

    def _compute_ixl_hires_by_year(self):
        rows = self.env["ixl.placement"]._read_group(
            [("employer_id", "in", self.ids)], ["employer_id", "date_start:year"], ["__count"])
        by_partner = {}
        for partner, year, count in rows:
            by_partner.setdefault(partner.id, []).append((year.year, count))
        for partner in self:
            years = sorted(by_partner.get(partner.id, []), reverse=True)
            partner.ixl_hires_by_year = "".join(
                f"<span class='badge text-bg-light me-1'>{year}: {count}</span>"
                for year, count in years
            )

    def _ixl_check_company(self):
        for partner in self:
            if not partner.is_company:
                raise UserError(self.env._("%s is not a company.", partner.display_name))

    def action_ixl_mark_contacted(self):
        self._ixl_check_company()
        today = fields.Date.context_today(self)
        for partner in self.filtered(lambda p: not p.ixl_board_state):
            partner.write({"ixl_board_state": "contacted", "ixl_contact_date": today})
        return True

    def action_ixl_join_board(self, date=None):
        self._ixl_check_company()
        date = date or fields.Date.context_today(self)
        for partner in self:
            if partner.ixl_board_state == "member":
                raise UserError(self.env._("%s is already a Board member.", partner.name))
            partner.write({
                "ixl_board_state": "member",
                "ixl_contact_date": partner.ixl_contact_date or date,
                "ixl_board_join_date": date,
                "ixl_board_leave_date": False,
            })
        return True

    def action_ixl_leave_board(self):
        for partner in self:
            if partner.ixl_board_state != "member":
                raise UserError(self.env._("%s is not a Board member.", partner.name))
            partner.write({"ixl_board_state": "left",
                           "ixl_board_leave_date": fields.Date.context_today(self)})
        return True

    def action_ixl_view_requests(self):
        return self._ixl_action("ixl.job.request", self.env._("Personnel requests"))

    def action_ixl_view_internships(self):
        return self._ixl_action("ixl.internship", self.env._("Internships"))

    def _ixl_action(self, model, name):
        return related_records_action(self, model, "partner_id", name)

    def action_ixl_grant_portal(self):
        """Open Odoo's portal wizard on the company's contacts (one action)."""
        self.ensure_one()
        self._ixl_check_company()
        contacts = self.child_ids.filtered(lambda c: c.type == "contact" and c.email)
        if not contacts:
            raise UserError(self.env._(
                "Add a contact with an email address to %s first.", self.name))
        wizard = self.env["portal.wizard"].with_context(active_ids=contacts.ids).create({})
        return wizard._action_open_modal()
