from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tools import AGE_BANDS, age_band, check_period, local_today

PLACEMENT_TYPES = [
    ("hire", "Hire"),
    ("internship", "Internship"),
    ("traineeship", "Traineeship"),
    ("mini_job", "Mini job"),
    ("self_employment", "Self-employment"),
]
CONTRACT_TYPES = [
    ("fixed_term", "Fixed-term"),
    ("permanent", "Permanent"),
    ("on_call", "On call"),
    ("own_account", "Own account"),
]
RELATIONS = [
    ("new", "New placement"),
    ("renewal", "Renewal"),
    ("extension", "Extension"),
    ("transformation", "Transformation"),
]
MINI_JOB_MAX_HOURS = 20
STAFF = "base.group_user"


class IxlPlacement(models.Model):
    """A beneficiary placed with an employer: hire, internship, traineeship, mini job or
    self-employment. Renewals, extensions and transformations are placements too and
    point to the placement they continue."""

    _name = "ixl.placement"
    _description = "Placement"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.admission.mixin",
                "ixl.workflow.mixin"]
    _order = "date_start desc, id desc"

    # The fields on the person are for staff only (groups=STAFF): companies read their
    # placements on the portal (ixl_board), never the person's data.
    beneficiary_id = fields.Many2one(
        "ixl.beneficiary", required=True, ondelete="restrict", index=True, tracking=True,
        groups=STAFF,
    )
    employer_id = fields.Many2one(
        "res.partner", required=True, ondelete="restrict", index=True,
        domain=[("is_company", "=", True)], tracking=True,
    )
    placement_type = fields.Selection(
        PLACEMENT_TYPES, string="Type", required=True, default="hire", tracking=True,
        index=True,
    )
    contract_type = fields.Selection(CONTRACT_TYPES, string="Contract", tracking=True)
    job_title = fields.Char(string="Role")
    date_start = fields.Date(string="Start date", required=True, tracking=True, index=True)
    date_end = fields.Date(string="End date", tracking=True)
    weekly_hours = fields.Float(tracking=True)
    relation = fields.Selection(RELATIONS, default="new", required=True, tracking=True)
    previous_placement_id = fields.Many2one(
        "ixl.placement", string="Continues", ondelete="restrict", index=True,
        domain="[('beneficiary_id', '=', beneficiary_id), ('id', '!=', id)]",
        help="The placement this one renews, extends or transforms.", groups=STAFF,
    )
    user_id = fields.Many2one("res.users", string="Operator", groups=STAFF,
                              default=lambda self: self.env.user)
    note = fields.Text(groups=STAFF)
    # Stored figures for reports (split by gender, nationality and age at the start).
    gender = fields.Selection(related="beneficiary_id.gender", store=True, string="Gender",
                              groups=STAFF)
    nationality_group = fields.Selection(related="beneficiary_id.nationality_group",
                                         store=True, string="Nationality group", groups=STAFF)
    age_at_start = fields.Integer(compute="_compute_age", store=True, aggregator="avg",
                                  groups=STAFF)
    age_band = fields.Selection(AGE_BANDS, compute="_compute_age", store=True, groups=STAFF)
    is_permanent = fields.Boolean(compute="_compute_is_permanent", store=True)
    is_ongoing = fields.Boolean(compute="_compute_is_ongoing", search="_search_is_ongoing")

    @api.depends("beneficiary_id.birthdate_date", "date_start")
    def _compute_age(self):
        for rec in self:
            age = rec.beneficiary_id._age_at(rec.date_start) if rec.beneficiary_id else None
            rec.age_at_start = age or 0
            rec.age_band = age_band(age)

    @api.depends("placement_type", "contract_type")
    def _compute_is_permanent(self):
        for rec in self:
            rec.is_permanent = rec.placement_type == "hire" and rec.contract_type == "permanent"

    @api.depends("date_start", "date_end")
    def _compute_is_ongoing(self):
        today = local_today()
        for rec in self:
            started = bool(rec.date_start) and rec.date_start <= today
            rec.is_ongoing = started and (not rec.date_end or rec.date_end >= today)

    def _search_is_ongoing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on ongoing placements."))
        today = local_today()
        domain = ["&", ("date_start", "<=", today), "|",
                  ("date_end", "=", False), ("date_end", ">=", today)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("beneficiary_id", "employer_id", "placement_type")
    def _compute_display_name(self):
        labels = dict(self._fields["placement_type"]._description_selection(self.env))
        for rec in self:
            rec.display_name = " - ".join(filter(None, [
                rec.beneficiary_id.name, rec.employer_id.name, labels.get(rec.placement_type),
            ]))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        check_period(self, self.env._(
            "The end date of a placement cannot be before its start date."))

    @api.constrains("placement_type", "contract_type", "weekly_hours")
    def _check_type_rules(self):
        for rec in self:
            if rec.weekly_hours < 0:
                raise ValidationError(self.env._("Weekly hours cannot be negative."))
            if rec.placement_type == "hire" and not rec.contract_type:
                raise ValidationError(self.env._(
                    "A hire needs its contract: fixed-term, permanent, on call or own account."))
            if rec.placement_type != "hire" and rec.contract_type:
                raise ValidationError(self.env._("Only a hire has a contract type."))
            if rec.placement_type == "mini_job" and rec.weekly_hours >= MINI_JOB_MAX_HOURS:
                raise ValidationError(self.env._(
                    "A mini job is a contract under %(hours)s hours a week; %(given)s hours "
                    "is not a mini job.", hours=MINI_JOB_MAX_HOURS, given=rec.weekly_hours))

    def _ixl_needs_admission(self):
        """A renewal, extension or transformation follows up a job the person already has
        (they may be out of protocol because they work): only new placements need it."""
        self.ensure_one()
        return self.relation == "new"

    @api.constrains("beneficiary_id", "relation")
    def _check_beneficiary_admitted(self):
        return super()._check_beneficiary_admitted()

    @api.constrains("previous_placement_id", "relation", "beneficiary_id")
    def _check_previous(self):
        for rec in self:
            prev = rec.previous_placement_id
            if rec.relation != "new" and not prev:
                raise ValidationError(self.env._(
                    "A renewal, extension or transformation must point to the placement it "
                    "continues."))
            if prev and prev.beneficiary_id != rec.beneficiary_id:
                raise ValidationError(self.env._(
                    "A placement can only continue a placement of the same person."))
            if prev and rec.relation == "new":
                raise ValidationError(self.env._(
                    "Choose whether this placement renews, extends or transforms the "
                    "previous one."))
            if prev and rec._has_cycle("previous_placement_id"):
                raise ValidationError(self.env._("A placement cannot continue itself."))
            if prev and prev.date_start > rec.date_start:
                raise ValidationError(self.env._(
                    "A placement cannot start before the placement it continues."))

    def action_continue(self):
        """A new placement continuing this one (renewal, extension or transformation,
        e.g. fixed-term to permanent), also for a person now out of protocol because
        they work: the form opens with this placement's data."""
        self.ensure_one()
        self.check_access("read")
        start = self.date_end + timedelta(days=1) if self.date_end else self.date_start
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Renewal, extension or transformation"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_beneficiary_id": self.beneficiary_id.id,
                "default_employer_id": self.employer_id.id,
                "default_previous_placement_id": self.id,
                "default_relation": "renewal",
                "default_placement_type": self.placement_type,
                "default_contract_type": self.contract_type,
                "default_job_title": self.job_title,
                "default_weekly_hours": self.weekly_hours,
                "default_date_start": fields.Date.to_string(start),
            },
        }
