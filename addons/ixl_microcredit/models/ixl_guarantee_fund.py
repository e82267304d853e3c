from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models.tools import (
    fmt_amount,
    local_today,
    lock_rows,
    programme_currency,
)

from .operations import MONEY_GROUPS, operation_date, require_group

FIGURES = ("ceiling", "committed", "losses_paid", "recovered", "net_losses", "used",
           "free_capacity", "deposited", "utilisation")
# Effects that change what the fund uses (committed + net losses), for the pace.
USAGE_EFFECTS = ("committed", "released", "recovery")
DAYS_PER_MONTH = 365.25 / 12


class IxlGuaranteeFund(models.Model):
    """The guarantee fund deposited at the bank (Emil Banca) backing Credito Sociale.

    Every figure is a sum over the ledger (``ixl.fund.move``) as of a day: the lines
    dated up to that day, grouped in SQL (the fields show today's, in Bologna):
    ceiling = ceiling changes; committed = committed + released + called;
    losses paid = - called; net losses = losses paid - recoveries;
    used = committed + net losses; free capacity = ceiling - used.
    Every posting locks the fund row (``lock_rows``) so that two approvals can never
    both take the last free capacity, and a posting that lowers the free capacity on a
    day must fit on that day and on every later day of the ledger.
    """

    _name = "ixl.guarantee.fund"
    _description = "Guarantee fund"
    _inherit = ["mail.thread", "mail.activity.mixin", "ixl.workflow.mixin"]
    _order = "name"
    _ixl_locked_fields = ("posting_count", "ceiling_ids", "move_ids")

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True,
                            help="Archive a closed fund: its past figures stay.")
    bank_id = fields.Many2one("res.partner", required=True, tracking=True,
                              domain=[("is_company", "=", True)], ondelete="restrict")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: programme_currency(self.env))
    warning_threshold = fields.Float(string="Warning threshold (%)", default=80.0,
                                     tracking=True)
    ceiling_ids = fields.One2many("ixl.fund.ceiling", "fund_id", string="Ceiling history")
    move_ids = fields.One2many("ixl.fund.move", "fund_id", string="Ledger")
    loan_ids = fields.One2many("ixl.loan", "fund_id", string="Loans")
    posting_count = fields.Integer(readonly=True, copy=False,
                                   help="Bumped at every posting, under the row lock.")
    ceiling = fields.Monetary(compute="_compute_figures")
    committed = fields.Monetary(compute="_compute_figures")
    losses_paid = fields.Monetary(compute="_compute_figures")
    recovered = fields.Monetary(compute="_compute_figures")
    net_losses = fields.Monetary(compute="_compute_figures")
    used = fields.Monetary(string="Used (committed + net losses)", compute="_compute_figures")
    free_capacity = fields.Monetary(compute="_compute_figures")
    deposited = fields.Monetary(compute="_compute_figures")
    utilisation = fields.Float(string="Utilisation (%)", compute="_compute_figures")
    is_over_threshold = fields.Boolean(string="Over the warning threshold",
                                       compute="_compute_figures")
    monthly_pace = fields.Monetary(string="Net monthly commitment (last 12 months)",
                                   compute="_compute_forecast")
    forecast_date = fields.Date(string="Threshold reached on", compute="_compute_forecast")
    outstanding = fields.Monetary(string="Outstanding loans", compute="_compute_portfolio")
    outstanding_at_risk = fields.Monetary(string="Outstanding at risk (> 30 days)",
                                          compute="_compute_portfolio")
    portfolio_at_risk = fields.Float(string="Portfolio at risk (%)",
                                     compute="_compute_portfolio")

    @api.constrains("warning_threshold")
    def _check_warning_threshold(self):
        for fund in self:
            if not 0 < fund.warning_threshold <= 100:
                raise ValidationError(self.env._(
                    "The warning threshold must be between 0 and 100%."))

    # Figures --------------------------------------------------------------

    def _ixl_frozen_fields(self):
        return {"currency_id"} if self.filtered("move_ids") else set()

    def _ledger_figures(self, date=None):
        """{fund id: {figure: value}} as of ``date`` (default today in Bologna): the
        ledger lines dated up to that day, summed by PostgreSQL."""
        day = fields.Date.to_date(date) or local_today()
        sums = defaultdict(float)
        groups = self.env["ixl.fund.move"].sudo()._read_group(
            [("fund_id", "in", self.ids), ("date", "<=", day)], ["fund_id", "effect_type"],
            ["amount:sum"])
        for fund, effect, amount in groups:
            sums[fund.id, effect] = amount
        return {fund.id: fund._figures_from_sums(sums) for fund in self}

    def _timeline(self, date):
        """[(day, ceiling, used)] of the fund as of ``date`` and on every later day of its
        ledger, in date order: what a posting dated ``date`` changes."""
        self.ensure_one()
        rnd = self.currency_id.round  # read before the query: it may run one
        self.env["ixl.fund.move"].flush_model(["fund_id", "date", "effect_type", "amount"])
        self.env.cr.execute(SQL(
            """WITH daily AS (
                   SELECT date,
                          SUM(amount) FILTER (WHERE effect_type = 'ceiling') AS ceiling,
                          SUM(CASE WHEN effect_type IN ('committed', 'released') THEN amount
                                   WHEN effect_type = 'recovery' THEN -amount END) AS used
                     FROM ixl_fund_move WHERE fund_id = %(fund)s GROUP BY date),
               running AS (
                   SELECT date, SUM(COALESCE(ceiling, 0)) OVER w AS ceiling,
                          SUM(COALESCE(used, 0)) OVER w AS used
                     FROM daily WINDOW w AS (ORDER BY date))
               SELECT %(day)s::date, COALESCE(SUM(ceiling), 0), COALESCE(SUM(used), 0)
                 FROM daily WHERE date <= %(day)s
               UNION ALL
               SELECT date, ceiling, used FROM running WHERE date > %(day)s
               ORDER BY 1""", fund=self.id, day=fields.Date.to_date(date)))
        rows = self.env.cr.fetchall()
        return [(day, rnd(ceiling), rnd(used)) for day, ceiling, used in rows]

    def _lowest_free(self, date):
        """(free capacity, day): the lowest free capacity of the fund on ``date`` or on a
        later day of its ledger, and that day."""
        day, ceiling, used = min(self._timeline(date), key=lambda row: (row[1] - row[2], row[0]))
        return self.currency_id.round(ceiling - used), day

    def _figures_from_sums(self, sums):
        rnd = self.currency_id.round

        def total(effect):
            return sums.get((self.id, effect), 0.0)

        ceiling = rnd(total("ceiling"))
        committed = rnd(total("committed") + total("released") + total("called"))
        losses_paid = rnd(-total("called"))
        recovered = rnd(total("recovery"))
        used = rnd(committed + losses_paid - recovered)
        return {
            "ceiling": ceiling,
            "committed": committed,
            "losses_paid": losses_paid,
            "recovered": recovered,
            "net_losses": rnd(losses_paid - recovered),
            "used": used,
            "free_capacity": rnd(ceiling - used),
            "deposited": rnd(total("deposit")),
            "utilisation": round(100.0 * used / ceiling, 2) if ceiling else 0.0,
        }

    @api.depends("move_ids.amount", "warning_threshold")
    def _compute_figures(self):
        """Today's figures (Bologna): a ceiling change dated later does not count yet."""
        figures = self.filtered("id")._ledger_figures()
        for fund in self:
            values = figures.get(fund.id) or dict.fromkeys(FIGURES, 0.0)
            fund.update(values)
            fund.is_over_threshold = bool(values["ceiling"]) and (
                values["utilisation"] >= fund.warning_threshold)

    @api.depends("move_ids.amount", "warning_threshold")
    @api.depends_context("date")
    def _compute_forecast(self):
        """Date on which the fund's use reaches the warning threshold if commitments go
        on at the pace of the last 12 months (net monthly commitment)."""
        today = local_today()
        start = today - relativedelta(months=12)
        pace = dict(self.env["ixl.fund.move"].sudo()._read_group(
            [("fund_id", "in", self.filtered("id").ids), ("date", ">", start),
             ("date", "<=", today), ("effect_type", "in", USAGE_EFFECTS)],
            ["fund_id"], ["amount:sum"]))
        for fund in self:
            fund.monthly_pace = fund.currency_id.round(pace.get(fund, 0.0) / 12)
            fund.forecast_date = fund._forecast(today, fund.monthly_pace)

    def _forecast(self, today, monthly_pace):
        if not self.ceiling:
            return False
        gap = self.ceiling * self.warning_threshold / 100 - self.used
        if gap <= 0:
            return today
        if monthly_pace <= 0:
            return False
        return today + timedelta(days=round(gap / monthly_pace * DAYS_PER_MONTH))

    @api.depends_context("date")
    def _compute_portfolio(self):
        """Portfolio at risk: outstanding of loans with an instalment overdue by more
        than 30 days / total outstanding, over loans being repaid."""
        self.env["ixl.loan"].flush_model(["fund_id", "state", "amount_outstanding"])
        self.env["ixl.loan.instalment"].flush_model(["loan_id", "due_date", "amount",
                                                     "paid_amount"])
        late = local_today() - timedelta(days=30)
        rows = {}
        if self.filtered("id"):
            self.env.cr.execute(SQL(
                """SELECT l.fund_id, SUM(l.amount_outstanding),
                          SUM(l.amount_outstanding) FILTER (WHERE EXISTS (
                              SELECT 1 FROM ixl_loan_instalment i
                               WHERE i.loan_id = l.id AND i.due_date < %(late)s
                                 AND COALESCE(i.paid_amount, 0) < i.amount))
                     FROM ixl_loan l
                    WHERE l.fund_id IN %(ids)s AND l.state IN ('disbursed', 'repaying')
                 GROUP BY l.fund_id""",
                late=late, ids=tuple(self.filtered("id").ids)))
            rows = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for fund in self:
            total, at_risk = rows.get(fund.id, (0.0, 0.0))
            fund.outstanding = total or 0.0
            fund.outstanding_at_risk = at_risk or 0.0
            fund.portfolio_at_risk = round(100.0 * (at_risk or 0.0) / total, 2) if total else 0.0

    # Postings -------------------------------------------------------------

    def _post(self, vals_list):
        """Post ledger lines on the fund, under its lock; refuse them when they lower the
        free capacity below zero on their day or on any later day. Returns the lines."""
        self.ensure_one()
        lock_rows(self, "posting_count")
        before = self._ledger_figures()[self.id]
        moves = self.env["ixl.fund.move"].sudo()._ixl_transition().create(
            [{**vals, "fund_id": self.id} for vals in vals_list])
        if self.currency_id.compare_amounts(moves._free_delta(), 0) < 0:
            free, day = self._lowest_free(min(moves.mapped("date")))
            if self.currency_id.compare_amounts(free, 0) < 0:
                figures = self._ledger_figures(day)[self.id]
                raise UserError(self.env._(
                    "Refused: on %(date)s the fund %(fund)s would use %(used)s, above its "
                    "ceiling of %(ceiling)s.", date=format_date(self.env, day), fund=self.name,
                    used=fmt_amount(self.env, figures["used"], self.currency_id),
                    ceiling=fmt_amount(self.env, figures["ceiling"], self.currency_id)))
        self.invalidate_recordset()
        self._warn_threshold(before, self._ledger_figures()[self.id])
        return moves

    def _warn_threshold(self, before, after):
        """When the use crosses the warning threshold, a to-do for every finance user."""
        limit = self.warning_threshold
        if not after["ceiling"] or after["utilisation"] < limit or (
                before["ceiling"] and before["utilisation"] >= limit):
            return
        users = self.env.ref("ixl_beneficiary.group_ixl_finance").sudo().users.filtered(
            lambda u: u.active and not u.share)
        for user in users:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_warning", user_id=user.id,
                summary=self.env._("Guarantee fund over %(limit)s%%", limit=limit),
                note=self.env._(
                    "The fund %(fund)s uses %(rate)s%% of its ceiling: consider raising it.",
                    fund=self.name, rate=after["utilisation"]))

    def change_ceiling(self, date, amount, reference):
        """Set a new ceiling from ``date`` (a decision, possibly taking effect later),
        posting the difference. It cannot go below what the fund uses on that day or
        any later day."""
        self.ensure_one()
        require_group(self, *MONEY_GROUPS)
        date = fields.Date.to_date(date)
        if not date:
            raise UserError(self.env._("Give the date from which the ceiling applies."))
        if amount <= 0:
            raise UserError(self.env._("The ceiling must be a positive amount."))
        if not reference:
            raise UserError(self.env._("Give the reference of the decision on the ceiling."))
        last = self.ceiling_ids.sorted(lambda line: (line.date, line.id))[-1:]
        if last and date < last.date:
            raise UserError(self.env._(
                "The ceiling change must not be dated before the last one (%(date)s).",
                date=last.date))
        lock_rows(self, "posting_count")
        timeline = self._timeline(date)
        peak = max(used for _day, _ceiling, used in timeline)
        if self.currency_id.compare_amounts(amount, peak) < 0:
            raise UserError(self.env._(
                "The ceiling cannot be lowered to %(amount)s: %(used)s is committed or lost.",
                amount=fmt_amount(self.env, amount, self.currency_id),
                used=fmt_amount(self.env, peak, self.currency_id)))
        move = self._post([{"date": date, "move_type": "ceiling", "name": reference,
                            "amount": amount - timeline[0][1]}])
        self.env["ixl.fund.ceiling"].sudo()._ixl_transition().create({
            "fund_id": self.id, "date": date, "amount": amount,
            "decision_reference": reference, "move_id": move.id})
        return True

    def record_deposit(self, date, amount, reference):
        """Record money deposited on the fund at the bank (on a past day or today)."""
        self.ensure_one()
        require_group(self, *MONEY_GROUPS)
        if amount <= 0:
            raise UserError(self.env._("A deposit must be a positive amount."))
        day = operation_date(self, date)
        self._post([{"date": day, "move_type": "deposit", "amount": amount,
                     "name": reference}])
        return True

    # Actions --------------------------------------------------------------

    def action_open_moves(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ixl_microcredit.ixl_fund_move_action")
        action["domain"] = [("fund_id", "=", self.id)]
        return action
