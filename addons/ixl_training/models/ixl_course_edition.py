from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.ixl_beneficiary.models.tools import (
    check_period,
    programme_currency,
    related_records_action,
)

from .indicators import COUNTS, RATES, rate_of

DELIVERIES = [
    ("classroom", "Classroom"),
    ("distance", "Distance (FAD)"),
    ("one_to_one", "One-to-one"),
]
# What a confirmed settlement of the edition was computed from: frozen while it stands.
SETTLED_FIELDS = {"course_id", "provider_id", "agreement_id", "total_cost", "currency_id",
                  "date_start", "date_end", "window_months", "window_end_date"}


class IxlCourseEdition(models.Model):
    """An edition of a course: dates, hours, cost, the companies committed to hire
    and the participants (training packages).

    Indicators, over the placements (ixl.placement) of the participants that start
    from the first day of the edition to ``window_end`` (both included): the end of the
    observation window, a calendar date (``window_end_date``, e.g. "placements
    2018-2020") or else the end date + the window months:

    * placement rate = placements / participants (renewals and extensions are
      placements too, so it can exceed 100%);
    * employment rate = people with at least one placement / participants;
    * permanent start rate = people with a permanent contract / people employed;

    and the same on the participants who obtained the qualification. Participants are
    all the enrolments, dropouts included. Computed with one SQL query for any number
    of editions (``_get_indicator_counts``); the ratios come from ``indicators.py``.

    While a confirmed settlement of the edition stands, what it was computed from (cost,
    agreement, dates, window) is frozen: reverse the settlement to change them.
    """

    _name = "ixl.course.edition"
    _description = "Course edition"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    course_id = fields.Many2one("ixl.course", required=True, ondelete="restrict", index=True,
                                tracking=True)
    kind = fields.Selection(related="course_id.kind", store=True)
    provider_id = fields.Many2one(
        "res.partner", string="Training provider", required=True, ondelete="restrict",
        index=True, compute="_compute_provider_id", store=True, readonly=False,
        precompute=True, domain=[("is_training_provider", "=", True)], tracking=True,
    )
    agreement_id = fields.Many2one(
        "ixl.training.agreement", ondelete="restrict",
        compute="_compute_agreement_id", store=True, readonly=False, precompute=True,
        domain="[('provider_id', '=', provider_id)]", tracking=True,
    )
    delivery = fields.Selection(DELIVERIES, required=True, default="classroom", tracking=True)
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)
    hours = fields.Float(tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: programme_currency(self.env))
    total_cost = fields.Monetary(string="Total cost", tracking=True)
    company_ids = fields.Many2many(
        "res.partner", "ixl_course_edition_company_rel", "edition_id", "partner_id",
        string="Companies committed to hire", domain=[("is_company", "=", True)])
    package_ids = fields.One2many("ixl.training.package", "edition_id",
                                  string="Training packages")
    settlement_ids = fields.One2many("ixl.training.settlement", "edition_id",
                                     string="Settlements")
    window_months = fields.Integer(
        string="Observation window (months)", compute="_compute_window_months", store=True,
        readonly=False, precompute=True,
        help="Placements are counted up to this many months after the end of the course.")
    window_end_date = fields.Date(
        string="Observation window ends on", compute="_compute_window_end_date", store=True,
        readonly=False, precompute=True, tracking=True,
        help="A calendar date ending the observation window (e.g. placements 2018-2020: "
        "31/12/2020), instead of the months after the end of the course.")
    window_end = fields.Date(
        string="Observed until", compute="_compute_window_end", store=True,
        help="Last day on which a placement start counts for the indicators.")
    is_settled = fields.Boolean(
        compute="_compute_is_settled",
        help="A confirmed settlement stands: cost, agreement, dates and window are frozen.")
    note = fields.Text()
    participant_count = fields.Integer(string="Participants", compute="_compute_indicators")
    placement_count = fields.Integer(string="Placements", compute="_compute_indicators")
    employed_count = fields.Integer(string="People employed", compute="_compute_indicators")
    permanent_count = fields.Integer(string="People with a permanent contract",
                                     compute="_compute_indicators")
    qualified_count = fields.Integer(string="Qualified participants",
                                     compute="_compute_indicators")
    placement_rate = fields.Float(string="Placement rate (%)", digits=(16, 1),
                                  compute="_compute_indicators")
    employment_rate = fields.Float(string="Employment rate (%)", digits=(16, 1),
                                   compute="_compute_indicators")
    permanent_rate = fields.Float(string="Permanent start rate (%)", digits=(16, 1),
                                  compute="_compute_indicators")
    qualified_placement_rate = fields.Float(
        string="Placement rate of the qualified (%)", digits=(16, 1),
        compute="_compute_indicators")
    qualified_employment_rate = fields.Float(
        string="Employment rate of the qualified (%)", digits=(16, 1),
        compute="_compute_indicators")
    qualified_permanent_rate = fields.Float(
        string="Permanent start rate of the qualified (%)", digits=(16, 1),
        compute="_compute_indicators")

    @api.depends("course_id")
    def _compute_provider_id(self):
        for rec in self:
            if rec.course_id.provider_id and not rec.provider_id:
                rec.provider_id = rec.course_id.provider_id

    @api.depends("provider_id")
    def _compute_agreement_id(self):
        for rec in self:
            if rec.agreement_id.provider_id != rec.provider_id:
                rec.agreement_id = rec.provider_id.training_agreement_id

    @api.depends("agreement_id")
    def _compute_window_months(self):
        for rec in self:
            rec.window_months = rec.agreement_id.window_months if rec.agreement_id else 12

    @api.depends("agreement_id")
    def _compute_window_end_date(self):
        for rec in self:
            rec.window_end_date = rec.agreement_id.window_end_date

    @api.depends("date_end", "window_months", "window_end_date")
    def _compute_window_end(self):
        for rec in self:
            rec.window_end = rec.window_end_date or (rec.date_end and rec.date_end + relativedelta(
                months=rec.window_months))

    @api.depends("settlement_ids.state")
    def _compute_is_settled(self):
        for rec in self:
            rec.is_settled = any(s.state == "confirmed" and not s.is_reversal
                                 for s in rec.settlement_ids)

    def _ixl_frozen_fields(self):
        return set(SETTLED_FIELDS) if any(self.mapped("is_settled")) else set()

    @api.constrains("date_start", "date_end", "total_cost", "hours", "window_months",
                    "window_end_date")
    def _check_values(self):
        check_period(self, self.env._(
            "The end date of an edition cannot be before its start date."))
        for rec in self:
            if rec.total_cost < 0:
                raise ValidationError(self.env._("The total cost cannot be negative."))
            if rec.hours < 0 or rec.window_months < 0:
                raise ValidationError(self.env._(
                    "Hours and observation window cannot be negative."))
            if rec.window_end_date and rec.date_end and rec.window_end_date < rec.date_end:
                raise ValidationError(self.env._(
                    "The observation window of %(edition)s cannot end before the course.",
                    edition=rec.name))

    def _get_indicator_counts(self):
        """{edition id: {count name: value}} for all of ``self`` in one query."""
        result = {rec_id: dict.fromkeys(COUNTS, 0) for rec_id in self.ids}
        if not self.ids:
            return result
        self.env["ixl.training.package"].flush_model(["edition_id", "beneficiary_id", "outcome"])
        self.env["ixl.placement"].flush_model(["beneficiary_id", "date_start", "is_permanent"])
        self.flush_model(["date_start", "window_end"])
        qualified = SQL("pk.outcome = 'qualified'")
        query = SQL("""
            SELECT e.id,
                   COUNT(DISTINCT pk.beneficiary_id),
                   COUNT(pl.id),
                   COUNT(DISTINCT pl.beneficiary_id),
                   COUNT(DISTINCT pl.beneficiary_id) FILTER (WHERE pl.is_permanent),
                   COUNT(DISTINCT pk.beneficiary_id) FILTER (WHERE %(q)s),
                   COUNT(pl.id) FILTER (WHERE %(q)s),
                   COUNT(DISTINCT pl.beneficiary_id) FILTER (WHERE %(q)s),
                   COUNT(DISTINCT pl.beneficiary_id) FILTER (WHERE %(q)s AND pl.is_permanent)
              FROM ixl_course_edition e
              JOIN ixl_training_package pk ON pk.edition_id = e.id
         LEFT JOIN ixl_placement pl ON pl.beneficiary_id = pk.beneficiary_id
                                   AND pl.date_start >= e.date_start
                                   AND pl.date_start <= e.window_end
             WHERE e.id = ANY(%(ids)s)
          GROUP BY e.id
        """, q=qualified, ids=self.ids)
        for row in self.env.execute_query(query):
            result[row[0]] = dict(zip(COUNTS, row[1:], strict=True))
        return result

    @api.depends("package_ids.outcome", "package_ids.beneficiary_id", "date_start",
                 "window_end")
    def _compute_indicators(self):
        counts = self._get_indicator_counts()
        for rec in self:
            values = counts.get(rec.id) or dict.fromkeys(COUNTS, 0)
            rec.participant_count = values["participants"]
            rec.placement_count = values["placements"]
            rec.employed_count = values["employed"]
            rec.permanent_count = values["permanent"]
            rec.qualified_count = values["q_participants"]
            for field, _numerator, _denominator in RATES:
                rec[field] = rate_of(values, field) or 0.0

    def action_view_packages(self):
        return related_records_action(
            self, "ixl.training.package", "edition_id", self.env._("Training packages"))

    def action_new_settlement(self):
        self.ensure_one()
        settlement = self.env["ixl.training.settlement"].create({"edition_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ixl.training.settlement",
            "res_id": settlement.id,
            "view_mode": "form",
        }
