from decimal import Decimal
from fractions import Fraction
from math import floor

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.ixl_beneficiary.models import dashboard_tools as dt
from odoo.addons.ixl_beneficiary.models.tools import fmt_amount, local_today, wizard_action

from .indicators import exact_rate, rate, terms
from .ixl_training_agreement import INDICATORS

STATES = [("draft", "Draft"), ("confirmed", "Confirmed"), ("reversed", "Reversed")]
# The states each action accepts (the buttons' flags use the same tuples): a draft is
# updated, confirmed or deleted; a confirmed settlement (not a reversal) is reversed.
DRAFT_STATES = ("draft",)
REVERSE_STATES = ("confirmed",)
COORDINATOR = "ixl_beneficiary.group_ixl_coordinator"
# Taken from the edition and its agreement (the snapshot) and the figures computed on
# them; written only by the actions, frozen once confirmed.
SNAPSHOT_FIELDS = ("total_cost", "risk_share", "indicator", "target_value",
                   "indicator_numerator", "indicator_denominator", "window_end")
FIGURE_FIELDS = ("indicator_value", "achievement")
MONEY_FIELDS = ("amount_guaranteed", "amount_at_risk", "amount_earned", "amount_retained",
                "amount_due")
DECISION_FIELDS = ("state", "is_reversal", "reversed_settlement_id", "reversal_id",
                   "confirmed_by_id", "confirmed_on", "early_reason")


def exact(value):
    """A stored number (a float of the database) as the exact decimal it stands for."""
    return Fraction(Decimal(str(value or 0)))


def half_up_cents(value):
    """A non-negative exact amount rounded to the cent, half up (the only rounding)."""
    return Decimal(floor(value * 100 + Fraction(1, 2))) / 100


def settle(total_cost, risk_share, achieved, target):
    """The amounts of a settlement, exact until each amount is rounded to the cent.

    ``achieved`` is the exact indicator value (a Fraction, in %), the others are the
    snapshot's numbers. at risk and earned are rounded once, half up; the other amounts
    follow from them by exact subtraction, so guaranteed + at risk = cost, earned +
    retained = at risk and due = guaranteed + earned, to the cent."""
    cost = exact(total_cost)
    target = exact(target)
    ratio = min(max(Fraction(achieved) / target, Fraction(0)), Fraction(1)) if target else 1
    at_risk_exact = cost * exact(risk_share) / 100
    at_risk = half_up_cents(at_risk_exact)
    earned = half_up_cents(at_risk_exact * ratio)
    guaranteed = Decimal(str(total_cost or 0)) - at_risk
    return {
        "achievement": dt.round_half_up(ratio.numerator, ratio.denominator, 100),
        "amount_at_risk": float(at_risk),
        "amount_guaranteed": float(guaranteed),
        "amount_earned": float(earned),
        "amount_retained": float(at_risk - earned),
        "amount_due": float(guaranteed + earned),
    }


class IxlTrainingSettlement(models.Model):
    """Risk-sharing settlement of a course edition with its training provider.

    With C the total cost of the edition, s the risk share of the agreement (%), I the
    value of the agreement indicator and T its target:

    * at risk = C x s / 100
    * guaranteed to the provider = C - at risk
    * earned from the at-risk part = at risk x min(I / T, 1) (proportional, capped at
      100%)
    * retained by IXL = at risk - earned
    * due to the provider = guaranteed + earned

    I is exact (the counts of the edition, ``indicators.py``), never the rounded
    percentage shown; each amount is rounded once, to the cent, half up (``settle``).

    The snapshot (cost, share, indicator, counts, window) and the amounts are written
    only by the actions (``ixl.workflow.mixin``): taken from the edition when the draft
    is created or updated. A coordinator confirms it, after the observation window of
    the edition (or before it, recording why); then it is locked: neither edited nor
    deleted. Changing it means reversing it: a confirmed reversal with the exactly
    opposite amounts points to the original, and a new draft is opened. At most one
    settlement of an edition is neither reversed nor a reversal.
    """

    _name = "ixl.training.settlement"
    _description = "Risk-sharing settlement"
    _inherit = ["mail.thread", "ixl.workflow.mixin"]
    _order = "edition_id, id desc"
    _ixl_locked_fields = SNAPSHOT_FIELDS + FIGURE_FIELDS + MONEY_FIELDS + DECISION_FIELDS
    _ixl_action_states = {"is_draft": DRAFT_STATES, "can_reverse": REVERSE_STATES}

    name = fields.Char(compute="_compute_name", store=True)
    edition_id = fields.Many2one("ixl.course.edition", required=True,
                                 ondelete="restrict", index=True)
    provider_id = fields.Many2one(related="edition_id.provider_id", store=True,
                                  string="Training provider")
    state = fields.Selection(STATES, default="draft", required=True, readonly=True,
                             copy=False, tracking=True)
    date = fields.Date(default=lambda self: local_today(), required=True)
    currency_id = fields.Many2one(related="edition_id.currency_id")
    total_cost = fields.Monetary(readonly=True, copy=False)
    risk_share = fields.Float(string="Risk share (%)", readonly=True, copy=False)
    indicator = fields.Selection(INDICATORS, readonly=True, copy=False)
    target_value = fields.Float(string="Target (%)", readonly=True, copy=False)
    indicator_numerator = fields.Integer(
        string="Counted", readonly=True, copy=False,
        help="Placements (placement rate) or people employed (employment rate) counted "
        "in the observation window when the figures were taken.")
    indicator_denominator = fields.Integer(string="Participants", readonly=True, copy=False)
    window_end = fields.Date(string="Observed until", readonly=True, copy=False)
    indicator_value = fields.Float(
        string="Indicator value (%)", digits=(16, 1), readonly=True, copy=False,
        help="Counted / participants, shown with one decimal; the amounts use the exact "
        "value.")
    achievement = fields.Float(string="Achievement (%)", digits=(16, 1), readonly=True,
                               copy=False, help="min(indicator / target, 1), as a percentage.")
    amount_guaranteed = fields.Monetary(string="Guaranteed to the provider", readonly=True,
                                        copy=False)
    amount_at_risk = fields.Monetary(string="At risk", readonly=True, copy=False)
    amount_earned = fields.Monetary(string="Earned from the at-risk part", readonly=True,
                                    copy=False)
    amount_retained = fields.Monetary(string="Retained by IXL", readonly=True, copy=False)
    amount_due = fields.Monetary(string="Due to the provider", readonly=True, copy=False)
    is_reversal = fields.Boolean(readonly=True, copy=False)
    reversed_settlement_id = fields.Many2one(
        "ixl.training.settlement", string="Reverses", readonly=True, copy=False,
        ondelete="restrict", help="The confirmed settlement this reversal cancels.")
    reversal_id = fields.Many2one("ixl.training.settlement", string="Reversed by",
                                  readonly=True, copy=False, ondelete="restrict")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_on = fields.Datetime(readonly=True, copy=False)
    early_reason = fields.Text(
        string="Why confirmed before the window ended", readonly=True, copy=False,
        tracking=True)
    window_open = fields.Boolean(
        compute="_compute_window_open",
        help="The observation window of the edition has not ended yet.")
    note = fields.Text()
    is_draft = fields.Boolean(compute="_compute_ixl_action_flags")
    can_reverse = fields.Boolean(compute="_compute_ixl_action_flags")

    @api.depends("edition_id.name", "is_reversal")
    def _compute_name(self):
        for rec in self:
            prefix = self.env._("Reversal") if rec.is_reversal else self.env._("Settlement")
            rec.name = f"{prefix} {rec.edition_id.name or ''}".strip()

    @api.depends("edition_id.window_end")
    def _compute_window_open(self):
        today = local_today()
        for rec in self:
            rec.window_open = bool(rec.edition_id.window_end) and today <= rec.edition_id.window_end

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: not r.is_reversal):
            rec._ixl_transition().write(rec._snapshot_values())
        return records

    def _ixl_frozen_fields(self):
        if any(rec.state not in DRAFT_STATES for rec in self):
            return {"edition_id", "date", "note"}
        return {"edition_id"}

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if self.filtered(lambda r: r.state not in DRAFT_STATES):
            raise UserError(self.env._(
                "A confirmed settlement is locked and cannot be deleted."))

    @api.constrains("edition_id", "state", "is_reversal")
    def _check_one_open(self):
        for rec in self.filtered(lambda r: not r.is_reversal and r.state != "reversed"):
            if self.search_count([("edition_id", "=", rec.edition_id.id), ("id", "!=", rec.id),
                                  ("is_reversal", "=", False), ("state", "!=", "reversed")]):
                raise ValidationError(self.env._(
                    "%(edition)s already has a settlement: reverse it to settle again.",
                    edition=rec.edition_id.name))

    # ------------------------------------------------------------------ BUSINESS
    def _snapshot_values(self):
        """The snapshot of the edition and its agreement, and the amounts computed on it."""
        self.ensure_one()
        edition, agreement = self.edition_id, self.edition_id.agreement_id
        if not agreement:
            raise UserError(self.env._(
                "%(edition)s has no agreement with its provider: the settlement needs "
                "the risk share, the indicator and the target.", edition=edition.name))
        numerator, denominator = terms(edition._get_indicator_counts()[edition.id],
                                       agreement.indicator)
        values = {
            "total_cost": edition.total_cost,
            "risk_share": agreement.risk_share,
            "indicator": agreement.indicator,
            "target_value": agreement.target_value,
            "indicator_numerator": numerator,
            "indicator_denominator": denominator,
            "window_end": edition.window_end,
            "indicator_value": rate(numerator, denominator) or 0.0,
        }
        return {**values, **settle(edition.total_cost, agreement.risk_share,
                                   exact_rate(numerator, denominator), agreement.target_value)}

    def _is_stale(self):
        """Whether the edition's figures changed since the snapshot was taken."""
        self.ensure_one()
        current = self._snapshot_values()
        return any(self._ixl_changes(name, current[name]) for name in SNAPSHOT_FIELDS)

    def _check_coordinator(self):
        if not self.env.user.has_group(COORDINATOR):
            raise AccessError(self.env._("Only a coordinator can confirm or reverse a "
                                         "settlement."))

    def _check_confirmable(self, early_reason=False):
        for rec in self:
            if rec.state not in DRAFT_STATES:
                raise UserError(self.env._("Only a draft settlement can be confirmed."))
            if rec._is_stale():
                raise UserError(self.env._(
                    "The figures of %(edition)s changed since this draft was prepared: "
                    "update them (Update figures) and check them before confirming.",
                    edition=rec.edition_id.name))
            if rec.window_open and not early_reason:
                raise UserError(self.env._(
                    "The observation window of %(edition)s ends on %(date)s: confirming now "
                    "would settle on the placements counted so far (%(retained)s retained "
                    "by IXL). Confirm after that day, or use \"Confirm before the window "
                    "ends\" and record why.",
                    edition=rec.edition_id.name,
                    date=format_date(self.env, rec.edition_id.window_end),
                    retained=fmt_amount(self.env, rec.amount_retained, rec.currency_id)))

    def _confirm(self, early_reason=False):
        self._check_coordinator()
        self._check_confirmable(early_reason)
        values = {"state": "confirmed", "confirmed_by_id": self.env.user.id,
                  "confirmed_on": fields.Datetime.now()}
        if early_reason:
            values["early_reason"] = early_reason
        self._ixl_transition().write(values)
        return True

    # ------------------------------------------------------------------ ACTIONS
    def action_refresh(self):
        """Take the figures again from the edition (drafts; who may edit settlements)."""
        self.check_access("write")
        if self.filtered(lambda r: r.state not in DRAFT_STATES):
            raise UserError(self.env._("Only a draft settlement can be updated."))
        for rec in self:
            rec._ixl_transition().write(rec._snapshot_values())
        return True

    def action_confirm(self):
        """Confirm (coordinators), once the observation window of the edition has ended."""
        return self._confirm()

    def action_confirm_early(self, reason):
        """Confirm before the observation window ends (coordinators), keeping why."""
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._(
                "Write why the settlement is confirmed before the observation window ends."))
        return self._confirm(early_reason=reason)

    def action_open_confirm_early(self):
        self.ensure_one()
        self._check_coordinator()
        return wizard_action(self.env._("Confirm before the window ends"),
                             "ixl.training.settlement.early", settlement_id=self.id)

    def action_reverse(self):
        """Reverse a confirmed settlement and open a new draft; returns the draft."""
        self.ensure_one()
        self._check_coordinator()
        if self.state not in REVERSE_STATES or self.is_reversal:
            raise UserError(self.env._("Only a confirmed settlement can be reversed."))
        values = {name: self[name] for name in SNAPSHOT_FIELDS + FIGURE_FIELDS}
        values.update({name: -self[name] for name in ("total_cost", *MONEY_FIELDS)})
        transition = self._ixl_transition()
        reversal = transition.create({
            **values, "edition_id": self.edition_id.id, "is_reversal": True,
            "reversed_settlement_id": self.id, "state": "confirmed",
            "confirmed_by_id": self.env.user.id, "confirmed_on": fields.Datetime.now(),
        })
        transition.write({"state": "reversed", "reversal_id": reversal.id})
        return self.create({"edition_id": self.edition_id.id})

    def action_reverse_and_open(self):
        draft = self.action_reverse()
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": draft.id, "view_mode": "form"}
