from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import (
    local_today,
    related_records_action,
    require_group,
    set_related_count,
    wizard_action,
)

from .board_tools import OPERATOR
from .ixl_job_request import OPEN_STATES

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

    _name = "res.partner"
    _inherit = ["res.partner", "ixl.workflow.mixin"]
    # The Board steps (and their dates) are written only by ``_ixl_board_step``.
    _ixl_locked_fields = ("ixl_board_state", "ixl_contact_date", "ixl_board_join_date",
                          "ixl_board_leave_date")

    ixl_board_state = fields.Selection(
        BOARD_STATES, string="Board status", tracking=True, index=True, copy=False,
        readonly=True, help="Empty for companies IXL has not contacted yet.",
    )
    ixl_contact_date = fields.Date(string="First contacted on", copy=False, readonly=True,
                                   tracking=True, index="btree_not_null")
    ixl_board_join_date = fields.Date(string="Joined the Board on", copy=False, tracking=True,
                                      readonly=True, index="btree_not_null")
    ixl_board_leave_date = fields.Date(string="Left the Board on", copy=False, tracking=True,
                                       readonly=True)
    ixl_company_size = fields.Selection(COMPANY_SIZES, string="Company size")
    ixl_employee_count = fields.Integer(
        string="Staff size (employees)",
        help="Staff size of the host (employees, full or part time): the regional rule "
             "sets how many trainees it may host at a time from it.")
    ixl_municipality_id = fields.Many2one("ixl.municipality", string="Territory")
    ixl_hiring_capacity = fields.Integer(
        string="Hiring capacity", help="People the company expects to hire in a year.")
    ixl_request_ids = fields.One2many("ixl.job.request", "partner_id", string="Personnel requests")
    ixl_internship_ids = fields.One2many("ixl.internship", "partner_id",
                                         string="Internships hosted")
    ixl_open_request_count = fields.Integer(compute="_compute_ixl_board_counts")
    ixl_internship_count = fields.Integer(compute="_compute_ixl_board_counts")
    ixl_hires_by_year = fields.Html(compute="_compute_ixl_hires_by_year", sanitize=False)
    ixl_board_membership_ids = fields.One2many(
        "ixl.board.membership", "partner_id", string="Board memberships", readonly=True)

    @api.constrains("ixl_contact_date", "ixl_board_join_date", "ixl_board_leave_date")
    def _check_ixl_board_dates(self):
        for partner in self:
            contact = partner.ixl_contact_date
            join, leave = partner.ixl_board_join_date, partner.ixl_board_leave_date
            if join and leave and leave < join:
                raise ValidationError(self.env._(
                    "A company cannot leave the Board before joining it."))
            if contact and join and join < contact:
                raise ValidationError(self.env._(
                    "A company cannot join the Board before IXL first contacted it."))

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("ixl_board_join_date")._ixl_sync_board_membership()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if {"ixl_board_join_date", "ixl_board_leave_date"} & set(vals):
            self._ixl_sync_board_membership()
        return result

    def _ixl_sync_board_membership(self):
        """Keep the dated Board history in line with the Board dates: the stay that
        starts on the join date ends on the leave date; a join date moved (a
        correction) replaces the open stay; no join date, no history. Earlier closed
        stays are kept (a company that left and joined again)."""
        Membership = self.env["ixl.board.membership"].sudo()
        for partner in self.sudo():
            lines = partner.ixl_board_membership_ids
            join, leave = partner.ixl_board_join_date, partner.ixl_board_leave_date
            if not join:
                lines.unlink()
                continue
            current = lines.filtered(lambda line, join=join: line.date_from == join)[:1]
            (lines - current).filtered(
                lambda line, join=join: not line.date_to or line.date_from >= join).unlink()
            if current:
                if current.date_to != leave:
                    current.date_to = leave
            else:
                Membership.create({"partner_id": partner.id, "date_from": join,
                                   "date_to": leave})

    def _compute_ixl_board_counts(self):
        set_related_count(self, "ixl_open_request_count", "ixl.job.request", "partner_id",
                          [("state", "in", OPEN_STATES)])
        set_related_count(self, "ixl_internship_count", "ixl.internship", "partner_id")

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
        return self._ixl_open_board_step("contacted")

    def action_ixl_join_board(self):
        return self._ixl_open_board_step("join")

    def action_ixl_leave_board(self):
        return self._ixl_open_board_step("leave")

    def _ixl_open_board_step(self, step):
        self._ixl_check_company()
        return wizard_action(self.env._("Board of companies"), "ixl.board.step",
                             partner_ids=self.ids, step=step)

    def _ixl_board_step(self, step, date):
        """The Board transitions, on ``date`` (the real day of the step, Bologna): an
        operator's step, with the rules checked as of that date. Operators have no
        right to write partners: the step writes as superuser after these checks."""
        require_group(self, OPERATOR)
        self.check_access("read")
        self._ixl_check_company()
        date = self._ixl_check_step_date(date)
        for partner in self:
            partner.sudo().write(partner._ixl_board_step_values(step, date))
        return True

    @api.model
    def _ixl_check_step_date(self, date):
        date = fields.Date.to_date(date)
        if not date or date > local_today():
            raise UserError(self.env._("The date of a Board step cannot be in the future."))
        return date

    def _ixl_board_step_values(self, step, date):
        self.ensure_one()
        _ = self.env._
        state, contact = self.ixl_board_state, self.ixl_contact_date
        join, leave = self.ixl_board_join_date, self.ixl_board_leave_date
        if step == "contacted":
            if state:
                raise UserError(_("%(name)s was already contacted on %(date)s.",
                                  name=self.name, date=contact))
            return {"ixl_board_state": "contacted", "ixl_contact_date": date}
        if step == "join":
            if state == "member":
                raise UserError(_("%(name)s is already a Board member.", name=self.name))
            previous = max(filter(None, [contact, leave]), default=None)
            if previous and date < previous:
                raise UserError(_(
                    "%(name)s cannot join the Board on %(date)s, before its previous step "
                    "(%(previous)s).", name=self.name, date=date, previous=previous))
            return {"ixl_board_state": "member", "ixl_contact_date": contact or date,
                    "ixl_board_join_date": date, "ixl_board_leave_date": False}
        if step == "leave":
            if state != "member":
                raise UserError(_("%(name)s is not a Board member.", name=self.name))
            if date < join:
                raise UserError(_(
                    "%(name)s cannot leave the Board on %(date)s, before joining it "
                    "(%(previous)s).", name=self.name, date=date, previous=join))
            return {"ixl_board_state": "left", "ixl_board_leave_date": date}
        raise UserError(_("Unknown Board step: %(step)s.", step=step))

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
