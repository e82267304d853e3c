"""ixl.beneficiary, the person followed by the programme, in four files by concern:

- ixl_beneficiary.py (this file): who the person is (identity, codice fiscale,
  registration, assessment, documents, skills) and the one create, write and unlink;
- ixl_beneficiary_intake.py: the intake (first interview within 15 days, outcome and
  assessments, out of protocol and re-admission) with its actions;
- ixl_beneficiary_access.py: who reads the contact fields inherited from res.partner,
  and the door through which the person's contact is written;
- ixl_beneficiary_privacy.py: consents with their proof, the sensitive notes and the
  hooks of the privacy tools (ixl_privacy).

No file overrides a method of another one: create and write here call the steps that
the other files give (``_contact_door``, ``_privacy_prepare_*``, ``_privacy_log_consents``,
``_schedule_first_interview_activity``...).
"""

import logging

import psycopg2
from stdnum.exceptions import InvalidLength
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.it import codicefiscale, iva

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .tools import AGE_BANDS, age_band, related_records_action, set_related_count, wizard_action

_logger = logging.getLogger(__name__)

OPERATOR = "ixl_beneficiary.group_ixl_operator"
# (table, column) searched with ilike from the beneficiary list and many2one fields.
TRIGRAM_INDEXES = [("res_partner", "name"), ("res_partner", "email"),
                   ("ixl_beneficiary", "reference"), ("ixl_beneficiary", "fiscal_code")]
STRONG_PROFILE_MAX_SCORE = 10

STATES = [
    ("registered", "Registered"),
    ("scheduled", "Interview scheduled"),
    ("interviewed", "Interviewed"),
    ("in_target", "In target"),
    ("out_of_target", "Not in target"),
    ("active", "Active"),
    ("out_of_protocol", "Out of protocol"),
]
ADMITTED_STATES = ("in_target", "active")
READINESS = [
    ("pending", "Evaluation not finished"),
    ("ready", "Ready for placement"),
    ("not_ready", "Not ready"),
    ("fragile", "Fragile profile"),
]
OUTCOMES = [("in_target", "In target"), ("out_of_target", "Not in target")]
PROFILE_TYPES = [("strong", "Strong"), ("weak", "Weak")]
NATIONALITY_GROUPS = [
    ("italian", "Italian"),
    ("non_italian", "Non-Italian"),
    ("unknown", "Not recorded"),
]
# Contact data of the person, held by the partner. Operators have no rights on contacts
# in general: whoever may create or write the beneficiary writes these on its own
# partner (sudo, after the access check on ixl.beneficiary). Nothing else of the partner.
PERSON_FIELDS = frozenset({
    "name", "type", "email", "phone", "mobile", "street", "street2", "zip", "city",
    "state_id", "country_id", "birthdate_date", "gender", "nationality_id", "lang", "tz",
    "image_1920",
})
# Written only by the actions and wizards of the intake (ixl.workflow.mixin): the state,
# what the interview decides (score, first outcome...) and the snapshots of the clock.
LOCKED_FIELDS = (
    "state", "is_admitted", "has_score", "vulnerability_score", "profile_type",
    "interview_held_date", "interviewer_id", "first_outcome", "first_profile_type",
    "current_exit_id", "admitted_since", "waiting_since", "interview_deadline",
)


def validate_fiscal_code(code):
    """The normalised codice fiscale, or a stdnum ValidationError: the personal code
    (16 characters, check letter and birth date) or the provisional numeric code issued
    by the Agenzia delle Entrate to people waiting for theirs (11 digits: office code
    and check digit, the same algorithm as a partita IVA)."""
    code = codicefiscale.compact(code or "")
    if len(code) == 11:
        return iva.validate(code)
    if len(code) == 16:
        return codicefiscale.validate(code)
    raise InvalidLength()


def profile_of(has_score, score):
    """Strong with a vulnerability score of 10 or less, weak above; none without a
    score (a missing score is not a score of 0)."""
    if not has_score:
        return False
    return "strong" if score <= STRONG_PROFILE_MAX_SCORE else "weak"


class IxlBeneficiary(models.Model):
    """A person followed by the programme, from registration to a stable job.

    Built on res.partner by delegation: name, contact data, birth date, gender and
    nationality live on the partner (the latter three from OCA partner_contact_*).
    """

    _name = "ixl.beneficiary"
    _description = "Beneficiary"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "registration_date desc, id desc"
    # One indexed search over name, IXL code, codice fiscale and email (see _search_identity).
    _rec_names_search = ["identity_search"]
    _ixl_locked_fields = LOCKED_FIELDS

    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="restrict", index=True, auto_join=True
    )
    reference = fields.Char(string="IXL code", readonly=True, copy=False, default="/", index=True)
    active = fields.Boolean(default=True, tracking=True)
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    fiscal_code = fields.Char(
        string="Codice fiscale", copy=False, tracking=True, index=True,
        help="The personal code (16 characters) or the provisional numeric code (11 "
        "digits) issued by the Agenzia delle Entrate.",
    )
    fiscal_code_pending = fields.Boolean(
        string="Codice fiscale pending", copy=False, tracking=True,
        help="The person has no codice fiscale yet, not even a provisional one: to be "
        "completed as soon as it is issued.",
    )
    nationality_group = fields.Selection(
        NATIONALITY_GROUPS, string="Nationality group", compute="_compute_nationality_group",
        store=True, help="Italian, non-Italian or not recorded (the split of the reports).",
    )
    municipality_id = fields.Many2one(
        "ixl.municipality", string="Municipality of residence", tracking=True, index=True
    )
    domicile_municipality_id = fields.Many2one(
        "ixl.municipality", string="Municipality of domicile",
        help="Where the person actually lives, when different from the residence.",
    )
    district_id = fields.Many2one(
        "ixl.district", compute="_compute_district_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Operator", tracking=True, index=True,
        default=lambda self: self.env.user if self.env.user._is_internal() else False,
        domain=lambda self: [("groups_id", "in", self.env.ref(
            "ixl_beneficiary.group_ixl_operator").id)],
    )
    state = fields.Selection(
        STATES, string="Status", default="registered", required=True, tracking=True, index=True,
        group_expand="_group_expand_states", copy=False,
    )
    is_admitted = fields.Boolean(
        compute="_compute_is_admitted", store=True,
        help="In target or active: the person can be matched and placed.",
    )
    registration_date = fields.Datetime(
        default=fields.Datetime.now, required=True, tracking=True, index=True, copy=False
    )
    registration_channel = fields.Selection(
        [("web", "Online form"), ("office", "At the office"), ("import", "Import")],
        default="office", required=True,
    )
    interview_held_date = fields.Date(string="First interview held on", tracking=True, copy=False)
    interviewer_id = fields.Many2one("res.users", copy=False)
    first_outcome = fields.Selection(
        OUTCOMES, string="Outcome of the first interview", copy=False, readonly=True,
        help="Kept when the person is assessed again: the figures of the first interviews "
        "stay on the first one.",
    )
    first_profile_type = fields.Selection(
        PROFILE_TYPES, string="Profile at the first interview", copy=False, readonly=True)
    # Stored for the figures of the first interviews (age split at the interview).
    age_at_interview = fields.Integer(string="Age at the interview",
                                      compute="_compute_age_at_interview", store=True,
                                      aggregator="avg")
    interview_age_band = fields.Selection(
        AGE_BANDS, string="Age band at the interview", compute="_compute_age_at_interview",
        store=True,
    )
    vulnerability_score = fields.Integer(tracking=True, copy=False)
    has_score = fields.Boolean(string="Score recorded", copy=False)
    profile_type = fields.Selection(
        PROFILE_TYPES, compute="_compute_profile_type", store=True, tracking=True,
        help="Strong with a vulnerability score of 10 or less, weak with 11 or more; "
        "none without a score.",
    )
    readiness = fields.Selection(READINESS, default="pending", required=True, tracking=True)
    interview_notes = fields.Html(groups=OPERATOR)
    fragility_notes = fields.Html(
        string="Health and fragility notes", groups=OPERATOR,
        help="Special-category data: readable by operators and coordinators only.",
    )
    skill_ids = fields.One2many("ixl.beneficiary.skill", "beneficiary_id", string="Skills")
    job_area_ids = fields.Many2many("ixl.job.area", string="Job interests")
    id_document = fields.Binary(string="Identity document", attachment=True, copy=False,
                                groups=OPERATOR)
    id_document_filename = fields.Char(copy=False, groups=OPERATOR)
    cv_file = fields.Binary(string="CV", attachment=True, copy=False, groups=OPERATOR)
    cv_filename = fields.Char(copy=False, groups=OPERATOR)
    privacy_notice_version = fields.Char(copy=False, tracking=True)
    privacy_accepted_at = fields.Datetime(string="Privacy notice accepted on", copy=False)
    privacy_channel = fields.Selection(
        [("web", "Online form"), ("paper", "Signed on paper"), ("email", "By email")],
        copy=False,
    )
    service_ids = fields.One2many("ixl.service", "beneficiary_id", string="Services",
                                  groups=OPERATOR)
    service_count = fields.Integer(compute="_compute_service_count", groups=OPERATOR)
    refusal_ids = fields.One2many("ixl.refusal", "beneficiary_id", string="Refusals",
                                  groups=OPERATOR)
    refusal_count = fields.Integer(
        string="Number of refusals", compute="_compute_refusal_count", groups=OPERATOR,
        help="CV sendings, job offers and proposals the person refused.")
    placement_ids = fields.One2many("ixl.placement", "beneficiary_id", string="Placements")
    placement_count = fields.Integer(compute="_compute_placement_count")
    identity_search = fields.Char(
        string="Name, code, codice fiscale or email", compute="_compute_identity_search",
        search="_search_identity",
    )

    _sql_constraints = [
        # NULL (codice fiscale pending) is never equal to another NULL: unique real codes.
        ("fiscal_code_unique", "unique(fiscal_code)",
         "A beneficiary with this codice fiscale is already registered."),
        ("score_positive", "CHECK(vulnerability_score >= 0)",
         "The vulnerability score cannot be negative."),
    ]

    def init(self):
        """Indexes for the intake kanban and the searches staff type (docs/performance.md)."""
        super().init()
        cr = self.env.cr
        cr.execute("CREATE INDEX IF NOT EXISTS ixl_beneficiary_state_readiness_idx "
                   "ON ixl_beneficiary (state, readiness) WHERE active")
        # people sharing an email (registration): exact match on the normalised email
        cr.execute("CREATE INDEX IF NOT EXISTS res_partner_email_normalized_ixl_idx "
                   "ON res_partner (email_normalized) WHERE email_normalized IS NOT NULL")
        try:
            with cr.savepoint(flush=False):
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg2.Error:
            _logger.warning("pg_trgm is not available: searches by name and code are slower")
            return
        for table, column in TRIGRAM_INDEXES:
            cr.execute(SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s gin_trgm_ops)",
                SQL.identifier(f"{table}_{column}_trgm_idx"), SQL.identifier(table),
                SQL.identifier(column)))

    def _compute_identity_search(self):
        self.identity_search = False

    def _search_identity(self, operator, value):
        """Name, IXL code, codice fiscale or email: the union of one query on the partner and
        one on the beneficiary, each served by its trigram indexes (an OR across the joined
        tables cannot use any index)."""
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        if negative:
            operator = expression.TERM_OPERATORS_NEGATION[operator]
        model = self.sudo().with_context(active_test=False)
        # the email only for those who may read it: no guessing of addresses
        on_partner = model._search(
            ["|", ("name", operator, value), ("email", operator, value)]
            if self._fields["email"].is_accessible(self.env) else [("name", operator, value)])
        on_person = model._search(
            ["|", ("reference", operator, value), ("fiscal_code", operator, value)])
        union = SQL("(%s UNION %s)", on_partner.subselect(), on_person.subselect())
        return [("id", "not in" if negative else "in", union)]

    @api.depends("nationality_id")
    def _compute_nationality_group(self):
        italy = self.env.ref("base.it")
        for rec in self:
            if not rec.nationality_id:
                rec.nationality_group = "unknown"
            else:
                rec.nationality_group = "italian" if rec.nationality_id == italy else "non_italian"

    @api.depends("municipality_id.district_id")
    def _compute_district_id(self):
        for rec in self:
            rec.district_id = rec.municipality_id.district_id

    @api.depends("state")
    def _compute_is_admitted(self):
        for rec in self:
            rec.is_admitted = rec.state in ADMITTED_STATES

    @api.depends("birthdate_date", "interview_held_date")
    def _compute_age_at_interview(self):
        for rec in self:
            age = rec._age_at(rec.interview_held_date)
            rec.age_at_interview = age or 0
            rec.interview_age_band = age_band(age)

    @api.depends("vulnerability_score", "has_score")
    def _compute_profile_type(self):
        for rec in self:
            rec.profile_type = profile_of(rec.has_score, rec.vulnerability_score)

    def _compute_service_count(self):
        set_related_count(self, "service_count", "ixl.service", "beneficiary_id")

    def _compute_refusal_count(self):
        set_related_count(self, "refusal_count", "ixl.refusal", "beneficiary_id")

    def _compute_placement_count(self):
        set_related_count(self, "placement_count", "ixl.placement", "beneficiary_id")

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    def _ixl_frozen_fields(self):
        """The readiness follows the evaluation of an admitted person (operators update
        it); otherwise only the interview wizard sets it."""
        return {"readiness"} if not all(self.mapped("is_admitted")) else set()

    # ---------------------------------------------------------------- constraints
    @api.constrains("fiscal_code", "fiscal_code_pending")
    def _check_fiscal_code(self):
        """A valid code, or "pending"; an anonymised person keeps a placeholder instead."""
        for rec in self.filtered(lambda r: not r.anonymised_date):
            if not rec.fiscal_code:
                if not rec.fiscal_code_pending:
                    raise ValidationError(self.env._(
                        "Enter the codice fiscale of %(name)s, or mark it as pending.",
                        name=rec.name))
                continue
            try:
                validate_fiscal_code(rec.fiscal_code)
            except StdnumValidationError as exc:
                raise ValidationError(self.env._(
                    "The codice fiscale %(code)s is not valid.", code=rec.fiscal_code
                )) from exc

    # ------------------------------------------------------------------------ ORM
    # The one create and write of the person: each concern of the other files gives
    # its steps (the contact door of _access, the consent proofs of _privacy, the
    # first-interview activity of _intake); none of them overrides these.
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        # the caller's dicts stay as given: the importer retries them after a rollback
        vals_list = [dict(vals) for vals in vals_list]
        self._privacy_check_server_dates(vals_list)
        consents_given = self._privacy_prepare_create(vals_list)
        new_partner_vals, partners = [], self.env["res.partner"]
        for vals in vals_list:
            self._prepare_partner_vals(vals)
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].sudo().next_by_code(
                    "ixl.beneficiary") or "/"
            if vals.get("partner_id"):
                continue  # an existing contact: the user's own rights on it apply
            person = self._pop_person_vals(vals)
            full_name = f"{vals.get('first_name', '')} {vals.get('last_name', '')}"
            person.setdefault("name", full_name.strip())
            person.setdefault("type", "contact")
            new_partner_vals.append((vals, person))
        if new_partner_vals:
            # the contact of a new person: the rights on ixl.beneficiary were checked above
            partners = self.env["res.partner"].sudo().create([p for _v, p in new_partner_vals])
            for (vals, _person), partner in zip(new_partner_vals, partners, strict=True):
                vals["partner_id"] = partner.id
        # Odoo then writes the inherited fields' defaults on the new contacts: the door
        # lets it write those
        records = super(IxlBeneficiary, self._contact_door(partners)).create(vals_list)
        records._check_fiscal_code()  # also when neither field was given
        records.filtered(lambda r: r.state == "registered")._schedule_first_interview_activity()
        records._flag_shared_email()
        records._privacy_log_consents(
            {purpose: records.filtered(field) for purpose, field in consents_given.items()})
        return records.with_env(self.env)

    def write(self, vals):
        self.check_access("write")  # and Odoo checks the fields' groups before the contact
        self._privacy_check_server_dates([vals])
        vals, consents_changed = self._privacy_prepare_write(vals)
        self._prepare_partner_vals(vals)
        person = self._pop_person_vals(vals)
        if not self.env.su and (other := [n for n in vals if self._fields[n].inherited]):
            raise AccessError(self.env._(
                "Only the person's contact data can be changed from the person, not %(fields)s.",
                fields=", ".join(sorted(other))))
        renamed = "first_name" in vals or "last_name" in vals
        res = super(IxlBeneficiary, self._contact_door()).write(vals)
        # the contact of the person: the rights on ixl.beneficiary were checked above
        if person:
            self.partner_id.sudo().write(person)
        if renamed:
            for rec in self:
                rec.partner_id.sudo().name = f"{rec.first_name} {rec.last_name}"
        self._privacy_log_consents(consents_changed)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_placed(self):
        if self.env["ixl.placement"].search_count([("beneficiary_id", "in", self.ids)], limit=1):
            raise UserError(self.env._(
                "A beneficiary with placements cannot be deleted: archive the record instead."
            ))

    def unlink(self):
        partners = self.partner_id
        res = super().unlink()
        # the rights on ixl.beneficiary were checked by the unlink itself
        partners.sudo().filtered(lambda p: not p.user_ids).unlink()
        return res

    # -------------------------------------------------------------------- ACTIONS
    def action_view_services(self):
        return self._action_view_related("ixl.service", self.env._("Services"))

    def action_view_refusals(self):
        return self._action_view_related("ixl.refusal", self.env._("Refusals"))

    def action_view_missed_appointments(self):
        return self._action_view_related("ixl.missed.appointment",
                                         self.env._("Missed appointments"))

    def action_record_refusal(self):
        """A refusal of a proposal made outside the Board (training, internship...)."""
        self.ensure_one()
        self.check_access("write")
        return wizard_action(self.env._("Refusal of %s", self.name), "ixl.refusal.record",
                             beneficiary_id=self.id, kind="proposal")

    def action_view_placements(self):
        return self._action_view_related("ixl.placement", self.env._("Placements"))

    def _action_view_related(self, model, name):
        return related_records_action(self, model, "beneficiary_id", name)

    # ------------------------------------------------------------------- BUSINESS
    @api.model
    def _normalize_fiscal_code(self, value):
        return (codicefiscale.compact(value) or False) if value else value

    @api.model
    def _prepare_partner_vals(self, vals):
        if "fiscal_code" in vals:
            vals["fiscal_code"] = self._normalize_fiscal_code(vals["fiscal_code"])
            if vals["fiscal_code"]:
                vals["fiscal_code_pending"] = False
        if "vulnerability_score" in vals and "has_score" not in vals:
            vals["has_score"] = vals["vulnerability_score"] is not False
        for key in ("first_name", "last_name"):
            if vals.get(key):
                vals[key] = " ".join(vals[key].split())
        return vals

    @staticmethod
    def _pop_person_vals(vals):
        return {name: vals.pop(name) for name in list(vals) if name in PERSON_FIELDS}

    def _ixl_check_admitted(self, what):
        """The rule of ``ixl.admission.mixin``: refuse starting ``what`` (a placement, an
        internship...) for people not admitted (in target or active)."""
        for rec in self:
            if not rec.is_admitted:
                raise ValidationError(self.env._(
                    "%(name)s is not admitted to the programme (in target or active): a new "
                    "%(what)s cannot be recorded for them.", name=rec.name, what=what))

    def _age_at(self, date):
        """Age in whole years at ``date`` (None without a birth date)."""
        self.ensure_one()
        birth = self.birthdate_date
        if not birth or not date:
            return None
        return date.year - birth.year - ((date.month, date.day) < (birth.month, birth.day))
