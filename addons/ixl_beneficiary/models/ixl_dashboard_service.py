"""Sections of the programme in numbers on the promise of the first interview within 15
days and on the services, missed appointments and refusals (issue 17).

Fixed number of queries whatever the data: one SQL query (with ``percentile_cont`` and a
ROLLUP for the period's total) and two counts for the 15-day promise; three grouped reads
for the services section.
"""
from collections import defaultdict

from odoo import models
from odoo.tools import SQL

from . import dashboard_tools as dt
from .dashboard_tools import PEOPLE, WITH_ARCHIVED
from .ixl_beneficiary_intake import FIRST_INTERVIEW_DAYS, WAITING_STATES
from .ixl_refusal import REFUSAL_KINDS, REFUSAL_REASONS
from .tools import local_today

SERVICE_COLUMNS = ("cv_rewrite", "italian_lesson", "job_offer")


class IxlDashboard(models.AbstractModel):
    _inherit = "ixl.dashboard"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ 15-day promise
    def _interview_wait_figures(self, period):
        """{(year, month) or None for the period: (held, on time, median, p90)}."""
        Beneficiary = self.env["ixl.beneficiary"]
        Beneficiary.flush_model(["interview_held_date", "interview_wait_days"])
        self.env.cr.execute(SQL(
            """SELECT date_trunc('month', interview_held_date)::date, COUNT(*),
                      COUNT(*) FILTER (WHERE interview_wait_days <= %(days)s),
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY interview_wait_days),
                      percentile_cont(0.9) WITHIN GROUP (ORDER BY interview_wait_days)
                 FROM ixl_beneficiary
                WHERE interview_held_date BETWEEN %(start)s AND %(stop)s
                GROUP BY ROLLUP (1)""",
            days=FIRST_INTERVIEW_DAYS, start=period.date_from, stop=period.date_to))
        return {dt.month_key(month): (held, on_time, median, p90)
                for month, held, on_time, median, p90 in self.env.cr.fetchall()}

    @dt.section("interview_wait", PEOPLE, 22)
    def _dashboard_interview_wait(self, period):
        _ = self.env._
        model = "ixl.beneficiary"
        figures = self._interview_wait_figures(period)
        held, on_time, median, p90 = figures.get(None, (0, 0, None, None))
        base = WITH_ARCHIVED + period.date_domain("interview_held_date")
        on_time_domain = [("interview_wait_days", "<=", FIRST_INTERVIEW_DAYS)]
        late_domain = [("interview_wait_days", ">", FIRST_INTERVIEW_DAYS)]
        blank = dt.text_cell("")
        summary = dt.block(_("First interview within %s days", FIRST_INTERVIEW_DAYS),
                           [_("Value"), "%"], [
            dt.row(_("First interviews held"), dt.count_cell(held, model, base), blank),
            dt.row(_("Within %s days of the registration", FIRST_INTERVIEW_DAYS),
                   dt.count_cell(on_time, model, base + on_time_domain),
                   dt.pct_cell(dt.percent(on_time, held))),
            dt.row(_("Later"), dt.count_cell(held - on_time, model, base + late_domain),
                   dt.pct_cell(dt.percent(held - on_time, held))),
            dt.row(_("Median wait (days)"), dt.float_cell(self._days(median)), blank),
            dt.row(_("90th percentile of the wait (days)"), dt.float_cell(self._days(p90)),
                   blank),
            *self._waiting_now_rows(),
        ])
        per_month = self._interview_wait_monthly(period, figures, on_time_domain)
        return {"title": _("The first interview within %s days", FIRST_INTERVIEW_DAYS),
                "blocks": [summary, per_month]}

    def _interview_wait_monthly(self, period, figures, on_time_domain):
        """Per month: interviews, on time, median wait, % on time; the total row last."""
        _ = self.env._
        model = "ixl.beneficiary"

        def cells(key, days):
            held, on_time, median, _p90 = figures.get(key, (0, 0, None, None))
            domain = WITH_ARCHIVED + days.date_domain("interview_held_date")
            return (dt.count_cell(held, model, domain),
                    dt.count_cell(on_time, model, domain + on_time_domain),
                    dt.float_cell(self._days(median)), dt.pct_cell(dt.percent(on_time, held)))

        rows = self._per_month_rows(period, cells)
        return dt.block(
            _("First interviews per month"),
            [_("First interviews"), _("Within %s days", FIRST_INTERVIEW_DAYS),
             _("Median wait (days)"), _("%% within %s days", FIRST_INTERVIEW_DAYS)],
            rows, chart="trend")

    def _waiting_now_rows(self):
        """People waiting for the first interview today, beyond and within the deadline
        (whatever the period: it is the situation now)."""
        _ = self.env._
        Beneficiary = self.env["ixl.beneficiary"]
        today = local_today().isoformat()
        waiting = [("state", "in", WAITING_STATES), ("interview_held_date", "=", False)]
        late = waiting + [("interview_deadline", "<", today)]
        in_time = waiting + [("interview_deadline", ">=", today)]
        blank = dt.text_cell("")
        return [
            dt.row(_("Waiting now beyond the deadline"), dt.count_cell(
                Beneficiary.search_count(late), "ixl.beneficiary", late), blank),
            dt.row(_("Waiting now within the deadline"), dt.count_cell(
                Beneficiary.search_count(in_time), "ixl.beneficiary", in_time), blank),
        ]

    @staticmethod
    def _days(value):
        """Days with one decimal, half up (None without data)."""
        return None if value is None else dt.round_half_up(value, 1)

    # ------------------------------------------------------------------ services
    @dt.section("services", PEOPLE, 40)
    def _dashboard_services(self, period):
        _ = self.env._
        base = period.date_domain("date")
        services = defaultdict(int)
        for month, stype, count in self.env["ixl.service"]._read_group(
                base, ["date:month", "service_type"], ["__count"]):
            services[dt.month_key(month), stype] += count
            services[None, stype] += count
        missed = dt.with_total({dt.month_key(month): count for month, count in
                                self.env["ixl.missed.appointment"]._read_group(
                                    base, ["date:month"], ["__count"])})
        refusals = self.env["ixl.refusal"]._read_group(
            base, ["date:month", "reason", "kind"], ["__count"])
        by_month, by_reason, by_kind = defaultdict(int), defaultdict(int), defaultdict(int)
        for month, reason, kind, count in refusals:
            by_month[dt.month_key(month)] += count
            by_reason[reason] += count
            by_kind[kind] += count
        total = sum(by_month.values())
        reasons = self._selection_labels("ixl.refusal", "reason")
        kinds = self._selection_labels("ixl.refusal", "kind")
        return {"title": _("Services, missed appointments and refusals"), "blocks": [
            self._services_block(period, services),
            self._missed_refusals_block(period, missed, dt.with_total(by_month)),
            dt.block(_("Refusals by reason"), [_("Refusals"), "%"], dt.share_rows(
                [(reasons[key], by_reason[key], [("reason", "=", key)])
                 for key, _label in REFUSAL_REASONS], total, "ixl.refusal", base),
                chart="doughnut"),
            dt.block(_("Refusals: what was refused"), [_("Refusals"), "%"], dt.share_rows(
                [(kinds[key], by_kind[key], [("kind", "=", key)])
                 for key, _label in REFUSAL_KINDS], total, "ixl.refusal", base),
                chart="hbar"),
        ]}

    def _services_block(self, period, services):
        """``services``: {(month key or None for the period, service type): count}."""
        _ = self.env._

        def cells(key, days):
            return [dt.count_cell(services.get((key, column), 0), "ixl.service",
                                  days.date_domain("date") + [("service_type", "=", column)])
                    for column in SERVICE_COLUMNS]

        return dt.block(_("Services per month"), [
            _("CVs reviewed with an operator"), _("One-to-one Italian lessons"),
            _("Job offers signalled")], self._per_month_rows(period, cells), chart="bar")

    def _missed_refusals_block(self, period, missed, refusals):
        """``missed``, ``refusals``: {month key or None for the period: count}."""
        _ = self.env._

        def cells(key, days):
            domain = days.date_domain("date")
            return (dt.count_cell(missed.get(key, 0), "ixl.missed.appointment", domain),
                    dt.count_cell(refusals.get(key, 0), "ixl.refusal", domain))

        return dt.block(_("Missed appointments and refusals per month"),
                        [_("Missed appointments"), _("Refusals")],
                        self._per_month_rows(period, cells), chart="bar")
