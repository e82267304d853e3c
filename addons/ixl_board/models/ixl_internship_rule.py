import math

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ixl_beneficiary.models.tools import programme_currency

# Who the trainee is for the regional rule (L.R. Emilia-Romagna 17/2005, art. 25 c. 3):
# the category decides the longest duration. Recorded on the internship.
TRAINEE_CATEGORIES = [
    ("standard", "Other trainees"),
    ("disadvantaged", "Disadvantaged person (L. 381/1991, asylum, trafficking...)"),
    ("disabled", "Person with disability (L. 68/1999)"),
]
# The values an internship is checked against: frozen once an internship follows the rule.
VALUE_FIELDS = {"date_from", "currency_id", "min_monthly_indemnity", "min_months",
                "max_months", "max_months_disadvantaged", "max_months_disabled",
                "attendance_threshold", "below_threshold", "small_max_staff", "small_quota",
                "medium_max_staff", "medium_quota", "large_quota_percent"}
BELOW_THRESHOLD = [
    ("none", "No indemnity"),
    ("proportional", "Proportional to attendance"),
]


class IxlInternshipRule(models.Model):
    """The regional rules that internships and traineeships must follow, with the day
    they come into force: an internship follows the rule in force on its start date, so
    a new rule (a change of the law) is a new record and never rewrites the past.

    The values of a rule already followed by an internship are frozen: a change of the
    law is recorded as a new rule from its date."""

    _name = "ixl.internship.rule"
    _description = "Regional internship rule"
    _inherit = ["ixl.workflow.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, help="The law or resolution the values come from.")
    active = fields.Boolean(default=True)
    date_from = fields.Date(string="In force from", required=True,
                            help="Internships starting on this day or later follow this rule "
                                 "(until a newer rule comes into force).")
    currency_id = fields.Many2one("res.currency", required=True,
                                  default=lambda self: programme_currency(self.env))
    min_monthly_indemnity = fields.Monetary(
        string="Minimum monthly indemnity", required=True, default=450.0,
        help="Gross, per month, due when attendance reaches the threshold.")
    min_months = fields.Integer(string="Minimum duration (months)", required=True, default=2)
    max_months = fields.Integer(string="Maximum duration (months)", required=True, default=6,
                                help="Extensions included.")
    max_months_disadvantaged = fields.Integer(
        string="Maximum for disadvantaged people (months)", required=True, default=12)
    max_months_disabled = fields.Integer(
        string="Maximum for people with disabilities (months)", required=True, default=24)
    attendance_threshold = fields.Float(
        string="Attendance for the full indemnity (%)", required=True, default=70.0,
        help="Monthly attendance (hours attended / hours planned) from which the full "
             "indemnity is due.")
    below_threshold = fields.Selection(
        BELOW_THRESHOLD, string="Indemnity below the threshold", required=True,
        default="none",
        help="What is due for a month whose attendance is below the threshold.")
    small_max_staff = fields.Integer(string="Small host: up to (employees)", required=True,
                                     default=5)
    small_quota = fields.Integer(string="Small host: trainees at a time", required=True,
                                 default=1)
    medium_max_staff = fields.Integer(string="Medium host: up to (employees)", required=True,
                                      default=20)
    medium_quota = fields.Integer(string="Medium host: trainees at a time", required=True,
                                  default=2)
    large_quota_percent = fields.Float(
        string="Larger host: trainees at a time (% of employees)", required=True,
        default=10.0, help="Rounded up to the next whole trainee.")
    note = fields.Text(string="Sources")

    @api.constrains("date_from", "active")
    def _check_one_rule_a_day(self):
        for rule in self.filtered("active"):
            if self.search_count([("date_from", "=", rule.date_from), ("id", "!=", rule.id)]):
                raise ValidationError(self.env._(
                    "Another rule already comes into force on %(day)s.", day=rule.date_from))

    @api.constrains("min_monthly_indemnity", "min_months", "max_months",
                    "max_months_disadvantaged", "max_months_disabled", "attendance_threshold",
                    "small_max_staff", "small_quota", "medium_max_staff", "medium_quota",
                    "large_quota_percent")
    def _check_values(self):
        for rule in self:
            durations = (rule.min_months, rule.max_months, rule.max_months_disadvantaged,
                         rule.max_months_disabled)
            if rule.min_monthly_indemnity < 0 or min(durations) < 1 or \
                    rule.min_months > min(durations[1:]):
                raise ValidationError(self.env._(
                    "A rule needs a positive indemnity and durations of at least one month, "
                    "the minimum not above the maxima."))
            if not 0 < rule.attendance_threshold <= 100:
                raise ValidationError(self.env._(
                    "The attendance threshold is a percentage from 1 to 100."))
            if min(rule.small_quota, rule.medium_quota) < 1 or \
                    rule.small_max_staff >= rule.medium_max_staff or \
                    rule.large_quota_percent <= 0:
                raise ValidationError(self.env._(
                    "The host quotas need at least one trainee per size band, growing bands "
                    "and a positive percentage."))

    # ORM

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        if any(rule._ixl_in_use() for rule in self):
            self._ixl_refuse_locked(VALUE_FIELDS)

    def _ixl_frozen_fields(self):
        """A rule an internship already follows keeps its values and stays in force."""
        if any(rule._ixl_in_use() for rule in self):
            return VALUE_FIELDS | {"active"}
        return set()

    @api.constrains("date_from", "active")
    def _ixl_check_past_kept(self):
        """A rule added, moved or restored never takes over internships that already
        follow another rule (trusted code, e.g. the rule's data file, may)."""
        if self._ixl_in_transition():
            return
        for rule in self.filtered("active"):
            if rule._ixl_in_use():
                raise ValidationError(self.env._(
                    "Internships starting from %(day)s already follow an earlier rule: "
                    "%(rule)s can come into force only after the start of the last of "
                    "them.", day=rule.date_from, rule=rule.name))

    def _ixl_refuse_locked(self, names):
        raise AccessError(self.env._(
            "Internships already follow the rule %(rule)s: its values no longer change. "
            "Record the change of the law as a new rule, in force from its date.",
            rule=self[:1].name))

    # BUSINESS

    @api.model
    def _ixl_rule_on(self, day):
        """The rule in force on ``day`` (empty before the first rule)."""
        if not day:
            return self.browse()
        return self.sudo().search([("date_from", "<=", day)], order="date_from desc",
                                  limit=1).with_env(self.env)

    def _ixl_max_months(self, category):
        self.ensure_one()
        return {"disadvantaged": self.max_months_disadvantaged,
                "disabled": self.max_months_disabled}.get(category, self.max_months)

    def _ixl_quota(self, staff):
        """Trainees a host with ``staff`` employees may have at the same time."""
        self.ensure_one()
        if staff <= self.small_max_staff:
            return self.small_quota
        if staff <= self.medium_max_staff:
            return self.medium_quota
        return max(self.medium_quota, math.ceil(staff * self.large_quota_percent / 100))

    def _ixl_due_factor(self, attendance):
        """Share (0..1) of the month's indemnity due for an ``attendance`` percentage."""
        self.ensure_one()
        if attendance >= self.attendance_threshold:
            return 1.0
        return attendance / 100 if self.below_threshold == "proportional" else 0.0

    def _ixl_in_use(self):
        """Whether an internship follows this rule (starts while it is in force)."""
        self.ensure_one()
        date_from = self._origin.date_from
        domain = [("date_start", ">=", date_from)]
        newer = self.search([("date_from", ">", date_from)], order="date_from", limit=1)
        if newer:
            domain.append(("date_start", "<", newer.date_from))
        return bool(self.env["ixl.internship"].sudo().search_count(domain, limit=1))

    @staticmethod
    def _ixl_months_later(day, months):
        """The last day of a period of ``months`` months starting on ``day``."""
        return day + relativedelta(months=months, days=-1)
