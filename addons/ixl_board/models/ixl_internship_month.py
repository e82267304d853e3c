import calendar
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, local_today, wizard_action

DAY_FIELDS = ("days_in_period", "days_suspended", "days_paid")
STARTED_STATES = ("ongoing", "done")  # of the internship: its months are paid


def overlap_days(start, end, other_start, other_end):
    """Days (both ends included) shared by two date periods; 0 when they are disjoint."""
    return max(0, (min(end, other_end) - max(start, other_start)).days + 1)


class IxlInternshipMonth(models.Model):
    """Monthly indemnity due for an internship, per calendar month.

    Rule: for each calendar month touched by the internship period,

    * ``days_in_period`` = days of the internship that fall in the month;
    * ``days_suspended`` = days of those under a suspension (any suspension);
    * ``days_paid`` = ``days_in_period`` minus the days of suspensions with
      ``indemnity_due`` False (by default a suspension is not paid; paying it is an
      explicit decision with its reason);
    * ``amount`` = ``monthly_indemnity`` (the rate of the line) * ``days_paid`` / days of
      that calendar month, times the share the regional rule grants for the month's
      recorded attendance (``_ixl_due``, full when none is recorded yet), rounded to cents
      with the internship's currency.

    Fixed lines: once the internship has started, the line of a month already past
    (Bologna) and any paid line never change: a new indemnity applies to the months
    still open, and a change that would lower a fixed month is refused. Days added to
    a fixed month (an extension starting in it) get a line of their own in that month.
    The lines are written only by ``_sync_internships`` and the payment action.
    """

    _name = "ixl.internship.month"
    _description = "Internship indemnity per month"
    _inherit = ["ixl.workflow.mixin"]
    _order = "internship_id, month, id"
    _ixl_locked_fields = ("internship_id", "month", "days_in_period", "days_suspended",
                          "days_paid", "monthly_indemnity", "amount", "paid_amount",
                          "paid_date")

    internship_id = fields.Many2one("ixl.internship", required=True, ondelete="cascade",
                                    index=True, readonly=True)
    partner_id = fields.Many2one(related="internship_id.partner_id", store=True,
                                 string="Company")
    month = fields.Date(required=True, readonly=True, help="First day of the month.")
    days_in_period = fields.Integer(string="Internship days", readonly=True)
    days_suspended = fields.Integer(string="Suspended days", readonly=True)
    days_paid = fields.Integer(string="Paid days", readonly=True)
    monthly_indemnity = fields.Monetary(string="Monthly rate", readonly=True,
                                        help="The monthly indemnity this line applies.")
    amount = fields.Monetary(string="Indemnity due", readonly=True)
    paid_amount = fields.Monetary(readonly=True, copy=False)
    paid_date = fields.Date(string="Paid on", readonly=True, copy=False)
    currency_id = fields.Many2one(related="internship_id.currency_id", store=True)
    is_fixed = fields.Boolean(compute="_compute_is_fixed",
                              help="Past or paid: this line no longer changes.")

    @api.depends_context("uid")
    @api.depends("internship_id", "month")
    def _compute_display_name(self):
        for line in self:
            month = line.month.strftime("%m/%Y") if line.month else ""
            line.display_name = f"{line.internship_id.display_name} - {month}"

    @api.depends("paid_date", "month", "internship_id.state")
    def _compute_is_fixed(self):
        today = local_today()
        for line in self:
            line.is_fixed = line._ixl_fixed(today)

    def _ixl_fixed(self, today):
        self.ensure_one()
        if self.paid_date:
            return True
        return self.internship_id.state in STARTED_STATES and \
            date_utils.end_of(self.month, "month") < today

    @api.ondelete(at_uninstall=False)
    def _unlink_except_fixed(self):
        if self._ixl_in_transition():
            return
        raise UserError(self.env._(
            "Indemnity lines follow the internship: they cannot be deleted by hand."))

    # PAYMENT

    def action_open_payment(self):
        self.ensure_one()
        return wizard_action(self.env._("Record the payment"), "ixl.internship.payment",
                             month_id=self.id)

    def _ixl_check_started_unpaid(self, not_started, paid):
        """Refuse a step on this line unless its internship has started (else
        ``not_started``) and the line is not paid yet (else ``paid``, naming the line as
        %(line)s and its payment date as %(date)s); messages translated by the caller."""
        self.ensure_one()
        if self.internship_id.state not in STARTED_STATES:
            raise UserError(not_started)
        if self.paid_date:
            raise UserError(paid % {"line": self.display_name, "date": self.paid_date})

    def _record_payment(self, date, amount):
        """Record that this line was paid ``amount`` on ``date`` (trusted: the payment
        wizard checked the group)."""
        self.ensure_one()
        today = local_today()
        self._ixl_check_started_unpaid(
            self.env._("Only the indemnity of a started internship is paid."),
            self.env._("%(line)s was already paid on %(date)s."))
        if not self.month <= date <= today:
            raise UserError(self.env._(
                "The payment date must be from the first day of the month (%(start)s) to "
                "today (%(today)s).", start=self.month, today=today))
        if amount <= 0:
            raise UserError(self.env._("The amount paid must be positive."))
        self._ixl_transition().write({"paid_amount": amount, "paid_date": date})
        self.internship_id.message_post(body=self.env._(
            "Indemnity of %(month)s paid on %(date)s: %(paid)s (due %(due)s).",
            month=self.month.strftime("%m/%Y"), date=date,
            paid=fmt_amount(self.env, amount, self.currency_id),
            due=fmt_amount(self.env, self.amount, self.currency_id)))

    # REBUILD

    @api.model
    def _sync_internships(self, internships):
        """Bring the lines of ``internships`` in line with their dates, indemnity and
        suspensions; fixed lines never change."""
        today = local_today()
        for internship in internships:
            wanted = self._prepare_month_days(internship)
            by_month = internship.month_ids.grouped("month")
            for month in sorted(set(wanted) | set(by_month)):
                self._sync_month(internship, month, wanted.get(month, (0, 0, 0)),
                                 by_month.get(month, self.browse()), today)

    @api.model
    def _sync_month(self, internship, month, wanted, lines, today):
        fixed = lines.filtered(lambda line: line._ixl_fixed(today))
        missing = [want - sum(fixed.mapped(name))
                   for want, name in zip(wanted, DAY_FIELDS, strict=True)]
        if any(days < 0 for days in missing):
            raise UserError(self.env._(
                "%(month)s of %(internship)s is already past or paid: its indemnity is fixed "
                "and cannot be lowered (dates or suspensions of that month).",
                month=month.strftime("%m/%Y"), internship=internship.display_name))
        open_lines = lines - fixed
        if not any(missing):
            open_lines._ixl_transition().unlink()
            return
        month_days = calendar.monthrange(month.year, month.month)[1]
        rate = internship.monthly_indemnity
        values = dict(zip(DAY_FIELDS, missing, strict=True), monthly_indemnity=rate,
                      amount=open_lines[:1]._ixl_due(internship, rate * missing[2] / month_days))
        (open_lines[1:])._ixl_transition().unlink()
        if open_lines:
            line = open_lines[0]
            if any(line[name] != value for name, value in values.items()):
                line._ixl_transition().write(values)
        else:
            self._ixl_transition().create(
                dict(values, internship_id=internship.id, month=month))

    @api.model
    def _prepare_month_days(self, internship):
        """{month: (days in period, days suspended, days paid)} of ``internship``."""
        if not (internship.date_start and internship.date_end) or \
                internship.date_end < internship.date_start:
            return {}
        suspensions = internship.suspension_ids.filtered(lambda s: s.date_from and s.date_to)
        result = {}
        month = date_utils.start_of(internship.date_start, "month")
        while month <= internship.date_end:
            month_end = date_utils.end_of(month, "month")
            start = max(month, internship.date_start)
            end = min(month_end, internship.date_end)
            days_suspended = days_unpaid = 0
            for suspension in suspensions:
                days = overlap_days(start, end, suspension.date_from, suspension.date_to)
                days_suspended += days
                if not suspension.indemnity_due:
                    days_unpaid += days
            days_in_period = (end - start).days + 1
            result[month] = (days_in_period, days_suspended, days_in_period - days_unpaid)
            month = month_end + timedelta(days=1)
        return result
