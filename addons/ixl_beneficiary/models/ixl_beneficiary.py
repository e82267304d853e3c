import logging
from collections import defaultdict
from datetime import timedelta

import psycopg2
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.it import codicefiscale

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .tools import AGE_BANDS, LOCAL_TZ, age_band, related_records_action

_logger = logging.getLogger(__name__)

OPERATOR = "ixl_beneficiary.group_ixl_operator"
FIRST_INTERVIEW_DAYS = 15
# (table, column) searched with ilike from the beneficiary list and many2one fields.
TRIGRAM_INDEXES = [("res_partner", "name"), ("res_partner", "email"),
                   ("ixl_beneficiary", "reference"), ("ixl_beneficiary", "fiscal_code")]
STRONG_PROFILE_MAX_SCORE = 10
UNANSWERED_CALLS_LIMIT = 2

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


class IxlBeneficiary(models.Model):
    """A person followed by the programme, from registration to a stable job.

    Built on res.partner by delegation: name, contact data, birth date, gender and
    nationality live on the partner (the latter three from OCA partner_contact_*).
    """

    _name = "ixl.beneficiary"
    _description = "Beneficiary"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "registration_date desc, id desc"
    # One indexed search over name, IXL code, codice fiscale and email (see _search_identity).
    _rec_names_search = ["identity_search"]

    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="restrict", index=True, auto_join=True
    )
    reference = fields.Char(string="IXL code", readonly=True, copy=False, default="/", index=True)
    active = fields.Boolean(default=True, tracking=True)
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    fiscal_code = fields.Char(
        string="Codice fiscale", required=True, copy=False, tracking=True, index=True
    )
    is_italian = fields.Boolean(
        string="Italian", compute="_compute_is_italian", store=True,
        help="Italian nationality (reports split Italian / non-Italian).",
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
    interview_deadline = fields.Date(
        string="First interview due by", compute="_compute_interview_deadline", store=True,
        help="The first interview must take place within 15 days of the registration.",
    )
    interview_date = fields.Datetime(string="Interview scheduled on", tracking=True)
    interview_held_date = fields.Date(string="First interview held on", tracking=True, copy=False)
    interviewer_id = fields.Many2one("res.users")
    # Stored for the figures of the first interviews (age split at the interview).
    age_at_interview = fields.Integer(string="Age at the interview",
                                      compute="_compute_age_at_interview", store=True,
                                      aggregator="avg")
    interview_age_band = fields.Selection(
        AGE_BANDS, string="Age band at the interview", compute="_compute_age_at_interview",
        store=True,
    )
    days_waiting = fields.Integer(
        compute="_compute_days_waiting",
        help="Days between the registration and the first interview (or today).",
    )
    is_interview_overdue = fields.Boolean(compute="_compute_days_waiting")
    vulnerability_score = fields.Integer(tracking=True)
    has_score = fields.Boolean(string="Score recorded", copy=False)
    profile_type = fields.Selection(
        [("strong", "Strong"), ("weak", "Weak")], compute="_compute_profile_type",
        store=True, tracking=True,
        help="Strong with a vulnerability score of 10 or less, weak with 11 or more.",
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
    # Why a person left the protocol (and the notice stating it) is for the operators.
    protocol_exit_ids = fields.One2many(
        "ixl.protocol.exit", "beneficiary_id", string="Out-of-protocol history",
        groups=OPERATOR,
    )
    protocol_exit_reason = fields.Selection(
        related="current_exit_id.reason", string="Out-of-protocol reason", store=True,
        groups=OPERATOR,
    )
    current_exit_id = fields.Many2one("ixl.protocol.exit", copy=False, readonly=True,
                                      groups=OPERATOR)
    admitted_since = fields.Datetime(
        copy=False, readonly=True,
        help="Last re-admission after leaving the protocol; unanswered calls are counted "
        "from here.",
    )
    unanswered_call_slots = fields.Integer(
        string="Unanswered calls", compute="_compute_unanswered_calls", groups=OPERATOR,
        help="Unanswered calls at different times (distinct half-days) since the last "
        "admission.",
    )
    out_of_protocol_proposed = fields.Boolean(
        compute="_compute_unanswered_calls", search="_search_out_of_protocol_proposed",
        groups=OPERATOR,
        help="More than two unanswered calls at different times: the person can be moved "
        "out of protocol as non-collaborative.",
    )
    service_ids = fields.One2many("ixl.service", "beneficiary_id", string="Services",
                                  groups=OPERATOR)
    service_count = fields.Integer(compute="_compute_service_count", groups=OPERATOR)
    placement_ids = fields.One2many("ixl.placement", "beneficiary_id", string="Placements")
    placement_count = fields.Integer(compute="_compute_placement_count")
    identity_search = fields.Char(
        string="Name, code, codice fiscale or email", compute="_compute_identity_search",
        search="_search_identity",
    )

    _sql_constraints = [
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

    # ------------------------------------------------------------------ computes
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
    def _compute_is_italian(self):
        italy = self.env.ref("base.it")
        for rec in self:
            rec.is_italian = rec.nationality_id == italy

    @api.depends("municipality_id.district_id")
    def _compute_district_id(self):
        for rec in self:
            rec.district_id = rec.municipality_id.district_id

    @api.depends("state")
    def _compute_is_admitted(self):
        for rec in self:
            rec.is_admitted = rec.state in ADMITTED_STATES

    @api.depends("registration_date")
    def _compute_interview_deadline(self):
        for rec in self:
            rec.interview_deadline = rec.registration_date and (
                fields.Date.to_date(rec.registration_date)
                + timedelta(days=FIRST_INTERVIEW_DAYS)
            )

    @api.depends("registration_date", "interview_held_date")
    @api.depends_context("date")
    def _compute_days_waiting(self):
        today = fields.Date.context_today(self)
        for rec in self:
            start = fields.Date.to_date(rec.registration_date) if rec.registration_date else today
            end = rec.interview_held_date or today
            rec.days_waiting = max((end - start).days, 0)
            rec.is_interview_overdue = (
                not rec.interview_held_date
                and rec.state in ("registered", "scheduled")
                and rec.days_waiting > FIRST_INTERVIEW_DAYS
            )

    @api.depends("birthdate_date", "interview_held_date")
    def _compute_age_at_interview(self):
        for rec in self:
            age = rec._age_at(rec.interview_held_date)
            rec.age_at_interview = age or 0
            rec.interview_age_band = age_band(age)

    @api.depends("vulnerability_score", "has_score")
    def _compute_profile_type(self):
        for rec in self:
            if not rec.has_score:
                rec.profile_type = False
            elif rec.vulnerability_score <= STRONG_PROFILE_MAX_SCORE:
                rec.profile_type = "strong"
            else:
                rec.profile_type = "weak"

    def _compute_service_count(self):
        services = dict(self.env["ixl.service"]._read_group(
            [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]))
        for rec in self:
            rec.service_count = services.get(rec, 0)

    def _compute_placement_count(self):
        placements = dict(self.env["ixl.placement"]._read_group(
            [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]))
        for rec in self:
            rec.placement_count = placements.get(rec, 0)

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    # ------------------------------------------------------------ unanswered calls
    def _unanswered_slots_sql(self, having_more_than=None):
        """Distinct half-days (Bologna time) of unanswered calls since the last admission."""
        activity_type = self.env.ref("ixl_beneficiary.mail_activity_type_unanswered_call")
        local = SQL("(m.date AT TIME ZONE 'UTC' AT TIME ZONE %s)", LOCAL_TZ)
        query = SQL(
            """
            SELECT b.id, COUNT(DISTINCT (%(local)s::date, EXTRACT(HOUR FROM %(local)s) >= 13))
              FROM ixl_beneficiary b
              JOIN mail_message m ON m.model = 'ixl.beneficiary' AND m.res_id = b.id
             WHERE m.mail_activity_type_id = %(type)s
               AND m.date >= COALESCE(b.admitted_since, b.registration_date)
               %(ids)s
             GROUP BY b.id
            """,
            local=local,
            type=activity_type.id,
            ids=SQL("AND b.id IN %s", tuple(self.ids)) if self.ids else SQL(""),
        )
        if having_more_than is not None:
            query = SQL("%s HAVING COUNT(DISTINCT (%s::date, EXTRACT(HOUR FROM %s) >= 13)) > %s",
                        query, local, local, having_more_than)
        self.env["mail.message"].flush_model(["model", "res_id", "date", "mail_activity_type_id"])
        self.flush_model(["admitted_since", "registration_date"])
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())

    def _compute_unanswered_calls(self):
        slots = self._unanswered_slots_sql() if self.ids else {}
        for rec in self:
            rec.unanswered_call_slots = slots.get(rec.id, 0)
            rec.out_of_protocol_proposed = (
                rec.state != "out_of_protocol"
                and rec.unanswered_call_slots > UNANSWERED_CALLS_LIMIT
            )

    def _search_out_of_protocol_proposed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the out-of-protocol proposal."))
        ids = list(self.browse()._unanswered_slots_sql(having_more_than=UNANSWERED_CALLS_LIMIT))
        positive = (operator == "=") == value
        domain = [("id", "in", ids), ("state", "!=", "out_of_protocol")]
        return domain if positive else ["!", "&", *domain]

    # ---------------------------------------------------------------- constraints
    @api.model
    def _normalize_fiscal_code(self, value):
        return codicefiscale.compact(value) if value else value

    @api.constrains("fiscal_code")
    def _check_fiscal_code(self):
        for rec in self:
            try:
                codicefiscale.validate(rec.fiscal_code)
            except StdnumValidationError as exc:
                raise ValidationError(self.env._(
                    "The codice fiscale %(code)s is not valid.", code=rec.fiscal_code
                )) from exc

    # ----------------------------------------------------------------------- CRUD
    @api.model
    def _prepare_partner_vals(self, vals):
        if "fiscal_code" in vals:
            vals["fiscal_code"] = self._normalize_fiscal_code(vals["fiscal_code"])
        if "vulnerability_score" in vals and "has_score" not in vals:
            vals["has_score"] = vals["vulnerability_score"] is not False
        for key in ("first_name", "last_name"):
            if vals.get(key):
                vals[key] = " ".join(vals[key].split())
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_partner_vals(vals)
            full_name = f"{vals.get('first_name', '')} {vals.get('last_name', '')}"
            vals.setdefault("name", full_name.strip())
            vals.setdefault("type", "contact")
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code("ixl.beneficiary") or "/"
        records = super().create(vals_list)
        records._schedule_first_interview_activity()
        return records

    def write(self, vals):
        self._prepare_partner_vals(vals)
        res = super().write(vals)
        if "first_name" in vals or "last_name" in vals:
            for rec in self:
                rec.partner_id.name = f"{rec.first_name} {rec.last_name}"
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
        partners.filtered(lambda p: not p.user_ids).unlink()
        return res

    @api.model
    def _get_intake_user(self):
        """The intake operator of the settings, else the administrator."""
        param = self.env["ir.config_parameter"].sudo().get_param(
            "ixl_beneficiary.intake_user_id", "0")
        user = self.env["res.users"].browse(int(param or 0)).exists() if param.isdigit() else None
        return user or self.env.ref("base.user_admin")

    def _schedule_first_interview_activity(self):
        """One activity per person, created in batches of the same operator and deadline
        (an import of thousands of registrations makes a few batches, not one per row)."""
        activity_type = self.env.ref("ixl_beneficiary.mail_activity_type_first_interview")
        fallback = self._get_intake_user()
        summary = self.env._("First interview within %s days", FIRST_INTERVIEW_DAYS)
        batches = defaultdict(list)
        for rec in self.filtered(lambda r: r.state == "registered"):
            batches[(rec.user_id or fallback, rec.interview_deadline)].append(rec.id)
        for (user, deadline), ids in batches.items():
            self.browse(ids).activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=deadline,
                user_id=user.id,
                summary=summary,
            )

    # ------------------------------------------------------------------- actions
    def _check_state(self, allowed, action):
        for rec in self:
            if rec.state not in allowed:
                raise UserError(self.env._(
                    "%(name)s is %(state)s: %(action)s is not possible in this state.",
                    name=rec.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[rec.state],
                    action=action,
                ))

    def action_schedule_interview(self):
        self._check_state(("registered", "scheduled"), self.env._("scheduling the interview"))
        for rec in self:
            if not rec.interview_date:
                raise UserError(self.env._(
                    "Set the date of the interview of %s first.", rec.display_name))
            rec.state = "scheduled"
            rec.activity_reschedule(
                ["ixl_beneficiary.mail_activity_type_first_interview"],
                date_deadline=fields.Date.to_date(rec.interview_date),
            )
        return True

    def action_record_interview(self):
        self.ensure_one()
        self._check_state(("registered", "scheduled", "interviewed"),
                          self.env._("recording the interview"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Interview outcome"),
            "res_model": "ixl.interview.outcome",
            "view_mode": "form",
            "target": "new",
            "context": {"default_beneficiary_id": self.id},
        }

    def action_activate(self):
        self._check_state(("in_target",), self.env._("taking the person in charge"))
        self.state = "active"
        return True

    def action_out_of_protocol(self):
        self._check_state([s for s, _l in STATES if s != "out_of_protocol"],
                          self.env._("moving out of protocol"))
        reason = "non_collaborative" if all(self.mapped("out_of_protocol_proposed")) else False
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Out of protocol"),
            "res_model": "ixl.out.of.protocol",
            "view_mode": "form",
            "target": "new",
            "context": {"default_beneficiary_ids": self.ids, "default_reason": reason},
        }

    def action_readmit(self):
        """Re-admit people out of protocol into the state they had; history is kept."""
        self._check_state(("out_of_protocol",), self.env._("re-admission"))
        now = fields.Datetime.now()
        for rec in self:
            exit_rec = rec.current_exit_id
            exit_rec.write({"date_readmitted": now, "readmitted_by_id": self.env.uid})
            rec.write({
                "state": exit_rec.state_before or "active",
                "current_exit_id": False,
                "admitted_since": now,
            })
            rec.message_post(body=self.env._("Re-admitted into the programme."))
        return True

    def action_view_services(self):
        return self._action_view_related("ixl.service", self.env._("Services"))

    def action_view_placements(self):
        return self._action_view_related("ixl.placement", self.env._("Placements"))

    def _action_view_related(self, model, name):
        return related_records_action(self, model, "beneficiary_id", name)

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
