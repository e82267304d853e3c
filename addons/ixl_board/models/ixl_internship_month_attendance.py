import calendar

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, local_today, wizard_action

from .ixl_internship_month import IxlInternshipMonth as BaseMonth

ATTENDANCE_FIELDS = ("hours_planned", "hours_attended", "attendance_percent",
                     "attendance_date", "below_threshold")


class IxlInternshipMonth(models.Model):
    """Monthly attendance (presenze) of an internship and what it makes due.

    Staff record, for a month already begun, the hours planned by the training project
    for the month and the hours attended (the attendance register). The regional rule in
    force on the internship's start date decides the share of the month's indemnity due:
    full at or above its threshold (70%), below it nothing or a proportional share (a
    parameter of the rule). Until attendance is recorded the line shows the full
    indemnity. A paid line no longer changes; a month past but unpaid does when its
    attendance is recorded."""

    _inherit = "ixl.internship.month"
    _ixl_locked_fields = BaseMonth._ixl_locked_fields + ATTENDANCE_FIELDS

    hours_planned = fields.Float(string="Hours planned", readonly=True, copy=False)
    hours_attended = fields.Float(string="Hours attended", readonly=True, copy=False)
    attendance_percent = fields.Float(string="Attendance (%)", readonly=True, copy=False,
                                      digits=(5, 2))
    attendance_date = fields.Date(string="Attendance recorded on", readonly=True, copy=False)
    below_threshold = fields.Boolean(
        string="Below the attendance threshold", readonly=True, copy=False,
        help="The month's attendance is below the regional threshold: the indemnity is "
             "not due in full.")
    full_amount = fields.Monetary(
        string="Full indemnity", compute="_compute_full_amount",
        help="The indemnity of the month's paid days at full attendance.")

    @api.depends("monthly_indemnity", "days_paid", "month")
    def _compute_full_amount(self):
        for line in self:
            line.full_amount = line.internship_id.currency_id.round(line._ixl_base())

    def _ixl_base(self):
        self.ensure_one()
        if not self.month:
            return 0.0
        days = calendar.monthrange(self.month.year, self.month.month)[1]
        return self.monthly_indemnity * self.days_paid / days

    def _ixl_due(self, internship, base):
        """``base`` (the indemnity of the paid days) times the share due for this line's
        recorded attendance under the internship's rule, rounded to cents. An empty
        ``self`` (a new line) or a line without attendance is due in full."""
        factor = 1.0
        if self[:1].attendance_date:
            rule = self.env["ixl.internship.rule"]._ixl_rule_on(internship.date_start)
            if rule:
                factor = rule._ixl_due_factor(self.attendance_percent)
        return internship.currency_id.round(base * factor)

    # ACTIONS

    def action_open_attendance(self):
        self.ensure_one()
        return wizard_action(self.env._("Record the attendance"), "ixl.internship.attendance",
                             month_id=self.id)

    def _record_attendance(self, hours_planned, hours_attended):
        """Record the month's attendance and apply the rule to its indemnity (trusted: the
        attendance wizard checked the group and the access)."""
        self.ensure_one()
        internship = self.internship_id
        self._ixl_check_attendance(hours_planned, hours_attended)
        percent = round(100.0 * hours_attended / hours_planned, 2)
        rule = self.env["ixl.internship.rule"]._ixl_rule_on(internship.date_start)
        below = bool(rule) and percent < rule.attendance_threshold
        self._ixl_transition().write({
            "hours_planned": hours_planned, "hours_attended": hours_attended,
            "attendance_percent": percent, "attendance_date": local_today(),
            "below_threshold": below})
        self._ixl_transition().write({"amount": self._ixl_due(internship, self._ixl_base())})
        internship.message_post(body=self.env._(
            "Attendance of %(month)s: %(attended)s of %(planned)s hours (%(percent)s%%); "
            "indemnity due %(due)s.", month=self.month.strftime("%m/%Y"),
            attended=hours_attended, planned=hours_planned, percent=percent,
            due=fmt_amount(self.env, self.amount, self.currency_id)))

    def _ixl_check_attendance(self, hours_planned, hours_attended):
        self._ixl_check_started_unpaid(
            self.env._("Attendance is recorded for a started internship."),
            self.env._("%(line)s was already paid on %(date)s: its attendance no longer changes."))
        if self.month > local_today():
            raise UserError(self.env._(
                "%(month)s has not begun yet: record its attendance from the first day of "
                "the month.", month=self.month.strftime("%m/%Y")))
        if hours_planned <= 0 or not 0 <= hours_attended <= hours_planned:
            raise UserError(self.env._(
                "The hours planned must be positive and the hours attended from 0 to the "
                "hours planned."))
