from stdnum.it import codicefiscale

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

from odoo.addons.ixl_beneficiary.models.ixl_beneficiary import ADMITTED_STATES
from odoo.addons.ixl_beneficiary.models.ixl_placement import CONTRACT_TYPES
from odoo.addons.ixl_beneficiary.models.tools import (
    check_period,
    local_date,
    lock_rows,
    wizard_action,
)

from .ixl_call_application import CLOSED_STATES, OPEN_STATES
from .rules import COORDINATOR, OPERATOR, require_group

MIN_AGE = 55
CLAIM_STATES = [
    ("claimed", "To verify"),
    ("conflict", "To verify: claimed by another organisation"),
    ("verified", "Verified"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
]
PENDING_STATES = ("claimed", "conflict")
# The states each action accepts besides the pending claims that are verified (the
# buttons' flags use the same tuples).
REFUSE_STATES = (*PENDING_STATES, "verified")
END_STATES = ("verified",)
# What the applicant sees of a claim: never whether the person is in the programme.
PORTAL_STATES = [
    ("pending", "To be verified"),
    ("verified", "Verified"),
    ("refused", "Not accepted"),
    ("withdrawn", "Withdrawn"),
]
ONE_ACTIVE_CLAIM_INDEX = "ixl_call_hire_one_active_claim"
CLAIM_FIELDS = {"application_id", "fiscal_code", "beneficiary_id", "date_hire", "date_end",
                "contract_type", "job_title"}


class IxlCallHire(models.Model):
    """A hire for which a Third-sector entity claims the incentive, named by the fiscal
    code of the person. It is a CLAIM: nothing is written on the person until staff
    verify it (``action_verify``): the person is admitted (``ixl.admission.mixin``),
    aged 55 or more at the hire date, not employed elsewhere then, and claimed by no
    other active claim. The verification links the person and records the hire as a
    placement (ixl.placement, type hire, the applicant as employer).

    An ACTIVE claim is a claim to verify or verified of an application neither withdrawn
    nor rejected: one per person (fiscal code), a unique index guarantees it. A second
    organisation claiming the same person gets the same answer as any other applicant;
    its claim is recorded as ``conflict`` (not active) and flagged to staff."""

    _name = "ixl.call.hire"
    _description = "Hire in a call application"
    _inherit = ["ixl.workflow.mixin", "ixl.admission.mixin"]
    _order = "date_hire, id"
    _ixl_locked_fields = ("state", "claim_active", "placement_id", "placement_created",
                          "verified_by_id", "date_verified")
    _ixl_action_states = {"is_pending": PENDING_STATES, "can_refuse": REFUSE_STATES,
                          "can_end": END_STATES}

    application_id = fields.Many2one("ixl.call.application", required=True,
                                     ondelete="cascade", index=True)
    partner_id = fields.Many2one(related="application_id.partner_id", store=True)
    fiscal_code = fields.Char(string="Fiscal code", required=True,
                              help="The person's codice fiscale, as the applicant gave it.")
    beneficiary_id = fields.Many2one("ixl.beneficiary", ondelete="restrict", index=True,
                                     groups="base.group_user",
                                     help="Linked when the claim is verified.")
    date_hire = fields.Date(string="Hire date", required=True)
    date_end = fields.Date(string="End of the hire")
    contract_type = fields.Selection(CONTRACT_TYPES, string="Contract", required=True,
                                     default="fixed_term")
    job_title = fields.Char(string="Role")
    state = fields.Selection(CLAIM_STATES, string="Verification", default="claimed",
                             required=True, index=True, copy=False)
    claim_active = fields.Boolean(string="Active claim", compute="_compute_claim_active",
                                  store=True, copy=False)
    portal_state = fields.Selection(PORTAL_STATES, string="Status",
                                    compute="_compute_portal_state")
    is_pending = fields.Boolean(compute="_compute_ixl_action_flags",
                                help="A claim to verify (or to refuse).")
    can_refuse = fields.Boolean(compute="_compute_ixl_action_flags")
    can_end = fields.Boolean(compute="_compute_ixl_action_flags")
    verified_by_id = fields.Many2one("res.users", string="Verified by", readonly=True,
                                     copy=False, groups="base.group_user")
    date_verified = fields.Date(string="Verified on", readonly=True, copy=False,
                                groups="base.group_user")
    placement_id = fields.Many2one("ixl.placement", readonly=True, ondelete="restrict",
                                   copy=False, groups="base.group_user")
    placement_created = fields.Boolean(string="Placement recorded by the verification",
                                       readonly=True, copy=False, groups="base.group_user")
    age_at_hire = fields.Integer(compute="_compute_age_at_hire", compute_sudo=True,
                                 groups="base.group_user")
    portal_name = fields.Char(string="Person", compute="_compute_portal_name",
                              compute_sudo=True)

    def init(self):
        """One active claim per person, whatever the race between two submissions."""
        if not index_exists(self.env.cr, ONE_ACTIVE_CLAIM_INDEX):
            self.env.cr.execute(SQL(
                "CREATE UNIQUE INDEX %s ON %s (fiscal_code) WHERE claim_active",
                SQL.identifier(ONE_ACTIVE_CLAIM_INDEX), SQL.identifier(self._table)))

    @api.depends("state", "application_id.state")
    def _compute_claim_active(self):
        for hire in self:
            hire.claim_active = hire.state in ("claimed", "verified") \
                and hire.application_id.state not in CLOSED_STATES

    @api.depends("state")
    def _compute_portal_state(self):
        for hire in self:
            hire.portal_state = "pending" if hire.state in PENDING_STATES else hire.state

    @api.depends("beneficiary_id.birthdate_date", "date_hire")
    def _compute_age_at_hire(self):
        for hire in self:
            hire.age_at_hire = hire.beneficiary_id._age_at(hire.date_hire) or 0 \
                if hire.beneficiary_id else 0

    @api.depends("state", "fiscal_code", "beneficiary_id.first_name",
                 "beneficiary_id.last_name")
    def _compute_portal_name(self):
        """What the applicant sees of the person: the fiscal code they gave until the
        claim is verified, then the first name and initial."""
        for hire in self:
            person = hire.beneficiary_id
            if hire.state != "verified" or not person:
                hire.portal_name = hire.fiscal_code or ""
                continue
            initial = (person.last_name or "")[:1].upper()
            hire.portal_name = f"{person.first_name or ''} {initial}.".strip()

    @api.depends("portal_name", "date_hire")
    def _compute_display_name(self):
        for hire in self:
            hire.display_name = f"{hire.portal_name} ({hire.date_hire or ''})"

    # ORM ----------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """A claim is new: 'claimed', or 'conflict' (not active, flagged to staff) when
        another organisation has an active claim on the same person. Two claims of the
        same applicant are refused: it knows its own claims, nothing is revealed."""
        if not self._ixl_in_transition():
            given = {name for vals in vals_list for name in self._ixl_locked_fields
                     if name in vals and not self._ixl_is_default(name, vals[name])}
            if given:
                self._ixl_refuse_locked(given)
        seen = set()
        for vals in vals_list:
            self._prepare_claim(vals, seen)
        # The state is decided here, before the row exists (the unique index).
        hires = super(IxlCallHire, self._ixl_transition()).create(vals_list)
        return hires.with_env(self.env)

    def _prepare_claim(self, vals, seen):
        if vals.get("beneficiary_id") and not vals.get("fiscal_code"):
            person = self.env["ixl.beneficiary"].sudo().browse(vals["beneficiary_id"])
            vals["fiscal_code"] = person.fiscal_code
        code = (vals.get("fiscal_code") or "").strip().upper()
        vals["fiscal_code"] = code or False
        app = self.env["ixl.call.application"].browse(vals.get("application_id"))
        if app.kind != "hiring":
            raise ValidationError(self.env._("Hires are listed only for the hiring incentive."))
        if app.state not in OPEN_STATES:
            raise ValidationError(self.env._(
                "Hires are claimed only while the application is submitted or in review."))
        if (app.partner_id, code) in seen:
            raise ValidationError(self.env._(
                "The hire of %(name)s is already in another application.", name=code))
        seen.add((app.partner_id, code))
        vals["state"] = self._claim_state(app.partner_id, code)

    def _claim_state(self, partner, code):
        """'claimed', or 'conflict' when another organisation has an active claim on the
        fiscal code ``code`` (these records aside); refused when ``partner`` has one."""
        others = self.sudo().search([("claim_active", "=", True), ("fiscal_code", "=", code),
                                     ("id", "not in", self.ids)])
        if others.filtered(lambda h: h.partner_id == partner):
            raise ValidationError(self.env._(
                "The hire of %(name)s is already in another application.", name=code))
        return "conflict" if others else "claimed"

    def write(self, vals):
        """A claim to verify given another fiscal code is checked like a new one (before
        the row changes: one active claim per person)."""
        if "fiscal_code" in vals:
            code = (vals["fiscal_code"] or "").strip().upper()
            vals = dict(vals, fiscal_code=code)
            for hire in self.filtered(lambda h: h.state == "claimed" and h.fiscal_code != code):
                if hire._claim_state(hire.partner_id, code) == "conflict":
                    hire._ixl_transition().write({"state": "conflict"})
        return super().write(vals)

    def _ixl_frozen_fields(self):
        if any(hire.state not in PENDING_STATES for hire in self):
            return CLAIM_FIELDS
        return set()

    @api.constrains("date_hire", "date_end", "fiscal_code")
    def _check_dates(self):
        check_period(self, self.env._("A hire cannot end before it starts."), start="date_hire")
        for hire in self:
            if not codicefiscale.is_valid(hire.fiscal_code or ""):
                raise ValidationError(self.env._(
                    "%(code)s is not a valid fiscal code.", code=hire.fiscal_code))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_claims(self):
        if self.filtered(lambda h: h.state not in PENDING_STATES):
            raise UserError(self.env._(
                "A decided hire is never deleted: refuse it or withdraw the application."))

    # ADMISSION ------------------------------------------------------------------------

    def _ixl_needs_admission(self):
        """The verified hire starts a new episode for the person; the claim does not
        touch the person. Someone who left the programme as employed since the hire date
        (by this hire) is the follow-up of it, not a new episode."""
        self.ensure_one()
        return self.state == "verified" and not self._left_for_this_hire()

    def _left_for_this_hire(self):
        person = self.beneficiary_id
        leave = person.current_exit_id
        return bool(person.state == "out_of_protocol" and leave.reason == "employed"
                    and local_date(leave.date_out) >= self.date_hire
                    and leave.state_before in ADMITTED_STATES)

    @api.constrains("beneficiary_id", "state")
    def _check_beneficiary_admitted(self):
        return super()._check_beneficiary_admitted()

    # ACTIONS ------------------------------------------------------------------------

    def action_verify(self):
        """Staff checked the hire (contract, person): link the person, record the
        placement. Every rule is checked here, with a precise message for staff."""
        require_group(self, OPERATOR)
        today = fields.Date.context_today(self)
        for hire in self:
            person = hire._check_verifiable(today)
            hire._ixl_transition().write({
                "state": "verified", "beneficiary_id": person.id,
                "verified_by_id": self.env.uid, "date_verified": today})
            hire._make_placement()
        return True

    def _check_verifiable(self, today):
        """The person of the claim, or a UserError saying why it cannot be verified."""
        _ = self.env._
        if self.state not in PENDING_STATES:
            raise UserError(_("Only a hire to verify can be verified."))
        if self.application_id.state not in OPEN_STATES:
            raise UserError(_("The application %(name)s is decided: its hires are too.",
                              name=self.application_id.name))
        person = self.env["ixl.beneficiary"].search(
            [("fiscal_code", "=", self.fiscal_code)], limit=1)
        if not person:
            raise UserError(_("No person of the programme has the fiscal code %(code)s.",
                              code=self.fiscal_code))
        if self.date_hire > today:
            raise UserError(_("A hire in the future cannot be verified."))
        age = person._age_at(self.date_hire)
        if age is None or age < MIN_AGE:
            raise UserError(_("%(name)s is not %(age)s or older at the hire date: no "
                              "incentive.", name=person.name, age=MIN_AGE))
        other = self.search([("id", "!=", self.id), ("claim_active", "=", True),
                             ("fiscal_code", "=", self.fiscal_code)], limit=1)
        if other:
            raise UserError(_("%(name)s is claimed by the application %(application)s: "
                              "refuse one of the two claims.", name=person.name,
                              application=other.application_id.display_name))
        self._check_not_employed(person)
        return person

    def _check_not_employed(self, person):
        employed = self.env["ixl.placement"].search_count([
            ("beneficiary_id", "=", person.id), ("placement_type", "=", "hire"),
            ("employer_id", "!=", self.partner_id.id),
            ("date_start", "<", self.date_hire), "|", ("date_end", "=", False),
            ("date_end", ">=", self.date_hire)])
        if employed:
            raise UserError(self.env._(
                "%(name)s was employed when hired: no incentive.", name=person.name))

    def _make_placement(self):
        """The placement of the verified hire: an existing hire of the same person by the
        applicant on the same day, or a new one."""
        Placement = self.env["ixl.placement"]
        placement = Placement.search([
            ("beneficiary_id", "=", self.beneficiary_id.id),
            ("employer_id", "=", self.partner_id.id), ("placement_type", "=", "hire"),
            ("date_start", "=", self.date_hire)], limit=1)
        created = not placement
        if created:
            placement = Placement.create({
                "beneficiary_id": self.beneficiary_id.id,
                "employer_id": self.partner_id.id, "placement_type": "hire",
                "contract_type": self.contract_type, "job_title": self.job_title,
                "date_start": self.date_hire, "date_end": self.date_end,
                "note": self.env._("Hire for the call application %s.",
                                   self.application_id.name)})
        self._ixl_transition().write({"placement_id": placement.id,
                                      "placement_created": created})

    def action_refuse(self):
        """Refuse a claim (not eligible, not real, claimed twice). A verified hire that
        turns out not real is refused by a coordinator, if no grant was decided on it:
        the placement its verification created goes with it."""
        require_group(self, OPERATOR)
        if self.filtered(lambda h: h.state not in REFUSE_STATES):
            raise UserError(self.env._("Only a hire to verify or verified can be refused."))
        verified = self.filtered(lambda h: h.state == "verified")
        if verified:
            require_group(verified, COORDINATOR)
            if self.env["ixl.call.grant"].search_count([("hire_id", "in", verified.ids)]):
                raise UserError(self.env._(
                    "Money was granted for this hire: it cannot be refused any more."))
        placements = verified.filtered("placement_created").placement_id
        self._ixl_transition().write({"state": "refused", "placement_id": False,
                                      "placement_created": False})
        placements.unlink()
        return True

    def _close_claims(self, state):
        """The application was withdrawn or rejected: its claims still to verify end."""
        pending = self.filtered(lambda h: h.state in PENDING_STATES)
        pending.sudo()._ixl_transition().write({"state": state})

    def action_end(self, date_end, reduce_grants=False):
        """The hire ended on ``date_end`` (a follow-up: the person may be out of
        protocol because employed). Its grants must fit the lower caps: refused, naming
        the grant, unless ``reduce_grants`` (coordinators and finance) reduces them to
        the new caps."""
        require_group(self, OPERATOR)
        self.ensure_one()
        if self.state not in END_STATES:
            raise UserError(self.env._("Only a verified hire can end."))
        date_end = fields.Date.to_date(date_end)
        if not date_end or date_end < self.date_hire:
            raise UserError(self.env._("A hire cannot end before it starts."))
        grants = self.env["ixl.call.grant"].search([("hire_id", "=", self.id)])
        lock_rows(self.application_id.call_id, "lock_count")
        self._ixl_transition().write({"date_end": date_end})
        if reduce_grants:
            grants._reduce_to_caps(self.env._("The hire ended on %(date)s.", date=date_end))
        grants._check_limits(after_change=True)
        self.placement_id.write({"date_end": date_end})
        return True

    def action_open_end_wizard(self):
        self.ensure_one()
        return wizard_action(self.env._("End of the hire"), "ixl.call.hire.end",
                             hire_id=self.id)
